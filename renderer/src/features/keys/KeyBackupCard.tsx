// Backing the signing key up to a file protected by a passphrase, restoring it, and taking
// a key issued by a CA (.p12/.pfx). Replacing a key asks first; the engine keeps a copy of
// the replaced one.
import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Space, Typography, Upload } from 'antd';
import {
  CloudDownloadOutlined,
  ImportOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import type { KeyInfo } from '../../../../shared/package';
import { api, errorMessage } from '../../api';
import { downloadBase64 } from '../report/download';

type Action = 'backup' | 'restore' | 'pkcs12';

const TITLES: Record<Action, string> = {
  backup: 'Sao lưu khóa ký',
  restore: 'Khôi phục khóa từ tệp sao lưu',
  pkcs12: 'Nhập chứng thư số (.p12, .pfx)',
};

interface Values {
  passphrase: string;
  confirm?: string;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 1) binary += String.fromCharCode(bytes[i]!);
  return window.btoa(binary);
}

export function KeyBackupCard({
  info,
  onChanged,
}: {
  info: KeyInfo | null;
  onChanged: (k: KeyInfo) => void;
}) {
  const { message } = App.useApp();
  const [action, setAction] = useState<Action | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();

  const open = (a: Action) => {
    form.resetFields();
    setFile(null);
    setAction(a);
  };

  const submit = async (values: Values) => {
    if (!action) return;
    setBusy(true);
    try {
      if (action === 'backup') {
        const backup = await api['key:backup']({ passphrase: values.passphrase });
        downloadBase64(backup.base64, backup.fileName, 'application/json');
        message.success('Đã tạo tệp sao lưu khóa ký. Hãy cất tệp và mật khẩu ở hai nơi khác nhau.');
      } else {
        if (!file) {
          message.error('Hãy chọn tệp.');
          return;
        }
        const base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
        const next =
          action === 'restore'
            ? await api['key:restore']({ base64, passphrase: values.passphrase })
            : await api['key:importPkcs12']({ base64, passphrase: values.passphrase });
        onChanged(next);
        message.success('Đã thay khóa ký. Hãy gửi phiếu đăng ký mới cho cơ quan cấp trên.');
      }
      setAction(null);
    } catch (err) {
      form.setFields([{ name: 'passphrase', errors: [errorMessage(err)] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Sao lưu và khôi phục khóa ký" size="small" data-testid="key-backup">
      <Typography.Paragraph type="secondary">
        Sao lưu khóa ký ra tệp có mật khẩu để dùng lại khi thay máy. Khôi phục hoặc nhập chứng thư
        số sẽ thay khóa đang dùng.
      </Typography.Paragraph>
      <Space wrap>
        <Button
          icon={<CloudDownloadOutlined />}
          disabled={!info?.exists}
          onClick={() => open('backup')}
        >
          Sao lưu khóa ký
        </Button>
        <Button icon={<ImportOutlined />} onClick={() => open('restore')}>
          Khôi phục từ tệp sao lưu
        </Button>
        <Button icon={<SafetyCertificateOutlined />} onClick={() => open('pkcs12')}>
          Nhập chứng thư số (.p12, .pfx)
        </Button>
      </Space>
      <Modal
        open={action !== null}
        title={action ? TITLES[action] : ''}
        okText={action === 'backup' ? 'Tạo tệp sao lưu' : 'Thay khóa'}
        cancelText="Hủy"
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setAction(null)}
        destroyOnHidden
      >
        {action !== 'backup' && info?.exists ? (
          <Typography.Paragraph type="warning">
            Khóa đang dùng sẽ được thay; bản cũ vẫn được giữ trong thư mục dữ liệu.
          </Typography.Paragraph>
        ) : null}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          {action !== 'backup' ? (
            <Form.Item label="Tệp" required>
              <Upload
                maxCount={1}
                accept={action === 'pkcs12' ? '.p12,.pfx' : '.ttkey,.json'}
                beforeUpload={(f) => {
                  setFile(f);
                  return false;
                }}
                onRemove={() => setFile(null)}
              >
                <Button>Chọn tệp…</Button>
              </Upload>
            </Form.Item>
          ) : null}
          <Form.Item
            name="passphrase"
            label={
              action === 'backup'
                ? 'Mật khẩu cho tệp sao lưu (ít nhất 8 ký tự)'
                : 'Mật khẩu của tệp'
            }
            rules={[
              { required: action !== 'pkcs12', message: 'Hãy nhập mật khẩu.' },
              ...(action === 'backup'
                ? [{ min: 8, message: 'Mật khẩu cần ít nhất 8 ký tự.' }]
                : []),
            ]}
          >
            <Input.Password autoFocus />
          </Form.Item>
          {action === 'backup' ? (
            <Form.Item
              name="confirm"
              label="Nhập lại mật khẩu"
              dependencies={['passphrase']}
              rules={[
                { required: true, message: 'Hãy nhập lại mật khẩu.' },
                ({ getFieldValue }) => ({
                  validator: (_, v) =>
                    v === getFieldValue('passphrase')
                      ? Promise.resolve()
                      : Promise.reject(new Error('Hai mật khẩu không giống nhau.')),
                }),
              ]}
            >
              <Input.Password />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </Card>
  );
}
