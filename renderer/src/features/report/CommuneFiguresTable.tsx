// Activities and audience per area of the profile in the period, and below them the work of
// the whole office (activities naming no area), which the areas' rows do not add up to.
import { Table, Typography } from 'antd';
import { areaHeading, areaNoun } from '../../../../shared/areas';
import { formatNumber } from '../../../../shared/format';
import type { ReportData } from '../../../../shared/report';
import { reportKinds } from '../../lib/areas';

type Row = ReportData['figures']['byCommune'][number];

export function CommuneFiguresTable({ data }: { data: ReportData }) {
  const rows = data.figures.byCommune;
  const kinds = reportKinds(data).all;
  const free = data.withoutArea;
  return (
    <Table<Row>
      size="small"
      rowKey="code"
      pagination={false}
      scroll={rows.length > 12 ? { y: 420 } : undefined}
      dataSource={rows}
      columns={[
        { title: areaHeading(kinds), dataIndex: 'name' },
        {
          title: 'Số hoạt động',
          dataIndex: 'activities',
          align: 'right',
          width: 110,
          render: (v: number) => formatNumber(v),
        },
        {
          title: 'Số lượt người',
          dataIndex: 'audience',
          align: 'right',
          width: 120,
          render: (v: number) => formatNumber(v),
        },
      ]}
      rowClassName={(r) => (r.activities === 0 ? 'report-row-none' : '')}
      locale={{ emptyText: `Hồ sơ đơn vị chưa có ${areaNoun(kinds)} nào.` }}
      summary={() =>
        free && free.activities > 0 ? (
          <Table.Summary fixed="bottom">
            <Table.Summary.Row data-testid="report-without-area">
              <Table.Summary.Cell index={0}>
                <Typography.Text type="secondary">
                  Toàn đơn vị (không gắn với {areaNoun(kinds)} cụ thể)
                </Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {formatNumber(free.activities)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {formatNumber(free.audience)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
      data-testid="report-commune-table"
    />
  );
}
