// Chooses what to show: a loading state, the first-run setup, or the app with its menu.
import { useEffect } from 'react';
import { Button, Result, Spin } from 'antd';
import { AppLayout } from './components/AppLayout';
import { ProfileScreen } from './features/profile/ProfileScreen';
import { useAppStore } from './stores/app';

export function App() {
  const info = useAppStore((s) => s.info);
  const startError = useAppStore((s) => s.startError);
  const refresh = useAppStore((s) => s.refresh);

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
  if (!info.hasProfile) return <ProfileScreen firstRun />;
  return <AppLayout />;
}
