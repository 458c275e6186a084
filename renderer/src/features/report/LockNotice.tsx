// The period's lock, under the export button: locked since the export (with "Mở khóa để
// sửa"), or unlocked for correction with the reason given. It says "exported", never
// "sent": whether the package has left is the package's state, shown beside it.
import { useState } from 'react';
import { Alert, Button } from 'antd';
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import type { PeriodLock } from '../../../../shared/contract';
import { formatInstant } from '../../lib/dates';
import { useWritable } from '../../stores/app';
import { UnlockModal } from './UnlockModal';

interface Props {
  lock: PeriodLock;
  /** The number of the package whose export locked the period, when known. */
  sequence: number | null;
}

export function LockNotice({ lock, sequence }: Props) {
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
  const by = sequence !== null ? ` (gói số ${String(sequence)})` : '';
  return (
    <>
      <Alert
        type="warning"
        showIcon
        icon={<LockOutlined />}
        data-testid="lock-state"
        title="Kỳ này đã xuất gói báo cáo nên số liệu đã khóa"
        description={
          `Khóa từ ${formatInstant(lock.lockedAt)}${by}: hoạt động, văn bản chỉ đạo trong kỳ và ` +
          'nội dung báo cáo không sửa được. Muốn sửa, hãy mở khóa và ghi rõ lý do.'
        }
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
