// The frame around every screen: menu on the left (the desks that are on), the office in
// the header, and a red banner that stays while the data file is read-only.
// Only the logbook (with the activity form) is in the first chunk the page loads; every
// other screen is its own chunk, fetched when first opened, so that the logbook's rows do
// not wait for code an officer may not use this session (lazyScreens.ts).
import { Suspense } from 'react';
import { Alert, Button, Layout, Menu } from 'antd';
import { LogbookScreen } from '../features/logbook/LogbookScreen';
import { useAppStore, type Screen } from '../stores/app';
import {
  BackupScreen,
  CompletenessScreen,
  DirectivesScreen,
  InboxScreen,
  KeyScreen,
  MergedScreen,
  OutboxScreen,
  ProfileScreen,
  ReportScreen,
  ScreenLoading,
  SettingsScreen,
  TrustScreen,
} from './lazyScreens';
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
          <Suspense fallback={<ScreenLoading />}>{SCREENS[screen]()}</Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
