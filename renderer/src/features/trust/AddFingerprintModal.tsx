// "Thêm từ phiếu đăng ký": registers an office from the sheet it sent on paper: its code,
// name and the SHA-256 fingerprint typed, or the QR code's text pasted (a QR reader types
// it into the field), which also fills the code.
import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { OFFICE_CODE_RE } from '../../../../shared/inbox';
import { api, errorMessage } from '../../api';
import { showOnField, type PathPart } from '../../lib/serverErrors';
import { releasedText, useTrustStore } from '../../stores/trust';
import { FINGERPRINT_HELP, parseEnrolInput } from './enrolText';

interface Values {
  code: string;
  name: string;
  fingerprint: string;
}

interface Props {
  open: boolean;
  onClose: () => void;
}

const FIELDS = new Set(['code', 'name', 'fingerprint']);

export function AddFingerprintModal({ open, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const change = useTrustStore((s) => s.change);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFingerprint = (text: string) => {
    const parsed = parseEnrolInput(text);
    const code = String(form.getFieldValue('code') ?? '');
    if (parsed?.code && code.trim() === '') {
      form.setFieldValue('code', parsed.code);
    }
  };

  const submit = async () => {
    const v = await form.validateFields();
    const parsed = parseEnrolInput(v.fingerprint);
    setSaving(true);
    setError(null);
    try {
      const result = await change(() =>
        api['trust:addFingerprint']({
          code: v.code.trim(),
          name: v.name.trim(),
          fingerprint: parsed?.fingerprint ?? v.fingerprint.trim(),
        }),
      );
      const released = releasedText(result);
      void message.success(
        `Đã đăng ký ${result.office.name} (${result.office.code}).${released ? ` ${released}` : ''}`,
        released ? 6 : 3,
      );
      form.resetFields();
      onClose();
    } catch (err) {
      const toName = (p: PathPart[]) => (FIELDS.has(String(p[0])) ? [p[0]!] : null);
      if (!showOnField(form, err, toName)) setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title="Thêm đơn vị từ phiếu đăng ký"
      okText="Đăng ký đơn vị"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'trust-fp-ok' }}
      width={620}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        Nhập theo phiếu đăng ký khóa ký mà đơn vị gửi (có chữ ký của thủ trưởng). Có thể dán nội
        dung mã QR trên phiếu vào ô dấu vân tay: mã đơn vị được điền theo.
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="fingerprint"
          label="Dấu vân tay SHA-256 hoặc nội dung mã QR"
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const text = (value ?? '').trim();
                if (text === '')
                  return Promise.reject(
                    new Error('Hãy nhập dấu vân tay hoặc dán nội dung mã QR của phiếu đăng ký.'),
                  );
                return parseEnrolInput(text)
                  ? Promise.resolve()
                  : Promise.reject(new Error(FINGERPRINT_HELP));
              },
            },
          ]}
        >
          <Input.TextArea
            autoFocus
            autoSize={{ minRows: 2, maxRows: 4 }}
            className="trust-fp-input"
            placeholder="AB:CD:EF:… hoặc TUYENTRUYEN:ENROL:…"
            onChange={(e) => onFingerprint(e.target.value)}
            data-testid="trust-fp-fingerprint"
          />
        </Form.Item>
        <div className="trust-fp-row">
          <Form.Item
            name="code"
            label="Mã đơn vị"
            dependencies={['fingerprint']}
            rules={[
              { required: true, whitespace: true, message: 'Hãy nhập mã đơn vị.' },
              {
                pattern: OFFICE_CODE_RE,
                message:
                  'Mã chỉ gồm chữ không dấu, số, dấu gạch ngang (-), gạch dưới (_) hoặc dấu chấm.',
              },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) => {
                  const qr = parseEnrolInput(String(getFieldValue('fingerprint') ?? ''));
                  const code = (value ?? '').trim();
                  return !qr?.code || code === '' || qr.code === code
                    ? Promise.resolve()
                    : Promise.reject(new Error(`Mã QR ghi mã đơn vị ${qr.code}, khác mã đã nhập.`));
                },
              }),
            ]}
          >
            <Input placeholder="Ví dụ: LS-CAOLOC-VHTT" data-testid="trust-fp-code" />
          </Form.Item>
          <Form.Item
            name="name"
            label="Tên đơn vị"
            rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên đơn vị.' }]}
          >
            <Input
              placeholder="Ví dụ: Phòng Văn hóa và Thông tin huyện Cao Lộc"
              data-testid="trust-fp-name"
            />
          </Form.Item>
        </div>
      </Form>
      {error ? <Alert type="error" showIcon title={error} data-testid="trust-fp-error" /> : null}
    </Modal>
  );
}
