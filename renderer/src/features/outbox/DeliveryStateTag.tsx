// A delivery's state as a coloured tag, in Vietnamese. "Đã gửi" is shown for the state 'sent'
// only: a delivery waiting for its next try after a failed one says so, and a failure that
// will not be retried says the package did not get there, so nobody takes a queued package
// for a delivered one. A delivery whose package a correction replaced left the queue and
// says by which package, by number.
import { Tag, Tooltip } from 'antd';
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
  SwapOutlined,
  SyncOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { DeliveryRow } from '../../../../shared/contract';

type Shown = 'pending' | 'retrying' | 'sending' | 'sent' | 'failed' | 'cancelled' | 'replaced';

type Row = Pick<DeliveryRow, 'state' | 'lastError' | 'attempts' | 'replacedBy'>;

const SHOWN: Record<
  Exclude<Shown, 'replaced'>,
  { label: string; color: string; icon: React.ReactNode; hint: string }
> = {
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

/**
 * A pending delivery that has already failed once is waiting for its retry. One that was
 * sent or is being sent stays so when its package is replaced: it did (or may) arrive.
 */
export function shownState(row: Row): Shown {
  if (row.replacedBy !== null && row.state !== 'sent' && row.state !== 'sending') {
    return 'replaced';
  }
  if (row.state === 'pending' && row.attempts > 0 && row.lastError) return 'retrying';
  return row.state;
}

export function DeliveryStateTag({ row }: { row: Row }) {
  const shown = shownState(row);
  if (shown === 'replaced') {
    return (
      <Tooltip title="Gói này đã có bản đính chính nên không gửi nữa; bản đính chính được gửi thay.">
        <Tag color="default" icon={<SwapOutlined />} variant="outlined" data-state={shown}>
          Đã được thay bằng gói số {row.replacedBy}
        </Tag>
      </Tooltip>
    );
  }
  const s = SHOWN[shown];
  return (
    <Tooltip title={s.hint}>
      <Tag color={s.color} icon={s.icon} variant="outlined" data-state={shown}>
        {s.label}
      </Tag>
    </Tooltip>
  );
}
