// The outbox's table: one row per delivery (package × destination). A package is named by
// its number, as the report screen and the province name it; the file name is secondary.
import { Button, Popconfirm, Space, Table, Tooltip, Typography } from 'antd';
import {
  CloudUploadOutlined,
  FolderOutlined,
  MailOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { DeliveryKind, DeliveryRow } from '../../../../shared/contract';
import { formatInstant } from '../../lib/dates';
import { useWritable } from '../../stores/app';
import { useOutboxStore } from '../../stores/outbox';
import { DeliveryError } from './DeliveryError';
import { DeliveryStateTag, shownState } from './DeliveryStateTag';

const KINDS: Record<DeliveryKind, { icon: React.ReactNode; label: string }> = {
  folder: { icon: <FolderOutlined />, label: 'Thư mục' },
  email: { icon: <MailOutlined />, label: 'Email' },
  upload: { icon: <CloudUploadOutlined />, label: 'Tải lên' },
};

function When({ row }: { row: DeliveryRow }) {
  let label = '';
  let at: string | null = null;
  if (row.state === 'sent' && row.sentAt) [label, at] = ['Đã gửi lúc', row.sentAt];
  else if (shownState(row) === 'replaced') return null;
  else if (row.state === 'pending' && row.nextAttemptAt)
    [label, at] = [
      shownState(row) === 'retrying' ? 'Thử lại lúc' : 'Sẽ gửi lúc',
      row.nextAttemptAt,
    ];
  if (at === null) return null;
  return (
    <div className="outbox-when">
      <Typography.Text type="secondary">{label}</Typography.Text>
      <span>{formatInstant(at)}</span>
    </div>
  );
}

function Actions({ row }: { row: DeliveryRow }) {
  const busy = useOutboxStore((s) => s.busy === row.id);
  const sendNow = useOutboxStore((s) => s.sendNow);
  const cancel = useOutboxStore((s) => s.cancel);
  const writable = useWritable();
  if (!actionable(row)) return null;
  return (
    <Space size={4}>
      <Button
        size="small"
        icon={<SendOutlined />}
        loading={busy}
        disabled={!writable || row.state === 'sending'}
        onClick={() => void sendNow(row.id)}
        data-testid={`outbox-send-${row.id}`}
      >
        Gửi ngay
      </Button>
      <Popconfirm
        title="Hủy lượt gửi này?"
        description="Gói vẫn được giữ; muốn gửi tới nơi này sau, hãy chọn lại nơi gửi ở màn hình Báo cáo."
        okText="Hủy lượt gửi"
        cancelText="Không"
        okButtonProps={{ danger: true }}
        onConfirm={() => void cancel(row.id)}
      >
        <Button
          size="small"
          danger
          icon={<StopOutlined />}
          disabled={!writable || busy}
          data-testid={`outbox-cancel-${row.id}`}
        >
          Hủy
        </Button>
      </Popconfirm>
    </Space>
  );
}

const columns: ColumnsType<DeliveryRow> = [
  {
    title: 'Gói dữ liệu',
    key: 'package',
    width: 250,
    render: (_, r) => (
      <div className="outbox-package">
        <strong data-testid={`outbox-package-${r.id}`}>Gói số {r.packageSequence}</strong>
        <Typography.Text type="secondary">Kỳ {r.periodKey}</Typography.Text>
        <Typography.Text type="secondary" className="mono outbox-file">
          {r.fileName}
        </Typography.Text>
      </div>
    ),
  },
  {
    title: 'Nơi nhận',
    key: 'destination',
    width: 190,
    render: (_, r) => (
      <Space size={6} align="start">
        <Tooltip title={KINDS[r.kind].label}>{KINDS[r.kind].icon}</Tooltip>
        <span className="outbox-destination">{r.destination}</span>
      </Space>
    ),
  },
  {
    title: 'Trạng thái',
    key: 'state',
    width: 160,
    // The attempts sit under the tag: a column of their own left the error too narrow to read.
    render: (_, r) => (
      <div className="outbox-state">
        <DeliveryStateTag row={r} />
        {r.attempts > 0 ? (
          <Typography.Text type="secondary">Lần thử: {r.attempts}</Typography.Text>
        ) : null}
      </div>
    ),
  },
  {
    title: 'Lỗi gần nhất',
    key: 'lastError',
    // A replaced package's last error asks for nothing any more: the correction is sent instead.
    render: (_, r) => (shownState(r) === 'replaced' ? null : <DeliveryError row={r} />),
  },
  { title: 'Thời gian', key: 'when', width: 140, render: (_, r) => <When row={r} /> },
];

const actionsColumn: ColumnsType<DeliveryRow>[number] = {
  title: '',
  key: 'actions',
  width: 176,
  render: (_, r) => <Actions row={r} />,
};

/** Sent, cancelled and replaced deliveries have no action: the column only shows when one has. */
const actionable = (r: DeliveryRow) =>
  r.state !== 'sent' && r.state !== 'cancelled' && shownState(r) !== 'replaced';

export function DeliveryTable({ rows, loading }: { rows: DeliveryRow[]; loading: boolean }) {
  return (
    <Table<DeliveryRow>
      rowKey="id"
      size="middle"
      columns={rows.some(actionable) ? [...columns, actionsColumn] : columns}
      dataSource={rows}
      loading={loading}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: 'Hộp thư đi trống: xuất gói ở màn hình Báo cáo rồi chọn nơi gửi.' }}
      onRow={(r) => ({ 'data-testid': `outbox-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
      data-testid="outbox-table"
    />
  );
}
