// Chooses what to show: a loading state, the recovery screen (the data file is missing,
// emptied or damaged), the first-run setup, or the app with its menu.
import { useEffect } from 'react';
import { Button, Result, Spin } from 'antd';
import { AppLayout } from './components/AppLayout';
import { PassphrasePrompt } from './components/PassphrasePrompt';
import { MoveInNotice } from './features/backup/MoveInNotice';
import { RecoveryScreen } from './features/backup/RecoveryScreen';
import { ProfileScreen } from './features/profile/ProfileScreen';
import { useAppStore } from './stores/app';

export function App() {
  const info = useAppStore((s) => s.info);
  const startError = useAppStore((s) => s.startError);
  const refresh = useAppStore((s) => s.refresh);
  const recoveryDeclined = useAppStore((s) => s.recoveryDeclined);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (startError !== null && info === null) {
    return (
      <Result
        status="error"
        title="Không mở được dữ liệu"
        subTitle={startError}
        extra={
          <Button type="primary" onClick={() => void refresh()}>
            Thử lại
          </Button>
        }
      />
    );
  }
  if (info === null) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', height: '100%' }}>
        <Spin size="large" description="Đang mở sổ tuyên truyền…" />
      </div>
    );
  }
  if (info.recovery && !recoveryDeclined) {
    return <RecoveryScreen info={info} offer={info.recovery} />;
  }
  if (!info.hasProfile) {
    return (
      <>
        <MoveInNotice />
        <ProfileScreen firstRun />
      </>
    );
  }
  return (
    <>
      <AppLayout />
      <PassphrasePrompt />
    </>
  );
}
