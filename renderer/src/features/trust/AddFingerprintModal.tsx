// "Thêm từ phiếu đăng ký": registers an office from the sheet it sent on paper: its code,
// name and the SHA-256 fingerprint typed, or the QR code's text pasted (a QR reader types
// it into the field), which also fills the code.
import { Form, Input, Modal, Typography } from 'antd';
import { api } from '../../api';
import { FormError } from '../../components/FormError';
import { FINGERPRINT_HELP, parseEnrolInput } from './enrolText';
import { OFFICE_CODE_RULES, OFFICE_NAME_RULES } from './officeRules';
import { useRegisterOffice } from './useRegisterOffice';

interface Values {
  code: string;
  name: string;
  fingerprint: string;
}

interface Props {
  open: boolean;
  onClose: () => void;
}

const FIELDS = ['code', 'name', 'fingerprint'];

export function AddFingerprintModal({ open, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const { busy, error, register } = useRegisterOffice(form, FIELDS);

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
    await register(
      () =>
        api['trust:addFingerprint']({
          code: v.code.trim(),
          name: v.name.trim(),
          fingerprint: parsed?.fingerprint ?? v.fingerprint.trim(),
        }),
      () => {
        form.resetFields();
        onClose();
      },
    );
  };

  return (
    <Modal
      open={open}
      title="Thêm đơn vị từ phiếu đăng ký"
      okText="Đăng ký đơn vị"
      cancelText="Hủy"
      confirmLoading={busy}
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
              ...OFFICE_CODE_RULES,
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
          <Form.Item name="name" label="Tên đơn vị" rules={OFFICE_NAME_RULES}>
            <Input
              placeholder="Ví dụ: Phòng Văn hóa - Xã hội xã Đồng Đăng"
              data-testid="trust-fp-name"
            />
          </Form.Item>
        </div>
      </Form>
      <FormError error={error} testId="trust-fp-error" />
    </Modal>
  );
}
