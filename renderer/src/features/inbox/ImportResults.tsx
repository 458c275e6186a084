// The last taking-in: a progress bar while the files go one by one, then one line per
// file saying what became of it and why, with a count per outcome.
import { Alert, Progress, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ImportOutcome, ImportResult } from '../../../../shared/inbox';
import { formatNumber } from '../../../../shared/format';
import type { ImportRun } from '../../stores/inbox';
import { shortPeriodLabel } from '../report/figures';
import { FileName, OUTCOMES, OutcomeTag } from './OutcomeTag';

type Line = ImportResult & { key: number };

const columns: ColumnsType<Line> = [
  {
    title: 'Tệp',
    dataIndex: 'file',
    width: 220,
    render: (f: string) => <FileName name={f} />,
  },
  {
    title: 'Kết quả',
    dataIndex: 'outcome',
    width: 124,
    render: (o: ImportOutcome) => <OutcomeTag outcome={o} />,
  },
  {
    title: 'Đơn vị',
    key: 'office',
    width: 200,
    render: (_, r) =>
      r.officeCode ? (
        <div className="inbox-office">
          <span>{r.officeName}</span>
          <Typography.Text type="secondary" className="mono">
            {r.officeCode}
          </Typography.Text>
        </div>
      ) : null,
  },
  {
    title: 'Kỳ',
    key: 'period',
    width: 100,
    render: (_, r) => (r.period ? shortPeriodLabel(r.period.key, r.period.label) : ''),
  },
  {
    title: 'Gói số',
    dataIndex: 'sequence',
    width: 64,
    align: 'right',
    render: (n: number | null) => (n === null ? '' : String(n)),
  },
  {
    title: 'Nội dung',
    key: 'message',
    render: (_, r) => <span className="inbox-message">{r.message.vi}</span>,
  },
];

/** "3 đã tiếp nhận, 1 cách ly": the outcomes that happened, in a fixed order. */
export function outcomeSummary(results: readonly ImportResult[]): string {
  return (Object.keys(OUTCOMES) as ImportOutcome[])
    .map((o) => [o, results.filter((r) => r.outcome === o).length] as const)
    .filter(([, n]) => n > 0)
    .map(([o, n]) => `${formatNumber(n)} ${OUTCOMES[o].label.toLocaleLowerCase('vi')}`)
    .join(', ');
}

export function ImportResults({ run }: { run: ImportRun }) {
  const percent = run.total === 0 ? 100 : Math.round((run.done / run.total) * 100);
  const lines: Line[] = run.results.map((r, i) => ({ ...r, key: i }));
  return (
    <div className="inbox-results" data-testid="inbox-results">
      <div className="inbox-progress">
        <Progress
          percent={percent}
          status={run.running ? 'active' : 'success'}
          showInfo={false}
          data-testid="inbox-progress"
        />
        <Typography.Text strong data-testid="inbox-progress-text" aria-live="polite">
          {run.running
            ? `Đang tiếp nhận ${String(Math.min(run.done + 1, run.total))}/${String(run.total)}…`
            : `Đã xử lý ${String(run.total)} tệp: ${outcomeSummary(run.results) || 'không có tệp nào'}.`}
        </Typography.Text>
      </div>
      {run.skipped.length > 0 ? (
        <Alert
          type="info"
          showIcon
          data-testid="inbox-skipped"
          title={`Bỏ qua ${String(run.skipped.length)} tệp không phải gói dữ liệu (.ttpkg) trong thư mục: ${run.skipped.join(', ')}`}
        />
      ) : null}
      <Table<Line>
        size="small"
        tableLayout="fixed"
        columns={columns}
        dataSource={lines}
        pagination={lines.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: run.running ? 'Đang đọc tệp…' : 'Không có tệp nào.' }}
        onRow={(r) =>
          ({ 'data-testid': `inbox-result-${String(r.key)}` }) as React.HTMLAttributes<HTMLElement>
        }
        data-testid="inbox-results-table"
      />
    </div>
  );
}
