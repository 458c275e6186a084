// The actions of a row dated in a locked period (exported, not unlocked): a lock that says
// why, the edit and delete buttons disabled with the same words (instead of a form that
// fails on Save), and the history, which stays open to all.
import { Button, Space, Tooltip } from 'antd';
import { DeleteOutlined, EditOutlined, LockOutlined, UndoOutlined } from '@ant-design/icons';
import type { PeriodLock } from '../../../../shared/contract';
import { lockedReason } from '../report/locks';

/** The lock icon with its explanation. */
export function RowLock({ lock }: { lock: PeriodLock }) {
  const reason = lockedReason(lock);
  return (
    <Tooltip title={reason}>
      <LockOutlined className="row-lock" aria-label={reason} data-testid="row-locked" />
    </Tooltip>
  );
}

interface Props {
  lock: PeriodLock;
  /** The history button, unchanged. */
  history?: React.ReactNode;
  /** The row is in "Đã xóa": restore, not edit and delete. */
  deleted?: boolean;
}

export function LockedActions({ lock, history, deleted = false }: Props) {
  const reason = lockedReason(lock);
  if (deleted) {
    return (
      <Space size={4}>
        <RowLock lock={lock} />
        <Tooltip title={reason}>
          <Button size="small" icon={<UndoOutlined />} disabled data-testid="row-restore">
            Khôi phục
          </Button>
        </Tooltip>
        {history}
      </Space>
    );
  }
  return (
    <Space size={0}>
      <span className="row-lock-slot">
        <RowLock lock={lock} />
      </span>
      <Tooltip title={reason}>
        <Button
          type="text"
          size="small"
          icon={<EditOutlined />}
          aria-label="Sửa (đã khóa)"
          disabled
          data-testid="row-edit"
        />
      </Tooltip>
      {history}
      <Tooltip title={reason}>
        <Button
          type="text"
          size="small"
          danger
          icon={<DeleteOutlined />}
          aria-label="Xóa (đã khóa)"
          disabled
          data-testid="row-delete"
        />
      </Tooltip>
    </Space>
  );
}
