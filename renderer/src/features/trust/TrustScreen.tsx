// "Đơn vị tin cậy": the offices whose packages the province counts, each with the
// certificates it signs with. Packages signed by anyone else are kept in quarantine until
// their signer is registered here (or from the inbox, "Đăng ký đơn vị này").
import { useEffect, useState } from 'react';
import { Alert, Button, Space, Typography } from 'antd';
import { FormOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useWritable } from '../../stores/app';
import { useTrustStore } from '../../stores/trust';
import { AddCertificateModal } from './AddCertificateModal';
import { AddFingerprintModal } from './AddFingerprintModal';
import { TrustTable } from './TrustTable';
import './trust.css';

export function TrustScreen() {
  const offices = useTrustStore((s) => s.offices);
  const loaded = useTrustStore((s) => s.loaded);
  const error = useTrustStore((s) => s.error);
  const writable = useWritable();
  const [adding, setAdding] = useState<'certificate' | 'sheet' | null>(null);

  useEffect(() => {
    void useTrustStore.getState().load();
  }, []);

  return (
    <div className="screen" data-testid="trust">
      <div className="page-title">
        <h1>Đơn vị tin cậy</h1>
        <Space wrap>
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            disabled={!writable}
            onClick={() => setAdding('certificate')}
            data-testid="trust-add-certificate"
          >
            Thêm từ tệp chứng thư
          </Button>
          <Button
            icon={<FormOutlined />}
            disabled={!writable}
            onClick={() => setAdding('sheet')}
            data-testid="trust-add-fingerprint"
          >
            Thêm từ phiếu đăng ký
          </Button>
        </Space>
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Chỉ gói dữ liệu ký bằng chứng thư của các đơn vị dưới đây mới được tính vào tổng hợp. Gói
        của đơn vị chưa đăng ký được giữ ở trạng thái cách ly cho tới khi đăng ký đơn vị đó.
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} data-testid="trust-error" /> : null}
      <TrustTable rows={offices} loading={!loaded} />
      <AddCertificateModal open={adding === 'certificate'} onClose={() => setAdding(null)} />
      <AddFingerprintModal open={adding === 'sheet'} onClose={() => setAdding(null)} />
    </div>
  );
}
