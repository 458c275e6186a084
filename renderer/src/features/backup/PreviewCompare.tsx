// The two sides of a restore, line by line: what the chosen file holds and what the data in
// use holds now. One table rather than two lists, so the dialog fits a 768-pixel screen.
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { BackupEntry, RestorePreview } from '../../../../shared/backup';
import { Fingerprint } from '../../components/Fingerprint';
import { formatInstant } from '../../lib/dates';
import { activitiesText, dateOrDash, kindLabel } from './format';

interface Props {
  preview: RestorePreview;
  /** The backup's entry when it was chosen from the list (it knows why it was made). */
  entry?: BackupEntry | undefined;
}

interface Line {
  key: string;
  label: string;
  source: React.ReactNode;
  current: React.ReactNode;
  /** A line about the file alone (its key), written across both columns. */
  wide?: boolean;
}

const columns: ColumnsType<Line> = [
  { dataIndex: 'label', width: 150, className: 'compare-label' },
  {
    title: 'Tệp sẽ khôi phục',
    dataIndex: 'source',
    onCell: (l) => ({ colSpan: l.wide ? 2 : 1 }),
  },
  {
    title: 'Dữ liệu đang dùng',
    dataIndex: 'current',
    onCell: (l) => ({ colSpan: l.wide ? 0 : 1 }),
  },
];

export function PreviewCompare({ preview, entry }: Props) {
  const { source, current } = preview;
  const sourceOffice = source.office ? (
    <>
      {source.office.name} <span className="nowrap">({source.office.code})</span>
    </>
  ) : null;
  const fileKind =
    source.kind === 'transfer' ? 'Tệp chuyển máy' : entry ? kindLabel(entry.kind) : 'Bản sao lưu';
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const lines: Line[] = [
    {
      key: 'when',
      label: 'Thời điểm',
      source: (
        <>
          {source.createdAt ? <strong>{formatInstant(source.createdAt)}</strong> : null}
          <Typography.Text type="secondary">
            {source.createdAt ? ' · ' : ''}
            {fileKind}
          </Typography.Text>
        </>
      ),
      current: current ? (
        'Hiện tại'
      ) : (
        <Typography.Text type="danger">
          Không đọc được (tệp dữ liệu bị mất, trống hoặc hỏng)
        </Typography.Text>
      ),
    },
    {
      key: 'office',
      label: 'Đơn vị',
      source: sourceOffice ?? 'Chưa khai báo',
      current: !current ? (
        none
      ) : current.office ? (
        <>
          {current.office.name} <span className="nowrap">({current.office.code})</span>
        </>
      ) : (
        'Chưa khai báo'
      ),
    },
    {
      key: 'activities',
      label: 'Hoạt động',
      source: (
        <span data-testid="restore-source-activities">
          {activitiesText(source.counts.activities)}
        </span>
      ),
      current: current ? (
        <span data-testid="restore-current-activities">
          {activitiesText(current.counts.activities)}
        </span>
      ) : (
        none
      ),
    },
    {
      key: 'last',
      label: 'Hoạt động gần nhất',
      source: dateOrDash(source.lastActivityDate),
      current: current ? dateOrDash(current.lastActivityDate) : none,
    },
    ...(source.keyFingerprint
      ? [
          {
            key: 'key',
            label: 'Khóa ký kèm theo',
            source: <Fingerprint value={source.keyFingerprint} />,
            current: null,
            wide: true,
          },
        ]
      : []),
  ];
  return (
    <Table<Line>
      size="small"
      bordered
      columns={columns}
      dataSource={lines}
      pagination={false}
      tableLayout="fixed"
      className="restore-compare"
      data-testid="restore-compare"
    />
  );
}
