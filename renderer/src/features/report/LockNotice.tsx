// The period's lock, under the export button: locked since the export (with "Mở khóa để
// sửa"), or unlocked for correction with the reason given.
import { useState } from 'react';
import { Alert, Button } from 'antd';
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import type { PeriodLock } from '../../../../shared/contract';
import { formatInstant } from '../../lib/dates';
import { useWritable } from '../../stores/app';
import { UnlockModal } from './UnlockModal';

export function LockNotice({ lock }: { lock: PeriodLock }) {
  const [open, setOpen] = useState(false);
  const writable = useWritable();

  if (lock.unlockedAt !== null) {
    return (
      <Alert
        type="info"
        showIcon
        icon={<UnlockOutlined />}
        data-testid="lock-state"
        title={`Đã mở khóa để sửa lúc ${formatInstant(lock.unlockedAt)}. Lần xuất gói sau sẽ là bản đính chính.`}
        description={lock.unlockReason ? `Lý do: ${lock.unlockReason}` : undefined}
      />
    );
  }
  return (
    <>
      <Alert
        type="warning"
        showIcon
        icon={<LockOutlined />}
        data-testid="lock-state"
        title="Kỳ này đã gửi báo cáo nên số liệu đã khóa"
        description={`Khóa từ ${formatInstant(lock.lockedAt)}. Muốn sửa hoạt động trong kỳ, hãy mở khóa và ghi rõ lý do.`}
        action={
          <Button
            icon={<UnlockOutlined />}
            disabled={!writable}
            onClick={() => setOpen(true)}
            data-testid="unlock-button"
          >
            Mở khóa để sửa
          </Button>
        }
      />
      <UnlockModal open={open} label={lock.label} onClose={() => setOpen(false)} />
    </>
  );
}
