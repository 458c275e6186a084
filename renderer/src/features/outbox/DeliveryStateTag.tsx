// A delivery's state as a coloured tag, in Vietnamese. "Đã gửi" is shown for the state 'sent'
// only: a delivery waiting for its next try after a failed one says so, and a failure that
// will not be retried says the package did not get there, so nobody takes a queued package
// for a delivered one.
import { Tag, Tooltip } from 'antd';
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
  SyncOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { DeliveryRow } from '../../../../shared/contract';

type Shown = 'pending' | 'retrying' | 'sending' | 'sent' | 'failed' | 'cancelled';

const SHOWN: Record<Shown, { label: string; color: string; icon: React.ReactNode; hint: string }> =
  {
    pending: {
      label: 'Chờ gửi',
      color: 'gold',
      icon: <ClockCircleOutlined />,
      hint: 'Chưa gửi: lượt gửi đang chờ đến lượt.',
    },
    retrying: {
      label: 'Gửi lỗi, sẽ thử lại',
      color: 'orange',
      icon: <WarningOutlined />,
      hint: 'Chưa gửi được: lần gửi trước bị lỗi (xem "Lỗi gần nhất"); ứng dụng sẽ tự thử lại.',
    },
    sending: {
      label: 'Đang gửi',
      color: 'processing',
      icon: <SyncOutlined spin />,
      hint: 'Gói đang được gửi đi.',
    },
    sent: {
      label: 'Đã gửi',
      color: 'success',
      icon: <CheckCircleOutlined />,
      hint: 'Đã tới nơi nhận: máy chủ thư hoặc máy chủ của tỉnh đã nhận, hoặc bản sao trong thư mục đã được đọc lại và kiểm tra.',
    },
    failed: {
      label: 'Không gửi được',
      color: 'error',
      icon: <ExclamationCircleOutlined />,
      hint: 'Gói chưa tới nơi nhận và ứng dụng không tự thử lại: xem "Lỗi gần nhất", khắc phục rồi bấm "Gửi ngay".',
    },
    cancelled: {
      label: 'Đã hủy',
      color: 'default',
      icon: <CloseCircleOutlined />,
      hint: 'Lượt gửi đã bị hủy; gói không được gửi tới nơi này.',
    },
  };

/** A pending delivery that has already failed once is waiting for its retry. */
export function shownState(row: Pick<DeliveryRow, 'state' | 'lastError' | 'attempts'>): Shown {
  if (row.state === 'pending' && row.attempts > 0 && row.lastError) return 'retrying';
  return row.state;
}

export function DeliveryStateTag({
  row,
}: {
  row: Pick<DeliveryRow, 'state' | 'lastError' | 'attempts'>;
}) {
  const shown = shownState(row);
  const s = SHOWN[shown];
  return (
    <Tooltip title={s.hint}>
      <Tag color={s.color} icon={s.icon} variant="outlined" data-state={shown}>
        {s.label}
      </Tag>
    </Tooltip>
  );
}
