// Activities a restore would lose, take back to an older version or bring back: the date,
// the channel, the title and what happens to it.
import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ActivityBrief } from '../../../../shared/backup';
import { CHANNEL_SHORT_LABELS } from '../../../../shared/domain';
import { formatDate } from '../../../../shared/format';

const CHANGES: Record<ActivityBrief['change'], { label: string; color: string; hint: string }> = {
  lost: { label: 'mất', color: 'red', hint: 'Ghi sau bản sao lưu: sẽ không còn' },
  reverted: { label: 'về bản cũ', color: 'orange', hint: 'Sửa sau bản sao lưu: về nội dung cũ' },
  regained: { label: 'trở lại', color: 'green', hint: 'Hiện không có trong sổ: sẽ có lại' },
};

const columns: ColumnsType<ActivityBrief> = [
  {
    title: 'Ngày',
    dataIndex: 'date',
    width: 96,
    render: (d: string) => formatDate(d),
  },
  {
    title: 'Hình thức',
    dataIndex: 'channel',
    width: 118,
    render: (c: ActivityBrief['channel']) => CHANNEL_SHORT_LABELS[c],
  },
  { title: 'Nội dung', dataIndex: 'title', ellipsis: { showTitle: true } },
  {
    title: '',
    dataIndex: 'change',
    width: 96,
    align: 'right',
    render: (c: ActivityBrief['change']) => (
      <Tag color={CHANGES[c].color} title={CHANGES[c].hint} style={{ marginInlineEnd: 0 }}>
        {CHANGES[c].label}
      </Tag>
    ),
  },
];

interface Props {
  rows: ActivityBrief[];
  /** How many there are in all (the engine sends the first ones only). */
  total: number;
  testId?: string;
}

export function ActivityBriefTable({ rows, total, testId }: Props) {
  const more = total - rows.length;
  return (
    <div data-testid={testId}>
      <Table<ActivityBrief>
        size="small"
        rowKey={(r) => `${r.change}:${r.id}`}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 180 }}
        className="brief-table"
      />
      {more > 0 ? (
        <div className="brief-more">
          và {more} hoạt động khác (chỉ liệt kê những thay đổi gần nhất).
        </div>
      ) : null}
    </div>
  );
}
