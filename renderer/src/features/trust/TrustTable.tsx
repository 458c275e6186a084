// The register: one row per office, its certificates under it, each with its fingerprint,
// subject, where it came from, and whether it has been withdrawn. A province's register
// runs to a hundred and more offices: it is searched, filtered by standing and paged.
import { Button, Popconfirm, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { TrustedCertificate, TrustedOffice, TrustSource } from '../../../../shared/inbox';
import { Fingerprint } from '../../components/Fingerprint';
import { OfficeListToolbar, useOfficeList } from '../../components/OfficeListToolbar';
import { receivedDay } from '../completeness/StateCell';
import { useWritable } from '../../stores/app';
import { FollowFrom } from './FollowFrom';
import { TRUST_FILTERS, trustRank } from './trustStates';
import { useTrustActions } from './useTrustActions';

const SOURCES: Record<TrustSource, { label: string; color: string }> = {
  certificate: { label: 'Tệp chứng thư', color: 'blue' },
  sheet: { label: 'Phiếu đăng ký', color: 'geekblue' },
  package: { label: 'Từ gói dữ liệu', color: 'purple' },
};

function CertificateLine({ office, cert }: { office: TrustedOffice; cert: TrustedCertificate }) {
  const { revoke, restore } = useTrustActions();
  const writable = useWritable();
  const revoked = cert.revokedAt !== null;
  return (
    <div
      className={revoked ? 'trust-cert trust-cert-revoked' : 'trust-cert'}
      data-testid={`trust-cert-${cert.fingerprint}`}
    >
      <div className="trust-cert-main">
        <Fingerprint value={cert.fingerprint} copyable />
        <div className="trust-cert-meta">
          <Tag color={SOURCES[cert.source].color}>{SOURCES[cert.source].label}</Tag>
          {revoked ? (
            <Tag color="red" data-testid="trust-revoked">
              Đã thu hồi ngày {receivedDay(cert.revokedAt ?? '')}
            </Tag>
          ) : (
            <Tag color="green">Đang tin cậy</Tag>
          )}
          <Typography.Text type="secondary">
            Thêm ngày {receivedDay(cert.addedAt)}
            {cert.notAfter ? ` · hiệu lực đến ${receivedDay(cert.notAfter)}` : ''}
          </Typography.Text>
        </div>
        {cert.subject ? (
          <Typography.Text type="secondary" className="trust-subject">
            {cert.subject}
          </Typography.Text>
        ) : null}
      </div>
      {revoked ? (
        <Button
          size="small"
          icon={<UndoOutlined />}
          disabled={!writable}
          onClick={() => void restore(office, cert)}
          data-testid="trust-restore"
        >
          Khôi phục
        </Button>
      ) : (
        <Popconfirm
          title="Thu hồi chứng thư này?"
          description="Các gói ký bằng chứng thư này sẽ bị cách ly, không được tính vào tổng hợp."
          okText="Thu hồi"
          cancelText="Không"
          okButtonProps={{ danger: true }}
          onConfirm={() => void revoke(office, cert)}
        >
          <Button
            size="small"
            danger
            icon={<StopOutlined />}
            disabled={!writable}
            data-testid="trust-revoke"
          >
            Thu hồi
          </Button>
        </Popconfirm>
      )}
    </div>
  );
}

/** Removing an office: asked first; the engine refuses one whose packages were counted. */
function RemoveOffice({ office }: { office: TrustedOffice }) {
  const { removeOffice } = useTrustActions();
  const writable = useWritable();
  return (
    <Popconfirm
      title={`Xóa ${office.code} khỏi danh sách?`}
      description="Chỉ dùng khi đăng ký nhầm: đơn vị đã có gói được tính thì không xóa được."
      okText="Xóa"
      cancelText="Không"
      okButtonProps={{ danger: true }}
      onConfirm={() => void removeOffice(office)}
    >
      <Button
        size="small"
        type="text"
        danger
        icon={<DeleteOutlined />}
        disabled={!writable}
        data-testid="trust-remove-office"
      >
        Xóa
      </Button>
    </Popconfirm>
  );
}

const columns: ColumnsType<TrustedOffice> = [
  {
    title: 'Mã đơn vị',
    dataIndex: 'code',
    width: 190,
    render: (code: string) => <span className="mono trust-code">{code}</span>,
  },
  {
    title: 'Tên đơn vị',
    dataIndex: 'name',
    width: 260,
    render: (name: string, office) => (
      <div className="trust-name">
        <div>{name}</div>
        <FollowFrom office={office} />
        <RemoveOffice office={office} />
      </div>
    ),
  },
  {
    title: 'Chứng thư ký số',
    key: 'certificates',
    render: (_, office) => (
      <div className="trust-certs">
        {office.certificates.map((c) => (
          <CertificateLine key={c.fingerprint} office={office} cert={c} />
        ))}
      </div>
    ),
  },
];

export function TrustTable({ rows, loading }: { rows: TrustedOffice[]; loading: boolean }) {
  const list = useOfficeList(rows, { filters: TRUST_FILTERS, rank: trustRank, pageSize: 20 });
  return (
    <>
      <OfficeListToolbar {...list.toolbar} testId="trust" />
      <Table<TrustedOffice>
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={list.rows}
        loading={loading}
        pagination={list.pagination}
        locale={{
          emptyText: list.narrowed
            ? 'Không có đơn vị nào khớp với ô tìm kiếm và bộ lọc.'
            : 'Chưa có đơn vị nào. Thêm đơn vị từ tệp chứng thư hoặc phiếu đăng ký mà đơn vị gửi.',
        }}
        onRow={(r) =>
          ({ 'data-testid': `trust-row-${r.code}` }) as React.HTMLAttributes<HTMLElement>
        }
        data-testid="trust-table"
      />
    </>
  );
}
