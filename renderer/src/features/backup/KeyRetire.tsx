// After the office moved to another computer: this one marks its signing key as no longer
// in use, so it signs nothing more (two computers signing for one office would confuse the
// province). Undone from here too, if the move is called off.
import { Alert, Button, Popconfirm } from 'antd';
import { StopOutlined, UndoOutlined } from '@ant-design/icons';
import type { KeyInfo } from '../../../../shared/package';
import { api } from '../../api';
import { FormError } from '../../components/FormError';
import { formatInstant } from '../../lib/dates';
import { useSubmit } from '../../lib/useSubmit';

interface Props {
  info: KeyInfo;
  onChanged: (info: KeyInfo) => void;
}

export function KeyRetire({ info, onChanged }: Props) {
  const submit = useSubmit();
  const retire = (retired: boolean) =>
    submit.run(async () => onChanged(await api['key:retire']({ retired })));

  if (info.retiredAt) {
    return (
      <>
        <Alert
          type="warning"
          showIcon
          data-testid="key-retired"
          title={`Khóa ký của máy này đã ngưng dùng từ ${formatInstant(info.retiredAt)}: máy này không ký gói dữ liệu nào nữa.`}
          action={
            <Button
              size="small"
              icon={<UndoOutlined />}
              loading={submit.busy}
              onClick={() => void retire(false)}
              data-testid="key-unretire"
            >
              Dùng lại khóa trên máy này
            </Button>
          }
        />
        <FormError error={submit.error} />
      </>
    );
  }
  return (
    <>
      <Popconfirm
        title="Ngưng dùng khóa ký trên máy này?"
        description={
          <div className="retire-text">
            Làm khi máy mới đã khôi phục xong tệp chuyển máy. Từ đó máy này không ký và không xuất
            gói dữ liệu nào nữa; dữ liệu trên máy vẫn xem được. Có thể dùng lại khóa nếu đổi ý.
          </div>
        }
        okText="Ngưng dùng"
        cancelText="Không"
        okButtonProps={{ danger: true, 'data-testid': 'key-retire-ok' }}
        onConfirm={() => void retire(true)}
      >
        <Button danger icon={<StopOutlined />} loading={submit.busy} data-testid="key-retire">
          Đánh dấu khóa của máy này ngưng dùng
        </Button>
      </Popconfirm>
      <FormError error={submit.error} />
    </>
  );
}
