// Asks for the signing key's passphrase when the engine needs it and holds none: browser
// mode started without TUYENTRUYEN_PASSPHRASE. The passphrase goes to 'key:unlock', which
// checks it against the sealed key and keeps it in the engine's memory until it stops;
// api.ts then retries the call that needed it. With no key yet, the passphrase is the new
// key's and is typed twice.
import { useEffect, useRef, useState } from 'react';
import { Form, Input, Modal, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { api, errorMessage, setPassphraseAsker } from '../api';
import { FormError } from './FormError';

type Purpose = 'open' | 'create';

interface Values {
  passphrase: string;
  again?: string;
}

/** A new key's passphrase: as long as the key backup's (KeyBackupCard). */
const MIN_NEW = 8;

export function PassphrasePrompt() {
  const [purpose, setPurpose] = useState<Purpose | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const settle = useRef<((unlocked: boolean) => void) | null>(null);

  useEffect(() => {
    setPassphraseAsker(async () => {
      // Without a key the passphrase seals the new one: nothing to check it against.
      const info = await api['key:info']({}).catch(() => null);
      return new Promise<boolean>((resolve) => {
        settle.current = resolve;
        setError(null);
        setPurpose(info && !info.exists ? 'create' : 'open');
      });
    });
    return () => setPassphraseAsker(null);
  }, []);

  const close = (unlocked: boolean) => {
    settle.current?.(unlocked);
    settle.current = null;
    setPurpose(null);
  };

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
