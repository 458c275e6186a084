// The second place for backups: a folder on another drive or a USB stick. Each backup is
// copied there whenever it can be written; set or cleared here, checked by the engine.
import { useEffect } from 'react';
import { App, Button, Form, Input } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import type { BackupStatus } from '../../../../shared/backup';
import { api } from '../../api';
import { FormError } from '../../components/FormError';
import { showOnField } from '../../lib/serverErrors';
import { useSubmit } from '../../lib/useSubmit';

interface Props {
  status: BackupStatus | null;
  onSaved: (status: BackupStatus) => void;
}

export function MirrorForm({ status, onSaved }: Props) {
  const [form] = Form.useForm<{ mirrorDir: string }>();
  const { message } = App.useApp();
  const submit = useSubmit();
  const saved = status?.mirrorDir ?? null;

  useEffect(() => {
    form.setFieldsValue({ mirrorDir: saved ?? '' });
  }, [saved, form]);

  const save = (mirrorDir: string | null) =>
    submit.run(
      async () => {
        const next = await api['backup:saveSettings']({ mirrorDir });
        onSaved(next);
        void message.success(
          mirrorDir === null ? 'Đã bỏ nơi lưu thứ hai.' : 'Đã lưu nơi lưu bản sao thứ hai.',
        );
      },
      (err) => showOnField(form, err, (p) => (p[0] === 'mirrorDir' ? ['mirrorDir'] : null)),
    );

  return (
    <Form
      form={form}
      layout="vertical"
      className="path-form"
      disabled={status === null}
      onFinish={(v) => void save(v.mirrorDir.trim())}
      data-testid="mirror-form"
    >
      <Form.Item
        label="Nơi lưu bản sao thứ hai"
        extra="Một thư mục trên ổ đĩa khác hoặc USB. Mỗi bản sao lưu được chép thêm vào đó; khi USB đang rút ra, bản sao chờ đến lần cắm sau."
      >
        <div className="path-line">
          <Form.Item
            name="mirrorDir"
            noStyle
            rules={[
              { required: true, whitespace: true, message: 'Hãy nhập đường dẫn của thư mục.' },
            ]}
          >
            <Input placeholder="Ví dụ E:\ hoặc /media/usb" data-testid="mirror-dir" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<SaveOutlined />}
            loading={submit.busy}
            data-testid="mirror-save"
          >
            Lưu
          </Button>
          {saved !== null ? (
            <Button
              onClick={() => void save(null)}
              disabled={submit.busy}
              data-testid="mirror-clear"
            >
              Bỏ nơi thứ hai
            </Button>
          ) : null}
        </div>
      </Form.Item>
      <FormError error={submit.error} />
    </Form>
  );
}
