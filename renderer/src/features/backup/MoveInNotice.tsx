// On a new computer's first start: the office may be moving in from an old computer with a
// transfer file (.ttmove) rather than starting a new logbook, so the first-run setup offers
// to restore that file instead of declaring the office again.
import { useState } from 'react';
import { Alert, Button, Card } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { RestoreFromFile } from './RestoreFromFile';
import { useRestore } from './useRestore';
import './backup.css';

export function MoveInNotice() {
  const flow = useRestore();
  const [open, setOpen] = useState(false);
  return (
    <div className="first-run move-in" data-testid="move-in">
      <Alert
        type="info"
        showIcon
        title="Chuyển từ máy khác sang? Nếu có tệp chuyển máy (.ttmove) hoặc bản sao lưu của đơn vị, hãy khôi phục tệp đó thay vì khai báo lại từ đầu."
        action={
          open ? null : (
            <Button
              size="small"
              icon={<ImportOutlined />}
              onClick={() => setOpen(true)}
              data-testid="move-in-open"
            >
              Khôi phục từ tệp…
            </Button>
          )
        }
      />
      {open ? (
        <Card size="small" className="move-in-form">
          <RestoreFromFile flow={flow} />
        </Card>
      ) : null}
      {flow.modal}
    </div>
  );
}
