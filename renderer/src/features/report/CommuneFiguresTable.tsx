// Activities and audience per commune of the profile in the period.
import { Table } from 'antd';
import { formatNumber } from '../../../../shared/format';
import type { CommuneFigures } from '../../../../shared/report';

export function CommuneFiguresTable({ rows }: { rows: CommuneFigures[] }) {
  return (
    <Table<CommuneFigures>
      size="small"
      rowKey="code"
      pagination={false}
      scroll={rows.length > 12 ? { y: 420 } : undefined}
      dataSource={rows}
      columns={[
        { title: 'Xã, thị trấn', dataIndex: 'name' },
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
      locale={{ emptyText: 'Hồ sơ đơn vị chưa có xã nào.' }}
      data-testid="report-commune-table"
    />
  );
}
