// "Đăng ký đơn vị này": trusts the signer of a quarantined package. The fingerprint is
// shown large, and the officer is asked to compare it with the office's enrolment sheet
// (received on paper, signed) before confirming: the package alone proves nothing about
// who signed it.
import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import type { InboxPackageRow } from '../../../../shared/inbox';
import { api } from '../../api';
import { Fingerprint } from '../../components/Fingerprint';
import { FormError } from '../../components/FormError';
import { useSubmit } from '../../lib/useSubmit';
import { useInboxStore } from '../../stores/inbox';
import { registeredText, useTrustStore } from '../../stores/trust';
import { suggestedName } from '../trust/AddCertificateModal';
import { subjectAttribute } from '../trust/certificateFile';

/** The name the engine would give: from the certificate's subject, else the package's. */
function nameFor(row: InboxPackageRow): string {
  const cn = subjectAttribute(row.subject, 'CN');
  return cn !== '' ? suggestedName(cn, subjectAttribute(row.subject, 'O')) : row.officeName;
}

interface Props {
  row: InboxPackageRow | null;
  onClose: () => void;
}

export function RegisterSignerModal({ row, onClose }: Props) {
  const { message } = App.useApp();
  const loadPackages = useInboxStore((s) => s.loadPackages);
  const change = useTrustStore((s) => s.change);
  const [name, setName] = useState('');
  const [seen, setSeen] = useState<string | null>(null);
  const { busy, error, setError, run } = useSubmit();

  // A new package to register: start from the name its certificate gives the office.
  if (row && row.sha256 !== seen) {
    setSeen(row.sha256);
    setName(nameFor(row));
    setError(null);
  }

  const confirm = async () => {
    if (!row) return;
    if (name.trim() === '') {
      setError('Hãy nhập tên đơn vị.');
      return;
    }
    await run(async () => {
      const result = await change(() =>
        api['trust:fromPackage']({ sha256: row.sha256, name: name.trim() }),
      );
      await loadPackages();
      void message.success(registeredText(result), 6);
      onClose();
    });
  };

  return (
    <Modal
      open={row !== null}
      title="Đăng ký đơn vị từ gói đang cách ly"
      okText="Đã đối chiếu, đăng ký đơn vị"
      cancelText="Hủy"
      confirmLoading={busy}
      onOk={() => void confirm()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'register-signer-ok' }}
      width={640}
      destroyOnHidden
    >
      {row ? (
        <div className="inbox-register" data-testid="register-signer">
          <Typography.Paragraph>
            Gói <span className="mono">{row.fileName}</span> tự ghi là của{' '}
            <strong>{row.officeName}</strong> (mã <span className="mono">{row.officeCode}</span>),
            ký bằng chứng thư có dấu vân tay:
          </Typography.Paragraph>
          <Fingerprint value={row.fingerprint} large testId="register-signer-fingerprint" />
          <Alert
            type="warning"
            showIcon
            title="Hãy so sánh từng nhóm ký tự với dấu vân tay trên phiếu đăng ký có chữ ký của đơn vị."
            description="Chỉ xác nhận khi trùng khớp hoàn toàn. Nếu khác, đừng đăng ký: gói có thể không phải do đơn vị đó gửi."
          />
          {row.subject ? (
            <Typography.Text type="secondary">Chủ thể chứng thư: {row.subject}</Typography.Text>
          ) : null}
          <Form layout="vertical" component="div" style={{ alignSelf: 'stretch' }}>
            <Form.Item label="Tên đơn vị" required style={{ marginBottom: 0 }}>
              <Input
                value={name}
                onChange={(e) => setName(e.target.value)}
                data-testid="register-signer-name"
              />
            </Form.Item>
          </Form>
          <FormError error={error} />
        </div>
      ) : null}
    </Modal>
  );
}
