// The passphrase dialog of PassphrasePrompt, loaded the first time a key is needed.
import { useEffect, useState } from 'react';
import { Form, Input, Modal, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../api';
import { FormError } from './FormError';

export type Purpose = 'open' | 'create';

interface Values {
  passphrase: string;
  again?: string;
}

/** A new key's passphrase: as long as the key backup's (KeyBackupCard). */
const MIN_NEW = 8;

interface Props {
  /** null: closed. */
  purpose: Purpose | null;
  close: (unlocked: boolean) => void;
}

export function PassphraseDialog({ purpose, close }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();

  // Each time it opens, no error of an earlier time.
  useEffect(() => {
    if (purpose !== null) setError(null);
  }, [purpose]);

  const submit = async ({ passphrase }: Values) => {
    setBusy(true);
    setError(null);
    try {
      await api['key:unlock']({ passphrase });
      close(true);
    } catch (err) {
      setError(errorMessage(err));
      form.setFieldsValue({ passphrase: '', again: '' });
    } finally {
      setBusy(false);
    }
  };

  const creating = purpose === 'create';
  return (
    <Modal
      open={purpose !== null}
      title={
        <span>
          <LockOutlined /> {creating ? 'Đặt mật khẩu cho khóa ký mới' : 'Nhập mật khẩu khóa ký'}
        </span>
      }
      okText={creating ? 'Đặt mật khẩu' : 'Mở khóa'}
      cancelText="Hủy"
      okButtonProps={{ 'data-testid': 'passphrase-ok' }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => close(false)}
      zIndex={1100}
      maskClosable={false}
      destroyOnHidden
    >
      <div data-testid="passphrase-prompt">
        {creating ? (
          <Typography.Paragraph>
            Cơ quan chưa có khóa ký. Ứng dụng sẽ tạo khóa ký để ký các gói báo cáo gửi cơ quan cấp
            trên, và bảo vệ khóa bằng mật khẩu đặt ở đây. Hãy ghi nhớ mật khẩu: quên mật khẩu thì
            không ký được gói báo cáo bằng khóa này.
          </Typography.Paragraph>
        ) : (
          <Typography.Paragraph>
            Việc này cần khóa ký của cơ quan — khóa dùng để ký các gói báo cáo gửi cơ quan cấp trên,
            để nơi nhận biết chắc gói do cơ quan mình gửi và không bị sửa. Khóa được bảo vệ bằng mật
            khẩu; chỉ người giữ khóa mới biết mật khẩu này.
          </Typography.Paragraph>
        )}
        <Typography.Paragraph type="secondary">
          Mật khẩu chỉ được giữ trong bộ nhớ của chương trình đến khi dừng, không ghi ra đĩa.
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item
            name="passphrase"
            label={creating ? `Mật khẩu mới (ít nhất ${MIN_NEW} ký tự)` : 'Mật khẩu khóa ký'}
            rules={[
              { required: true, message: 'Hãy nhập mật khẩu.' },
              ...(creating
                ? [{ min: MIN_NEW, message: `Mật khẩu cần ít nhất ${MIN_NEW} ký tự.` }]
                : []),
            ]}
          >
            <Input.Password autoFocus autoComplete="off" data-testid="passphrase-input" />
          </Form.Item>
          {creating ? (
            <Form.Item
              name="again"
              label="Nhập lại mật khẩu"
              dependencies={['passphrase']}
              rules={[
                { required: true, message: 'Hãy nhập lại mật khẩu.' },
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    value === getFieldValue('passphrase')
                      ? Promise.resolve()
                      : Promise.reject(new Error('Hai lần nhập mật khẩu không giống nhau.')),
                }),
              ]}
            >
              <Input.Password autoComplete="off" data-testid="passphrase-again" />
            </Form.Item>
          ) : null}
          {/* Enter in a field submits, as in any login box. */}
          <button type="submit" hidden />
        </Form>
        <FormError error={error} testId="passphrase-error" />
      </div>
    </Modal>
  );
}
