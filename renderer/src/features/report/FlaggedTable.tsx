// The areas reports single out (border, remote, ethnic minority, key): how many of their
// communes were reached, with how many activities, and which communes.
import { Table, Typography } from 'antd';
import { COMMUNE_FLAGS, COMMUNE_FLAG_LABELS, type CommuneFlag } from '../../../../shared/domain';
import { formatNumber } from '../../../../shared/format';
import type { ReportData } from '../../../../shared/report';

interface Row {
  flag: CommuneFlag;
  communes: number;
  reached: number;
  activities: number;
  names: string[];
}

export function FlaggedTable({ data }: { data: ReportData }) {
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
              {r.names.length > 0 ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.names.join(', ')}
                </Typography.Text>
              ) : null}
            </>
          ),
        },
        {
          title: 'Xã đã tuyên truyền',
          key: 'reached',
          align: 'right',
          width: 140,
          render: (_: unknown, r) => (
            <span data-testid={`report-flag-reached-${r.flag}`}>
              {r.communes === 0 ? '—' : `${formatNumber(r.reached)}/${formatNumber(r.communes)} xã`}
            </span>
          ),
        },
        {
          title: 'Số hoạt động',
          dataIndex: 'activities',
          align: 'right',
          width: 110,
          render: (v: number, r) => (
            <span data-testid={`report-flag-activities-${r.flag}`}>{formatNumber(v)}</span>
          ),
        },
      ]}
      data-testid="report-flag-table"
    />
  );
}
