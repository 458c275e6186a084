// The merged figures by office: one row per registered office, its state for the period
// (for a half year or year made of quarters: which quarters, and which are missing), its
// activities, people reached and cost, and the main figure of each channel with figures in
// the period (the Word file's table by office has the same channels). Every number opens the
// office's activities behind it. A province of many offices gets the completeness screen's
// search, state filter, sort and pages.
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { MEASURE_UNITS } from '../../../../shared/domain';
import type { MergedData, OfficeFigures } from '../../../../shared/inbox';
import { officeTableChannels, periodsPhrase } from '../../../../shared/mergedText';
import { NumberLink } from '../../components/NumberLink';
import { OfficeListToolbar, useOfficeList } from '../../components/OfficeListToolbar';
import type { DrillQuery, OnDrill } from '../../lib/drill';
import { STATES } from '../completeness/StateCell';
import { inboxStateFilters, inboxStateRank } from '../completeness/stateFilters';

const OFFICE_WIDTH = 270;
const CHANNEL_WIDTH = 128;
/** From this many offices on (communes' offices rather than a dozen districts'), the toolbar. */
const MANY_OFFICES = 15;

const stateOf = (r: OfficeFigures) => r.state;
const FILTERS = inboxStateFilters(stateOf);
const RANK = inboxStateRank(stateOf);

export function OfficesTable({ data, onDrill }: { data: MergedData; onDrill: OnDrill }) {
  const period = data.figures.period;
  const channels = officeTableChannels(data);
  const list = useOfficeList(data.offices, { filters: FILTERS, rank: RANK, pageSize: 50 });
  const many = data.offices.length >= MANY_OFFICES;
  const coverage = new Map(data.coverage.map((c) => [c.officeCode, c]));
  /** "Từ quý I, quý II năm 2023" and "Thiếu quý II năm 2023", for an office made of quarters. */
  const parts = (code: string) => {
    const c = coverage.get(code);
    if (!c || c.included.length === 0 || c.included.includes(period.key)) return null;
    return (
      <span className="merged-office-line" data-testid={`merged-office-coverage-${code}`}>
        <Typography.Text type="secondary">Từ {periodsPhrase(c.included, period)}</Typography.Text>
        {c.missing.length > 0 ? (
          <Tag color="warning" className="merged-state">
            Thiếu {periodsPhrase(c.missing, period)}
          </Tag>
        ) : null}
      </span>
    );
  };
  const at =
    (r: OfficeFigures, q: DrillQuery = {}) =>
    () =>
      onDrill({ office: r.code, officeName: r.name, ...q });

  const columns: ColumnsType<OfficeFigures> = [
    {
      title: 'Đơn vị',
      key: 'office',
      fixed: 'left',
      width: OFFICE_WIDTH,
      render: (_, r) => (
        <div className="completeness-office">
          <span>{r.name}</span>
          <span className="merged-office-line">
            <Typography.Text type="secondary" className="mono">
              {r.code}
            </Typography.Text>
            <Tag color={STATES[r.state].color} className="merged-state">
              {STATES[r.state].label}
              {r.sequence !== null ? ` · gói ${String(r.sequence)}` : ''}
            </Tag>
          </span>
          {parts(r.code)}
        </div>
      ),
    },
    {
      title: 'Số hoạt động',
      dataIndex: 'activities',
      width: 92,
      align: 'right',
      render: (v: number, r) => (
        <NumberLink value={v} onClick={at(r)} testId={`merged-office-activities-${r.code}`} />
      ),
    },
    {
      title: 'Số lượt người',
      dataIndex: 'audience',
      width: 100,
      align: 'right',
      render: (v: number, r) => (
        <NumberLink value={v} onClick={at(r, { figure: 'Số lượt người' })} />
      ),
    },
    {
      title: 'Kinh phí (đồng)',
      dataIndex: 'costVnd',
      width: 110,
      align: 'right',
      render: (v: number, r) => <NumberLink value={v} onClick={at(r, { figure: 'Kinh phí' })} />,
    },
    ...channels.map(({ channel: c, measure: m, label }) => ({
      title: label,
      key: c,
      width: CHANNEL_WIDTH,
      onHeaderCell: () =>
        ({ 'data-testid': `merged-office-channel-${c}` }) as React.HTMLAttributes<HTMLElement>,
      render: (_: unknown, r: OfficeFigures) => {
        const f = r.byChannel[c];
        return (
          <div className="merged-channel-cell">
            <span>
              <NumberLink value={f.activities} onClick={at(r, { channel: c })} /> hoạt động
            </span>
            <Typography.Text type="secondary">
              <NumberLink
                value={f.measures[m] ?? 0}
                onClick={at(r, { channel: c, measure: m })}
                testId={`merged-office-measure-${r.code}-${c}`}
              />{' '}
              {MEASURE_UNITS[m]}
            </Typography.Text>
          </div>
        );
      },
    })),
  ];

  return (
    <div className="report-stack">
      {many ? <OfficeListToolbar {...list.toolbar} testId="merged-offices" /> : null}
      <Table<OfficeFigures>
        rowKey="code"
        size="small"
        bordered
        columns={columns}
        dataSource={many ? list.rows : data.offices}
        pagination={many ? list.pagination : false}
        scroll={{ x: OFFICE_WIDTH + 92 + 100 + 110 + CHANNEL_WIDTH * channels.length }}
        rowClassName={(r) => (r.state === 'missing' ? 'report-row-none' : '')}
        locale={{
          emptyText: list.narrowed
            ? 'Không có đơn vị nào khớp với ô tìm kiếm và bộ lọc.'
            : 'Chưa có đơn vị nào.',
        }}
        onRow={(r) =>
          ({ 'data-testid': `merged-office-${r.code}` }) as React.HTMLAttributes<HTMLElement>
        }
        data-testid="merged-office-table"
      />
    </div>
  );
}
