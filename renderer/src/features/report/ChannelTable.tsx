// Section 2 of the report as a table: one row per channel with its measures, audience,
// cost and the change in activities against the previous period. With `onDrill` (the
// province's merged figures) every count opens the activities behind it.
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  CHANNEL_LABELS,
  CHANNEL_MEASURES,
  MEASURE_LABELS,
  type Channel,
  type CountMeasure,
} from '../../../../shared/domain';
import { formatNumber } from '../../../../shared/format';
import type { ReportData } from '../../../../shared/report';
import { NumberLink } from '../../components/NumberLink';
import type { OnDrill } from '../../lib/drill';
import { ChangeTag } from './ChangeTag';
import { channelsShown } from './figures';

interface Row {
  key: Channel | 'total';
  label: string;
  activities: number;
  measures: { key: CountMeasure; label: string; value: number }[];
  audience: number;
  costVnd: number;
  previous: number | null;
}

function rowsOf(data: ReportData): Row[] {
  const rows = channelsShown(data).map((c): Row => {
    const f = data.figures.byChannel[c];
    return {
      key: c,
      label: CHANNEL_LABELS[c],
      activities: f.activities,
      measures: CHANNEL_MEASURES[c].counts.map((m) => ({
        key: m,
        label: MEASURE_LABELS[m],
        value: f.measures[m] ?? 0,
      })),
      audience: f.audience,
      costVnd: f.costVnd,
      previous: data.previous ? data.previous.byChannel[c].activities : null,
    };
  });
  // No channel at all: the table's empty text says so, rather than a lone row of zeros.
  if (rows.length === 0) return rows;
  rows.push({
    key: 'total',
    label: 'Tổng cộng',
    activities: data.figures.activities,
    measures: [],
    audience: data.audience,
    costVnd: data.costVnd,
    previous: data.previous ? data.previous.activities : null,
  });
  return rows;
}

const number = (v: number) => formatNumber(v);

interface Props {
  data: ReportData;
  onDrill?: OnDrill | undefined;
}

export function ChannelTable({ data, onDrill }: Props) {
  const channelOf = (r: Row) => (r.key === 'total' ? {} : { channel: r.key });
  const drill = (r: Row, extra: Parameters<OnDrill>[0] = {}) =>
    onDrill ? () => onDrill({ ...channelOf(r), ...extra }) : undefined;
  const columns: ColumnsType<Row> = [
    {
      title: 'Hình thức tuyên truyền',
      dataIndex: 'label',
      render: (label: string, r) => (r.key === 'total' ? <strong>{label}</strong> : label),
    },
    {
      title: 'Số hoạt động',
      dataIndex: 'activities',
      align: 'right',
      width: 110,
      render: (v: number, r) => (
        <NumberLink value={v} onClick={drill(r)} testId={`report-channel-activities-${r.key}`} />
      ),
    },
    {
      title: 'Số liệu chính',
      dataIndex: 'measures',
      render: (measures: Row['measures'], r) => (
        <div className="report-measures" data-testid={`report-channel-measures-${r.key}`}>
          {measures.map((m) => (
            <span key={m.key}>
              <Typography.Text type="secondary">{m.label}:</Typography.Text>{' '}
              {onDrill ? (
                <NumberLink
                  value={m.value}
                  onClick={drill(r, { measure: m.key })}
                  testId={`report-channel-measure-${r.key}-${m.key}`}
                />
              ) : (
                number(m.value)
              )}
            </span>
          ))}
        </div>
      ),
    },
    {
      title: 'Số lượt người',
      dataIndex: 'audience',
      align: 'right',
      width: 120,
      render: (v: number, r) =>
        onDrill ? (
          <NumberLink value={v} onClick={drill(r, { figure: 'Số lượt người' })} />
        ) : (
          number(v)
        ),
    },
    { title: 'Kinh phí (đồng)', dataIndex: 'costVnd', align: 'right', width: 130, render: number },
  ];
  if (data.previous) {
    columns.push({
      title: 'So với kỳ trước',
      key: 'change',
      align: 'right',
      width: 150,
      render: (_: unknown, r) =>
        r.previous === null ? null : (
          <ChangeTag before={r.previous} after={r.activities} testId={`report-change-${r.key}`} />
        ),
    });
  }
  return (
    <Table<Row>
      size="small"
      pagination={false}
      columns={columns}
      dataSource={rowsOf(data)}
      rowClassName={(r) => (r.key === 'total' ? 'report-total-row' : '')}
      locale={{ emptyText: 'Chưa có hoạt động nào trong kỳ này và kỳ trước.' }}
      data-testid="report-channel-table"
    />
  );
}
