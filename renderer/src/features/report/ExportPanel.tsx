// "Xuất gói dữ liệu": the period's signed package for the province. Shows the lock, the
// last package (its number and whether it corrects an earlier one) and where to send it.
import { useEffect } from 'react';
import { Alert, Button, Card, Descriptions, Tag } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { formatInstant } from '../../lib/dates';
import { useWritable } from '../../stores/app';
import { usePackagesStore } from '../../stores/packages';
import { LockNotice } from './LockNotice';
import { SendForm } from './SendForm';

export function ExportPanel({ period }: { period: string }) {
  const load = usePackagesStore((s) => s.load);
  const lock = usePackagesStore((s) => (s.period === period ? s.lock : null));
  const latest = usePackagesStore((s) => (s.period === period ? s.latest : null));
  const exporting = usePackagesStore((s) => s.exporting);
  const error = usePackagesStore((s) => s.error);
  const exportPackage = usePackagesStore((s) => s.exportPackage);
  const writable = useWritable();

  useEffect(() => {
    if (period !== '') void load(period);
  }, [period, load]);

  return (
    <Card
      size="small"
      className="export-card"
      title="Gói dữ liệu gửi cấp trên"
      data-testid="export-panel"
      extra={
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          loading={exporting}
          disabled={!writable || period === ''}
          onClick={() => void exportPackage()}
          data-testid="export-button"
        >
          Xuất gói dữ liệu
        </Button>
      }
    >
      <div className="export-body">
        {lock ? <LockNotice lock={lock} /> : null}
        {error ? (
          <Alert type="error" showIcon title={error} data-testid="export-error" closable />
        ) : null}
        {latest ? (
          <>
            <Descriptions size="small" column={3} data-testid="export-result">
              <Descriptions.Item label="Gói">
                <strong data-testid="export-sequence">Gói số {latest.sequence}</strong>
                {latest.supersedes ? (
                  <Tag color="orange" style={{ marginLeft: 8 }} data-testid="export-correction">
                    Bản đính chính
                  </Tag>
                ) : null}
              </Descriptions.Item>
              <Descriptions.Item label="Tệp">
                <span className="mono" data-testid="export-file">
                  {latest.fileName}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label="Xuất lúc">
                {formatInstant(latest.createdAt)}
              </Descriptions.Item>
              {latest.supersedes ? (
                <Descriptions.Item label="Thay cho gói" span={3}>
                  <span className="mono">{latest.supersedes}</span>
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            {latest.reused ? (
              <Alert
                type="info"
                showIcon
                title="Số liệu chưa thay đổi kể từ lần xuất trước nên không tạo gói mới."
              />
            ) : null}
            <SendForm key={latest.sha256} />
          </>
        ) : (
          <span className="export-hint">
            Gói dữ liệu có chữ ký số của đơn vị, gồm số liệu và báo cáo của kỳ. Sau khi xuất, số
            liệu của kỳ sẽ được khóa.
          </span>
        )}
      </div>
    </Card>
  );
}
