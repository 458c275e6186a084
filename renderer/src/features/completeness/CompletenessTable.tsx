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

/**
 * The registered offices expected in period `i` (followed by then) and how many are in each
 * state: received or corrected (counted), missing, quarantined, and late across them.
 */
export function periodCounts(data: Completeness, i: number) {
  const cells = data.offices
    .filter((o) => o.registered)
    .flatMap((o) => {
      const cell = o.cells[i];
      return cell && cell.state !== 'notFollowed' ? [cell] : [];
    });
  const count = (state: string) => cells.filter((c) => c.state === state).length;
  return {
    expected: cells.length,
    done: count('received') + count('corrected'),
    missing: count('missing'),
    quarantined: count('quarantined'),
    late: cells.filter((c) => c.late).length,
  };
}

/** "3/4 (75 %)": a count and its share of the offices expected. */
export function share(n: number, of: number): string {
  return of === 0
    ? formatNumber(n)
    : `${formatNumber(n)} (${formatNumber(Math.round((100 * n) / of))} %)`;
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
      const c = periodCounts(data, i);
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
              Đã nhận {formatNumber(c.done)}/{formatNumber(c.expected)}
              {c.expected > 0
                ? ` (${formatNumber(Math.round((100 * c.done) / c.expected))} %)`
                : ''}
            </span>
            <Typography.Text type="secondary" data-testid={`completeness-shares-${p.key}`}>
              Chưa nộp {share(c.missing, c.expected)}
              {c.quarantined > 0 ? ` · Cách ly ${share(c.quarantined, c.expected)}` : ''}
              {c.late > 0 ? ` · Trễ hạn ${share(c.late, c.expected)}` : ''}
            </Typography.Text>
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
