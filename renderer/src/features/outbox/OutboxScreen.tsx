// "Hộp thư đi": what is waiting to leave, what left and what failed. The list refreshes
// every 3 seconds while the screen is open; the engine's outbox does the sending.
import { useEffect } from 'react';
import { Alert, Typography } from 'antd';
import { useOutboxStore } from '../../stores/outbox';
import { shownState } from './DeliveryStateTag';
import { DeliveryTable } from './DeliveryTable';
import './outbox.css';

export const REFRESH_MS = 3000;

export function OutboxScreen() {
  const rows = useOutboxStore((s) => s.rows);
  const loaded = useOutboxStore((s) => s.loaded);
  const error = useOutboxStore((s) => s.error);

  useEffect(() => {
    const { load } = useOutboxStore.getState();
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);

  // A replaced package's deliveries left the queue: they are neither waiting nor failed.
  const shown = rows.map(shownState);
  const waiting = shown.filter(
    (s) => s === 'pending' || s === 'retrying' || s === 'sending',
  ).length;
  const notSent = shown.filter((s) => s === 'failed').length;
  const summary = [
    waiting > 0 ? `${waiting} lượt đang chờ gửi` : 'Không có gì đang chờ gửi',
    ...(notSent > 0 ? [`${notSent} lượt không gửi được`] : []),
  ].join('; ');

  return (
    <div className="screen" data-testid="outbox">
      <div className="page-title">
        <h1>Hộp thư đi</h1>
        <Typography.Text type="secondary" data-testid="outbox-summary">
          {summary}
        </Typography.Text>
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Mỗi gói dữ liệu có một lượt gửi cho từng nơi nhận. Khi mất mạng hoặc máy chủ tạm từ chối,
        ứng dụng tự thử gửi lại sau; một gói không bao giờ được gửi hai lần tới cùng một nơi.
        &ldquo;Đã gửi&rdquo; chỉ hiện khi nơi nhận đã nhận gói. Khi xuất gói đính chính, gói cũ chưa
        gửi được rút khỏi hàng chờ.
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} data-testid="outbox-error" /> : null}
      <DeliveryTable rows={rows} loading={!loaded} />
    </div>
  );
}
