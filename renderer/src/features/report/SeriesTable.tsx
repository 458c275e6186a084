// The chart's figures as a table: one row per channel, one column per period.
import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CHANNEL_SHORT_LABELS, type Channel } from '../../../../shared/domain';
import { formatNumber } from '../../../../shared/format';
import type { SeriesPoint } from '../../../../shared/report';
import { shortPeriodLabel } from './figures';

interface Row {
  channel: Channel;
  values: number[];
}

interface Props {
  series: SeriesPoint[];
  channels: Channel[];
}

export function SeriesTable({ series, channels }: Props) {
  const rows = channels.map((channel): Row => ({
    channel,
    values: series.map((p) => p.byChannel[channel].activities),
  }));
  const columns: ColumnsType<Row> = [
    {
      title: 'Hình thức',
      dataIndex: 'channel',
      render: (c: Channel) => CHANNEL_SHORT_LABELS[c],
    },
    ...series.map((p, i) => ({
      title: shortPeriodLabel(p.period.key, p.period.label),
      key: p.period.key,
      align: 'right' as const,
      width: 130,
      render: (_: unknown, r: Row) => formatNumber(r.values[i] ?? 0),
    })),
  ];
  return (
    <Table<Row>
      size="small"
      rowKey="channel"
      pagination={false}
      columns={columns}
      dataSource={rows}
      style={{ marginTop: 8 }}
      data-testid="report-series-table"
    />
  );
}
