// Offices × periods: who has sent the package of each period, with each period's deadline
// and how many of the registered offices have a counted package.
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Completeness } from '../../../../shared/inbox';
import { formatDate, formatNumber } from '../../../../shared/format';
import { shortPeriodLabel } from '../report/figures';
import { StateCell } from './StateCell';

type Row = Completeness['offices'][number];

/** Registered offices with a counted package (received or corrected) in period `i`. */
export function reportedCount(data: Completeness, i: number): { done: number; expected: number } {
  const registered = data.offices.filter((o) => o.registered);
  const done = registered.filter((o) => {
    const state = o.cells[i]?.state;
    return state === 'received' || state === 'corrected';
  }).length;
  return { done, expected: registered.length };
}

export function CompletenessTable({ data, loading }: { data: Completeness; loading: boolean }) {
  const columns: ColumnsType<Row> = [
    {
      title: 'Đơn vị',
      key: 'office',
      fixed: 'left',
      width: 260,
      render: (_, r) => (
        <div className="completeness-office">
          <span>{r.name}</span>
          <span>
            <Typography.Text type="secondary" className="mono">
              {r.code}
            </Typography.Text>
            {r.registered ? null : (
              <Tag color="orange" style={{ marginInlineStart: 6 }}>
                Chưa đăng ký
              </Tag>
            )}
          </span>
        </div>
      ),
    },
    ...data.periods.map((p, i) => {
      const { done, expected } = reportedCount(data, i);
      const deadline = data.deadlines[i];
      return {
        key: p.key,
        width: 210,
        title: (
          <div className="completeness-head" data-testid={`completeness-head-${p.key}`}>
            <strong>{shortPeriodLabel(p.key, p.label)}</strong>
            {deadline ? (
              <Typography.Text type="secondary">Hạn nộp: {formatDate(deadline)}</Typography.Text>
            ) : null}
            <span data-testid={`completeness-count-${p.key}`}>
              Đã nhận {formatNumber(done)}/{formatNumber(expected)}
            </span>
          </div>
        ),
        render: (_: unknown, r: Row) => {
          const cell = r.cells[i];
          return cell ? <StateCell cell={cell} testId={`completeness-${r.code}-${p.key}`} /> : null;
        },
      };
    }),
  ];
  return (
    <Table<Row>
      rowKey="code"
      size="small"
      bordered
      columns={columns}
      dataSource={data.offices}
      loading={loading}
      scroll={{ x: 260 + 210 * data.periods.length }}
      pagination={data.offices.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{
        emptyText: 'Chưa có đơn vị nào: đăng ký các đơn vị ở mục “Đơn vị tin cậy”.',
      }}
      data-testid="completeness-table"
    />
  );
}
