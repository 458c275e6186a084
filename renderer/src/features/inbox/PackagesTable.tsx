// The packages the province holds: counted, replaced by a later correction, or kept in
// quarantine (with the signer's fingerprint and "Đăng ký đơn vị này").
import { useState } from 'react';
import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { InboxPackageRow, InboxPackageStatus } from '../../../../shared/inbox';
import { formatNumber } from '../../../../shared/format';
import { Fingerprint } from '../../components/Fingerprint';
import { formatInstant } from '../../lib/dates';
import { useWritable } from '../../stores/app';
import { shortPeriodLabel } from '../report/figures';
import { FileName } from './OutcomeTag';
import { RegisterSignerModal } from './RegisterSignerModal';

const STATUS: Record<InboxPackageStatus, { label: string; color: string }> = {
  current: { label: 'Đang tính', color: 'green' },
  replaced: { label: 'Đã được thay', color: 'default' },
  stale: { label: 'Cũ hơn bản đang tính', color: 'default' },
  quarantined: { label: 'Cách ly', color: 'orange' },
};

/** The periods present, newest first, for the filter. */
function periodsOf(rows: readonly InboxPackageRow[]): { value: string; label: string }[] {
  const seen = new Map<string, InboxPackageRow['period']>();
  for (const r of rows) seen.set(r.period.key, r.period);
  return [...seen.values()]
    .sort((a, b) => b.from.localeCompare(a.from))
    .map((p) => ({ value: p.key, label: p.label }));
}

export function PackagesTable({ rows, loading }: { rows: InboxPackageRow[]; loading: boolean }) {
  const writable = useWritable();
  const [period, setPeriod] = useState<string>('');
  const [registering, setRegistering] = useState<InboxPackageRow | null>(null);
  const shown = period === '' ? rows : rows.filter((r) => r.period.key === period);

  const columns: ColumnsType<InboxPackageRow> = [
    {
      title: 'Đơn vị',
      key: 'office',
      width: 220,
      render: (_, r) => (
        <div className="inbox-office">
          <span>{r.officeName}</span>
          <Typography.Text type="secondary" className="mono">
            {r.officeCode}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: 'Kỳ',
      key: 'period',
      width: 100,
      render: (_, r) => shortPeriodLabel(r.period.key, r.period.label),
    },
    { title: 'Gói số', dataIndex: 'sequence', width: 72, align: 'right' },
    {
      title: 'Trạng thái',
      dataIndex: 'status',
      width: 120,
      render: (s: InboxPackageStatus, r) => (
        <Space orientation="vertical" size={2}>
          <Tag color={STATUS[s].color} style={{ marginInlineEnd: 0 }}>
            {STATUS[s].label}
          </Tag>
          {s === 'current' && r.supersedes ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              Bản thay thế
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: 'Số hoạt động',
      dataIndex: 'activities',
      width: 100,
      align: 'right',
      render: (n: number) => formatNumber(n),
    },
    {
      title: 'Nhận lúc',
      dataIndex: 'receivedAt',
      width: 130,
      render: (at: string) => formatInstant(at),
    },
    {
      title: 'Ghi chú',
      key: 'note',
      render: (_, r) =>
        r.status === 'quarantined' ? (
          <div className="inbox-quarantine">
            {r.reason ? <span className="inbox-message">{r.reason.vi}</span> : null}
            <Fingerprint value={r.fingerprint} />
            <Button
              size="small"
              icon={<UserAddOutlined />}
              disabled={!writable}
              onClick={() => setRegistering(r)}
              data-testid={`inbox-register-${r.officeCode}`}
            >
              Đăng ký đơn vị này
            </Button>
          </div>
        ) : (
          <FileName name={r.fileName} />
        ),
    },
  ];

  return (
    <div className="inbox-packages" data-testid="inbox-packages">
      <div className="inbox-packages-head">
        <Typography.Title level={5} style={{ margin: 0 }}>
          Các gói đang lưu giữ
        </Typography.Title>
        <Select
          value={period}
          onChange={setPeriod}
          options={[{ value: '', label: 'Tất cả các kỳ' }, ...periodsOf(rows)]}
          style={{ width: 200 }}
          aria-label="Lọc theo kỳ"
          data-testid="inbox-packages-period"
        />
      </div>
      <Table<InboxPackageRow>
        size="small"
        tableLayout="fixed"
        rowKey="sha256"
        columns={columns}
        dataSource={shown}
        loading={loading}
        pagination={shown.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
        rowClassName={(r) =>
          r.status === 'replaced' || r.status === 'stale' ? 'inbox-row-replaced' : ''
        }
        locale={{ emptyText: 'Chưa nhận gói dữ liệu nào.' }}
        onRow={(r) =>
          ({ 'data-testid': `inbox-package-${r.officeCode}` }) as React.HTMLAttributes<HTMLElement>
        }
        data-testid="inbox-packages-table"
      />
      <RegisterSignerModal row={registering} onClose={() => setRegistering(null)} />
    </div>
  );
}
