// The areas reports single out (border, remote, ethnic minority, key): how many of their
// areas were reached, with how many activities, and which ones. With `onDrill` (the
// province's merged figures) the activities open the activities behind them.
import { Table, Typography } from 'antd';
import { areaNoun } from '../../../../shared/areas';
import { COMMUNE_FLAGS, COMMUNE_FLAG_LABELS, type CommuneFlag } from '../../../../shared/domain';
import { formatNumber } from '../../../../shared/format';
import type { ReportData } from '../../../../shared/report';
import { NumberLink } from '../../components/NumberLink';
import { reportKinds } from '../../lib/areas';
import type { OnDrill } from '../../lib/drill';

interface Row {
  flag: CommuneFlag;
  communes: number;
  reached: number;
  activities: number;
  names: string[];
}

interface Props {
  data: ReportData;
  onDrill?: OnDrill | undefined;
  /** Lists the areas reached under each flag (the merged report has its own table). */
  names?: boolean;
}

export function FlaggedTable({ data, onDrill, names: showNames = true }: Props) {
  const kinds = reportKinds(data);
  const rows = COMMUNE_FLAGS.map((flag): Row => ({
    flag,
    ...data.figures.flagged[flag],
    names: data.flaggedCommunes
      .filter((c) => c.flags.includes(flag) && c.activities > 0)
      .map((c) => c.name),
  }));
  return (
    <Table<Row>
      size="small"
      rowKey="flag"
      pagination={false}
      dataSource={rows}
      columns={[
        {
          title: 'Địa bàn',
          dataIndex: 'flag',
          render: (f: CommuneFlag, r) => (
            <>
              <div>{COMMUNE_FLAG_LABELS[f]}</div>
              {showNames && r.names.length > 0 ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.names.join(', ')}
                </Typography.Text>
              ) : null}
            </>
          ),
        },
        {
          title: 'Đã tuyên truyền',
          key: 'reached',
          align: 'right',
          width: 170,
          render: (_: unknown, r) => (
            <span data-testid={`report-flag-reached-${r.flag}`}>
              {r.communes === 0
                ? '—'
                : `${formatNumber(r.reached)}/${formatNumber(r.communes)} ${areaNoun(kinds.flagged[r.flag])}`}
            </span>
          ),
        },
        {
          title: 'Số hoạt động',
          dataIndex: 'activities',
          align: 'right',
          width: 110,
          render: (v: number, r) => (
            <NumberLink
              value={v}
              onClick={onDrill ? () => onDrill({ flag: r.flag }) : undefined}
              testId={`report-flag-activities-${r.flag}`}
            />
          ),
        },
      ]}
      data-testid="report-flag-table"
    />
  );
}
