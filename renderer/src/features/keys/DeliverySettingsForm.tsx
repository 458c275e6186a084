// How packages leave by email and upload: the SMTP account (password write-only), the
// sender, the recipients (one a line) and the province's upload address.
import { looksLikeEmail } from '../../../../shared/email';
import { useEffect, useState } from 'react';
import { App, Card, Form, Input, InputNumber, Select } from 'antd';
import type { DeliverySettings } from '../../../../shared/contract';
import { api, errorMessage } from '../../api';
import { SaveFooter } from '../../components/SaveFooter';
import { useSubmit } from '../../lib/useSubmit';
import { useWritable } from '../../stores/app';

interface Values {
  smtpHost: string;
  smtpPort: number | null;
  smtpSecurity: DeliverySettings['smtpSecurity'];
  smtpUser: string;
  smtpPassword: string;
  sender: string;
  recipients: string;
  uploadUrl: string;
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

const toValues = (s: DeliverySettings): Values => ({
  smtpHost: s.smtpHost,
  smtpPort: s.smtpPort,
  smtpSecurity: s.smtpSecurity,
  smtpUser: s.smtpUser,
  smtpPassword: '',
  sender: s.sender,
  recipients: s.recipients.join('\n'),
  uploadUrl: s.uploadUrl,
});

const emailRule = {
  validator: (_: unknown, v: string | undefined) =>
    !v || looksLikeEmail(v)
      ? Promise.resolve()
      : Promise.reject(new Error('Địa chỉ email chưa đúng, ví dụ: vhtt.caoloc@langson.gov.vn')),
};

export function DeliverySettingsForm() {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const writable = useWritable();
  const [settings, setSettings] = useState<DeliverySettings | null>(null);
  const submit = useSubmit();
  const { setError } = submit;

  useEffect(() => {
    api['settings:getDelivery']({})
      .then((s) => {
        setSettings(s);
        form.setFieldsValue(toValues(s));
      })
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [form]);

  const save = (v: Values) =>
    submit.run(async () => {
      const saved = await api['settings:saveDelivery']({
        smtpHost: v.smtpHost.trim(),
        smtpPort: v.smtpPort ?? 587,
        smtpSecurity: v.smtpSecurity,
        smtpUser: v.smtpUser.trim(),
        ...(v.smtpPassword !== '' ? { smtpPassword: v.smtpPassword } : {}),
        sender: v.sender.trim(),
        recipients: lines(v.recipients),
        uploadUrl: v.uploadUrl.trim(),
      });
      setSettings(saved);
      form.setFieldsValue(toValues(saved));
      void message.success('Đã lưu cài đặt gửi.');
    });

  return (
    <Card size="small" title="Cài đặt gửi email và tải lên" data-testid="delivery-settings">
      <Form<Values>
        form={form}
        layout="vertical"
        className="delivery-form"
        disabled={!writable || settings === null}
        onFinish={(v) => void save(v)}
      >
        <div className="delivery-grid">
          <Form.Item name="smtpHost" label="Máy chủ SMTP" className="span-2">
            <Input placeholder="smtp.langson.gov.vn" data-testid="smtp-host" />
          </Form.Item>
          <Form.Item
            name="smtpPort"
            label="Cổng"
            rules={[{ required: true, message: 'Hãy nhập cổng (thường là 465 hoặc 587).' }]}
          >
            <InputNumber min={1} max={65535} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="smtpSecurity" label="Bảo mật">
            <Select
              options={[
                { value: 'tls', label: 'TLS (cổng 465)' },
                { value: 'starttls', label: 'STARTTLS (cổng 587)' },
                { value: 'none', label: 'Không mã hóa' },
              ]}
            />
          </Form.Item>
          <Form.Item name="smtpUser" label="Tài khoản" className="span-2">
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="smtpPassword" label="Mật khẩu" className="span-2">
            <Input.Password
              autoComplete="new-password"
              placeholder={settings?.hasPassword ? 'đã lưu' : 'chưa có'}
            />
          </Form.Item>
          <Form.Item name="sender" label="Người gửi" rules={[emailRule]} className="span-2">
            <Input placeholder="vhtt.caoloc@langson.gov.vn" />
          </Form.Item>
          <Form.Item
            name="uploadUrl"
            label="Địa chỉ tải lên của tỉnh"
            className="span-2"
            rules={[
              {
                validator: (_, v: string | undefined) =>
                  !v || /^https:\/\/\S+$/i.test(v.trim())
                    ? Promise.resolve()
                    : Promise.reject(new Error('Địa chỉ tải lên phải bắt đầu bằng https://')),
              },
            ]}
          >
            <Input placeholder="https://…" />
          </Form.Item>
          <Form.Item
            name="recipients"
            label="Người nhận email (mỗi dòng một địa chỉ)"
            className="span-4"
            extra={
              settings && settings.recipients.length === 0
                ? `Để trống thì gửi tới các địa chỉ trong Thông tin đơn vị${
                    settings.effectiveRecipients.length > 0
                      ? `: ${settings.effectiveRecipients.join(', ')}`
                      : ' (hiện chưa có).'
                  }`
                : undefined
            }
            rules={[
              {
                validator: (_, v: string | undefined) => {
                  const bad = lines(v ?? '').filter((l) => !looksLikeEmail(l));
                  return bad.length === 0
                    ? Promise.resolve()
                    : Promise.reject(new Error(`Địa chỉ email chưa đúng: ${bad.join(', ')}`));
                },
              },
            ]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </div>
        <SaveFooter
          error={submit.error}
          saving={submit.busy}
          label="Lưu cài đặt"
          testId="delivery-save"
        />
      </Form>
    </Card>
  );
}
