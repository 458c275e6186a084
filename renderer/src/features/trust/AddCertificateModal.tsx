// "Thêm từ tệp chứng thư": registers an office from its certificate file (.pem, .cer,
// .crt). The office code and name come from the certificate's subject and can be changed;
// the fingerprint is shown so that it can be compared with the enrolment sheet first.
import { useState } from 'react';
import { Button, Form, Input, Modal, Typography, Upload } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { OFFICE_CODE_RE } from '../../../../shared/inbox';
import { officeDisplayName } from '../../../../shared/offices';
import { api, errorMessage } from '../../api';
import { Fingerprint } from '../../components/Fingerprint';
import { FormError } from '../../components/FormError';
import { readCertificateFile, type CertificatePreview } from './certificateFile';
import { OFFICE_CODE_RULES, OFFICE_NAME_RULES } from './officeRules';
import { useRegisterOffice } from './useRegisterOffice';

interface Values {
  code: string;
  name: string;
}

interface Props {
  open: boolean;
  onClose: () => void;
}

/** "Phòng Văn hóa và Thông tin" + "UBND huyện Cao Lộc" → "… Thông tin huyện Cao Lộc". */
export const suggestedName = officeDisplayName;

export const CERTIFICATE_ACCEPT = '.pem,.cer,.crt';

/** The form's fields, where the engine's refusal of one is shown. */
const FIELDS = ['code', 'name'];

export function AddCertificateModal({ open, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<{ name: string; preview: CertificatePreview } | null>(null);
  const { busy, error, setError, register } = useRegisterOffice(form, FIELDS);

  const choose = async (f: File) => {
    setError(null);
    try {
      const preview = await readCertificateFile(f);
      setFile({ name: f.name, preview });
      form.setFieldsValue({
        code: OFFICE_CODE_RE.test(preview.code) ? preview.code : '',
        name: suggestedName(preview.commonName, preview.organization),
      });
    } catch (err) {
      setFile(null);
      setError(`Không đọc được tệp "${f.name}": ${errorMessage(err)}`);
    }
  };

  const close = () => {
    setFile(null);
    setError(null);
    form.resetFields();
    onClose();
  };

  const submit = async () => {
    if (!file) {
      setError('Hãy chọn tệp chứng thư của đơn vị (.pem, .cer hoặc .crt).');
      return;
    }
    const v = await form.validateFields();
    const { base64 } = file.preview;
    await register(
      () => api['trust:addCertificate']({ base64, code: v.code.trim(), name: v.name.trim() }),
      close,
    );
  };

  return (
    <Modal
      open={open}
      title="Thêm đơn vị từ tệp chứng thư"
      okText="Đăng ký đơn vị"
      cancelText="Hủy"
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={close}
      okButtonProps={{ 'data-testid': 'trust-cert-ok' }}
      width={620}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        Chọn tệp chứng thư ký số mà đơn vị gửi (.pem, .cer, .crt). Trước khi đăng ký, hãy đối chiếu
        dấu vân tay dưới đây với phiếu đăng ký có chữ ký của đơn vị.
      </Typography.Paragraph>
      <Upload
        accept={CERTIFICATE_ACCEPT}
        maxCount={1}
        showUploadList={false}
        beforeUpload={(f) => {
          void choose(f);
          return false;
        }}
      >
        <Button icon={<SafetyCertificateOutlined />} data-testid="trust-cert-file">
          {file ? `Tệp: ${file.name}` : 'Chọn tệp chứng thư…'}
        </Button>
      </Upload>
      {file?.preview.fingerprint ? (
        <div className="trust-cert-fp">
          <Typography.Text type="secondary">Dấu vân tay SHA-256</Typography.Text>
          <Fingerprint value={file.preview.fingerprint} large testId="trust-cert-fingerprint" />
        </div>
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={!file}
        className="trust-fp-row trust-cert-form"
      >
        <Form.Item name="code" label="Mã đơn vị" rules={OFFICE_CODE_RULES}>
          <Input data-testid="trust-cert-code" />
        </Form.Item>
        <Form.Item name="name" label="Tên đơn vị" rules={OFFICE_NAME_RULES}>
          <Input data-testid="trust-cert-name" />
        </Form.Item>
      </Form>
      <FormError error={error} style={{ marginTop: 12 }} testId="trust-cert-error" />
    </Modal>
  );
}
