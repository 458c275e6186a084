// The last error of a delivery: the engine's plain sentence (what happened, what to do),
// and under "Chi tiết" the technical words behind it (the system's or the server's), which
// the office only needs when it asks someone for help.
import { useState } from 'react';
import { Button, Typography } from 'antd';
import { DownOutlined, RightOutlined } from '@ant-design/icons';
import type { DeliveryRow } from '../../../../shared/contract';

export function DeliveryError({ row }: { row: DeliveryRow }) {
  const [open, setOpen] = useState(false);
  if (!row.lastError) return null;
  return (
    <div className="outbox-error-cell" data-testid={`outbox-error-${row.id}`}>
      <Typography.Paragraph type="danger" className="outbox-error">
        {row.lastError}
      </Typography.Paragraph>
      {row.errorDetail ? (
        <>
          <Button
            type="link"
            size="small"
            className="outbox-detail-toggle"
            icon={open ? <DownOutlined /> : <RightOutlined />}
            aria-expanded={open}
            onClick={() => setOpen(!open)}
            data-testid={`outbox-detail-toggle-${row.id}`}
          >
            Chi tiết
          </Button>
          {open ? (
            <Typography.Paragraph
              className="outbox-detail mono"
              copyable={{ text: row.errorDetail, tooltips: ['Chép', 'Đã chép'] }}
              data-testid={`outbox-detail-${row.id}`}
            >
              {row.errorDetail}
            </Typography.Paragraph>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
