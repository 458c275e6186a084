// Offices × periods: who has sent the package of each period, with each period's deadline
// and how many of the registered offices have a counted package. The search, the filter and
// the sort go by the chosen period (the last column): the one the desk is chasing.
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Completeness } from '../../../../shared/inbox';
import { formatDate, formatNumber } from '../../../../shared/format';
import { OfficeListToolbar, useOfficeList } from '../../components/OfficeListToolbar';
import { shortPeriodLabel } from '../report/figures';
import { StateCell } from './StateCell';
import { inboxStateFilters, inboxStateRank } from './stateFilters';

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
  const current = data.periods.length - 1;
  const stateOf = (r: Row) => r.cells[current]?.state;
  const late = (r: Row) => r.cells[current]?.late === true;
  const list = useOfficeList(data.offices, {
    filters: inboxStateFilters(stateOf, late),
    rank: inboxStateRank(stateOf, late),
    pageSize: 50,
  });
  const chosen = data.periods[current];

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
        className: i === current ? 'completeness-current' : undefined,
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
    <>
      <OfficeListToolbar
        {...list.toolbar}
        testId="completeness"
        stateLabel={chosen ? `${shortPeriodLabel(chosen.key, chosen.label)}:` : null}
      />
      <Table<Row>
        rowKey="code"
        size="small"
        bordered
        columns={columns}
        dataSource={list.rows}
        loading={loading}
        scroll={{ x: 260 + 210 * data.periods.length }}
        pagination={list.pagination}
        locale={{
          emptyText: list.narrowed
            ? 'Không có đơn vị nào khớp với ô tìm kiếm và bộ lọc.'
            : 'Chưa có đơn vị nào: đăng ký các đơn vị ở mục “Đơn vị tin cậy”.',
        }}
        data-testid="completeness-table"
      />
    </>
  );
}
