// The frame around every screen: menu on the left (the desks that are on), the office in
// the header, and a red banner that stays while the data file is read-only.
import { Alert, Button, Layout, Menu } from 'antd';
import { BackupScreen } from '../features/backup/BackupScreen';
import { CompletenessScreen } from '../features/completeness/CompletenessScreen';
import { InboxScreen } from '../features/inbox/InboxScreen';
import { LogbookScreen } from '../features/logbook/LogbookScreen';
import { DirectivesScreen } from '../features/directives/DirectivesScreen';
import { KeyScreen } from '../features/keys/KeyScreen';
import { OutboxScreen } from '../features/outbox/OutboxScreen';
import { ProfileScreen } from '../features/profile/ProfileScreen';
import { MergedScreen } from '../features/merged/MergedScreen';
import { ReportScreen } from '../features/report/ReportScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { TrustScreen } from '../features/trust/TrustScreen';
import { useAppStore, type Screen } from '../stores/app';
import { menuItems } from './menuItems';

const SCREENS: Record<Screen, () => React.ReactNode> = {
  logbook: () => <LogbookScreen />,
  report: () => <ReportScreen />,
  outbox: () => <OutboxScreen />,
  keys: () => <KeyScreen />,
  inbox: () => <InboxScreen />,
  completeness: () => <CompletenessScreen />,
  merged: () => <MergedScreen />,
  trust: () => <TrustScreen />,
  directives: () => <DirectivesScreen />,
  profile: () => <ProfileScreen />,
  settings: () => <SettingsScreen />,
  backup: () => <BackupScreen />,
};

export function AppLayout() {
  const info = useAppStore((s) => s.info);
  const office = useAppStore((s) => s.profile?.office);
  const desks = useAppStore((s) => s.desks);
  const screen = useAppStore((s) => s.screen);
  const setScreen = useAppStore((s) => s.setScreen);

  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Sider width={224} breakpoint="lg" collapsedWidth={64}>
        <div className="app-brand">
          Sổ tuyên truyền
          <small>Phòng, chống mua bán người</small>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[screen]}
          items={menuItems(desks)}
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
            action={
              screen !== 'backup' ? (
                <Button size="small" onClick={() => setScreen('backup')}>
                  Sao lưu và khôi phục
                </Button>
              ) : null
            }
          />
        ) : null}
        <Layout.Content style={{ minHeight: 0, overflow: 'auto' }}>
          {SCREENS[screen]()}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
