// One office in one period: received, corrected (a replacement counted), missing or
// quarantined; the package number and the day it came, and "Trễ hạn" when late.
import { Tag, Typography } from 'antd';
import type { Completeness, CompletenessState } from '../../../../shared/inbox';
import { formatDate, localToday } from '../../../../shared/format';

type Cell = Completeness['offices'][number]['cells'][number];

export const STATES: Record<CompletenessState, { label: string; color: string }> = {
  received: { label: 'Đã nhận', color: 'green' },
  corrected: { label: 'Đã sửa (bản thay thế)', color: 'blue' },
  missing: { label: 'Chưa nộp', color: 'default' },
  quarantined: { label: 'Cách ly', color: 'orange' },
  // The period ended before the desk began to follow the office: nothing was due.
  notFollowed: { label: 'Chưa theo dõi', color: 'default' },
};

/** An ISO instant as the local day it fell on, dd/mm/yyyy. */
export function receivedDay(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatDate(localToday(d));
}

export function StateCell({ cell, testId }: { cell: Cell; testId: string }) {
  const s = STATES[cell.state];
  if (cell.state === 'notFollowed') {
    return (
      <div className="completeness-cell" data-testid={testId} data-state={cell.state}>
        <Typography.Text type="secondary" title="Kỳ này kết thúc trước khi bắt đầu theo dõi đơn vị">
          {s.label}
        </Typography.Text>
      </div>
    );
  }
  return (
    <div className="completeness-cell" data-testid={testId} data-state={cell.state}>
      <div className="completeness-tags">
        <Tag color={s.color} style={{ marginInlineEnd: 0 }}>
          {s.label}
        </Tag>
        {cell.late ? (
          <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid={`${testId}-late`}>
            Trễ hạn
          </Tag>
        ) : null}
      </div>
      {cell.sequence !== null || cell.receivedAt !== null ? (
        <Typography.Text type="secondary" className="completeness-detail">
          {cell.sequence !== null ? `Gói số ${String(cell.sequence)}` : ''}
          {cell.sequence !== null && cell.receivedAt !== null ? ' · ' : ''}
          {cell.receivedAt !== null ? `nhận ${receivedDay(cell.receivedAt)}` : ''}
        </Typography.Text>
      ) : null}
    </div>
  );
}
