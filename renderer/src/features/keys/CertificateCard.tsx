// The office's signing certificate: who it names and its SHA-256 fingerprint, which the
// province registers to trust the packages.
import { Card, Descriptions, Typography } from 'antd';
import type { KeyInfo } from '../../../../shared/package';
import { formatInstant } from '../../lib/dates';

const ORIGIN = { generated: 'Do ứng dụng tạo', pkcs12: 'Nhập từ tệp PKCS#12' } as const;
const SEALED = {
  os: 'Khóa riêng được hệ điều hành bảo vệ',
  passphrase: 'Khóa riêng được bảo vệ bằng mật khẩu',
} as const;

export function CertificateCard({ info }: { info: KeyInfo | null }) {
  return (
    <Card size="small" title="Chứng thư ký số của đơn vị" data-testid="key-card">
      {info && info.exists && info.fingerprint ? (
        <Descriptions size="small" column={1} styles={{ label: { width: 170 } }}>
          <Descriptions.Item label="Chủ thể">
            <span data-testid="key-subject">{info.subject}</span>
          </Descriptions.Item>
          <Descriptions.Item label="Dấu vân tay SHA-256">
            <Typography.Text
              className="key-fingerprint"
              copyable={{ tooltips: ['Sao chép', 'Đã sao chép'] }}
              data-testid="key-fingerprint"
            >
              {info.fingerprint}
            </Typography.Text>
          </Descriptions.Item>
          {info.notAfter ? (
            <Descriptions.Item label="Hiệu lực đến">
              {formatInstant(info.notAfter)}
            </Descriptions.Item>
          ) : null}
          {info.origin ? (
            <Descriptions.Item label="Nguồn gốc">{ORIGIN[info.origin]}</Descriptions.Item>
          ) : null}
          {info.sealedWith ? (
            <Descriptions.Item label="Bảo vệ">{SEALED[info.sealedWith]}</Descriptions.Item>
          ) : null}
          {info.retiredAt ? (
            <Descriptions.Item label="Tình trạng">
              <Typography.Text type="danger" data-testid="key-retired">
                Ngưng dùng trên máy này từ {formatInstant(info.retiredAt)} (đã chuyển sang máy
                khác); bỏ đánh dấu ở mục Sao lưu và khôi phục.
              </Typography.Text>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="key-none">
          Đơn vị chưa có khóa ký. Khóa ký và chứng thư được tạo tự động ở lần đầu tiên xuất gói dữ
          liệu (màn hình Báo cáo).
        </Typography.Paragraph>
      )}
    </Card>
  );
}
