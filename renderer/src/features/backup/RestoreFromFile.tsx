// "Khôi phục từ tệp khác": a backup copied from elsewhere (.sqlite) or a transfer file from
// the old computer (.ttmove), by its path; a refusal shows under the path.
import { Button, Form, Input } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api';
import type { RestoreFlow } from './useRestore';

export function RestoreFromFile({ flow }: { flow: RestoreFlow }) {
  const [form] = Form.useForm<{ path: string }>();
  const path = Form.useWatch('path', form) ?? '';

  const preview = async ({ path: typed }: { path: string }) => {
    try {
      await flow.open(typed.trim());
    } catch (err) {
      form.setFields([{ name: 'path', errors: [errorMessage(err)] }]);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      className="path-form"
      onFinish={(v) => void preview(v)}
      data-testid="restore-file-form"
    >
      <Form.Item
        label="Khôi phục từ tệp khác"
        extra="Bản sao lưu (.sqlite) chép từ nơi khác, hoặc tệp chuyển máy (.ttmove) tạo trên máy cũ."
      >
        <div className="path-line">
          <Form.Item
            name="path"
            noStyle
            rules={[{ required: true, whitespace: true, message: 'Hãy nhập đường dẫn của tệp.' }]}
          >
            <Input
              placeholder="Đường dẫn đầy đủ, ví dụ E:\SaoLuu\LS-CAOLOC_chuyen-may.ttmove"
              data-testid="restore-file-path"
            />
          </Form.Item>
          <Button
            htmlType="submit"
            icon={<EyeOutlined />}
            loading={flow.loading !== null && flow.loading === path.trim()}
            data-testid="restore-file-preview"
          >
            Xem trước
          </Button>
        </div>
      </Form.Item>
    </Form>
  );
}
