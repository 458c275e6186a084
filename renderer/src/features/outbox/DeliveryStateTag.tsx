// A delivery's state as a coloured tag, in Vietnamese.
import { Tag } from 'antd';
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import type { DeliveryState } from '../../../../shared/contract';

const STATES: Record<DeliveryState, { label: string; color: string; icon: React.ReactNode }> = {
  pending: { label: 'Chờ gửi', color: 'gold', icon: <ClockCircleOutlined /> },
  sending: { label: 'Đang gửi', color: 'processing', icon: <SyncOutlined spin /> },
  sent: { label: 'Đã gửi', color: 'success', icon: <CheckCircleOutlined /> },
  failed: { label: 'Lỗi', color: 'error', icon: <ExclamationCircleOutlined /> },
  cancelled: { label: 'Đã hủy', color: 'default', icon: <CloseCircleOutlined /> },
};

export function DeliveryStateTag({ state }: { state: DeliveryState }) {
  const s = STATES[state];
  return (
    <Tag color={s.color} icon={s.icon} variant="outlined">
      {s.label}
    </Tag>
  );
}
