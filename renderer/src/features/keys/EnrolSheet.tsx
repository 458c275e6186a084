// The enrolment sheet the province keeps to register the office's key: office, code,
// fingerprint, and the same as a QR code. Printing shows this sheet only (keys.css).
import { Button, Card, QRCode, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { formatDate, localToday } from '../../../../shared/format';
import { useAppStore } from '../../stores/app';

export const enrolText = (code: string, fingerprint: string) =>
  `TUYENTRUYEN:ENROL:${code}:${fingerprint}`;

export function EnrolSheet({ fingerprint }: { fingerprint: string }) {
  const office = useAppStore((s) => s.profile?.office);
  if (!office) return null;
  return (
    <Card
      size="small"
      title="Phiếu đăng ký khóa ký"
      extra={
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="enrol-print">
          In phiếu đăng ký
        </Button>
      }
    >
      <div className="enrol-sheet" data-testid="enrol-sheet">
        <div className="enrol-text">
          <h2>PHIẾU ĐĂNG KÝ KHÓA KÝ GÓI DỮ LIỆU</h2>
          {office.parent ? <div className="enrol-parent">{office.parent}</div> : null}
          <dl>
            <dt>Đơn vị</dt>
            <dd data-testid="enrol-office">{office.name}</dd>
            <dt>Mã đơn vị</dt>
            <dd data-testid="enrol-code">{office.code}</dd>
            <dt>Dấu vân tay SHA-256</dt>
            <dd className="key-fingerprint" data-testid="enrol-fingerprint">
              {fingerprint}
            </dd>
            <dt>Ngày lập phiếu</dt>
            <dd>{formatDate(localToday())}</dd>
          </dl>
          <Typography.Paragraph type="secondary" className="enrol-note">
            Cơ quan tiếp nhận đối chiếu dấu vân tay này với chữ ký trên các gói dữ liệu đơn vị gửi
            lên.
          </Typography.Paragraph>
          <div className="enrol-sign">
            <span>Người lập phiếu</span>
            <span>Thủ trưởng đơn vị</span>
          </div>
        </div>
        <QRCode
          value={enrolText(office.code, fingerprint)}
          size={184}
          bordered={false}
          data-testid="enrol-qr"
        />
      </div>
    </Card>
  );
}
