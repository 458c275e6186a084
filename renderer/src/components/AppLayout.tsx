// The frame around every screen: menu on the left, the office in the header, and a red
// banner that stays while the data file is read-only.
import { Alert, Layout, Menu } from 'antd';
import {
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  FileTextOutlined,
  KeyOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { LogbookScreen } from '../features/logbook/LogbookScreen';
import { DirectivesScreen } from '../features/directives/DirectivesScreen';
import { KeyScreen } from '../features/keys/KeyScreen';
import { OutboxScreen } from '../features/outbox/OutboxScreen';
import { ProfileScreen } from '../features/profile/ProfileScreen';
import { ReportScreen } from '../features/report/ReportScreen';
import { useAppStore, type Screen } from '../stores/app';

const MENU = [
  { key: 'logbook', icon: <BookOutlined />, label: 'Sổ hoạt động' },
  { key: 'report', icon: <BarChartOutlined />, label: 'Báo cáo' },
  { key: 'outbox', icon: <SendOutlined />, label: 'Hộp thư đi' },
  { key: 'directives', icon: <FileTextOutlined />, label: 'Văn bản chỉ đạo' },
  { key: 'profile', icon: <BankOutlined />, label: 'Thông tin đơn vị' },
  { key: 'keys', icon: <KeyOutlined />, label: 'Khóa ký và gửi' },
] satisfies { key: Screen; icon: React.ReactNode; label: string }[];

export function AppLayout() {
  const info = useAppStore((s) => s.info);
  const office = useAppStore((s) => s.profile?.office);
  const screen = useAppStore((s) => s.screen);
  const setScreen = useAppStore((s) => s.setScreen);

  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Sider width={208} breakpoint="lg" collapsedWidth={64}>
        <div className="app-brand">
          Sổ tuyên truyền
          <small>Phòng, chống mua bán người</small>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[screen]}
          items={MENU.map((m) => ({ ...m, 'data-testid': `menu-${m.key}` }))}
          onClick={({ key }) => setScreen(key as Screen)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <div className="office" data-testid="office-name">
            <span className="office-name">{office?.name ?? ''}</span>
            {office?.parent ? <span className="office-parent">{office.parent}</span> : null}
          </div>
        </Layout.Header>
        {info && !info.writable ? (
          <Alert
            type="error"
            banner
            showIcon
            data-testid="readonly-alert"
            title="Dữ liệu đang ở chế độ chỉ đọc"
            description={info.problem ?? 'Tệp dữ liệu bị hỏng; không thể ghi thêm.'}
          />
        ) : null}
        <Layout.Content style={{ minHeight: 0, overflow: 'auto' }}>
          {screen === 'logbook' ? <LogbookScreen /> : null}
          {screen === 'report' ? <ReportScreen /> : null}
          {screen === 'outbox' ? <OutboxScreen /> : null}
          {screen === 'keys' ? <KeyScreen /> : null}
          {screen === 'directives' ? <DirectivesScreen /> : null}
          {screen === 'profile' ? <ProfileScreen /> : null}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
