// Chooses what to show: a loading state, the recovery screen (the data file is missing,
// emptied or damaged), the first-run setup, or the app with its menu.
import { lazy, Suspense, useEffect } from 'react';
import { Button, Result, Spin } from 'antd';
import { AppLayout } from './components/AppLayout';
import { ProfileScreen, RecoveryScreen, ScreenLoading } from './components/lazyScreens';
import { PassphrasePrompt } from './components/PassphrasePrompt';
import { useAppStore } from './stores/app';

// Only a first run shows it (moving data in from another computer).
const MoveInNotice = lazy(() =>
  import('./features/backup/MoveInNotice').then((m) => ({ default: m.MoveInNotice })),
);

export function App() {
  const info = useAppStore((s) => s.info);
  const startError = useAppStore((s) => s.startError);
  const refresh = useAppStore((s) => s.refresh);
  const start = useAppStore((s) => s.start);
  const recoveryDeclined = useAppStore((s) => s.recoveryDeclined);
  const watchIntegrity = useAppStore((s) => s.watchIntegrity);

  useEffect(() => {
    // The integrity check runs after start; its finding may come while the logbook shows.
    void start().then(watchIntegrity);
  }, [start, watchIntegrity]);

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
    return (
      <Suspense fallback={<ScreenLoading />}>
        <RecoveryScreen info={info} offer={info.recovery} />
      </Suspense>
    );
  }
  if (!info.hasProfile) {
    return (
      <Suspense fallback={<ScreenLoading />}>
        <MoveInNotice />
        <ProfileScreen firstRun />
      </Suspense>
    );
  }
  return (
    <>
      <AppLayout />
      <PassphrasePrompt />
    </>
  );
}
