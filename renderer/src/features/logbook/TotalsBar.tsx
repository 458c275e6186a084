// Totals of the rows matching the filter (all of them, not only those loaded yet).
import { useState } from 'react';
import { Button, Spin, Typography } from 'antd';
import type { Totals } from '../../../../shared/contract';
import {
  CHANNEL_LABELS,
  CHANNEL_ORDER,
  CHANNEL_MEASURES,
  CHANNEL_SHORT_LABELS,
  MEASURE_LABELS,
} from '../../../../shared/domain';
import { formatDate, formatNumber } from '../../../../shared/format';
import { useLogbookStore } from '../../stores/logbook';

/** Channels shown before "Xem thêm", so the table keeps its room on a 768-pixel screen. */
const FOLDED = 4;

function ChannelTotalsList({ totals }: { totals: Totals }) {
  const [expanded, setExpanded] = useState(false);
  const channels = CHANNEL_ORDER.filter((c) => (totals.byChannel[c]?.activities ?? 0) > 0);
  if (channels.length === 0) return null;
  const hidden = expanded ? 0 : Math.max(0, channels.length - FOLDED);
  return (
    <div className="channels">
      {channels.slice(0, channels.length - hidden).map((c) => {
        const t = totals.byChannel[c]!;
        const measures = CHANNEL_MEASURES[c].counts
          .map((m) => `${MEASURE_LABELS[m]}: ${formatNumber(t.measures[m] ?? 0)}`)
          .join(' · ');
        return (
          <span
            className="channel"
            key={c}
            title={CHANNEL_LABELS[c]}
            data-testid={`totals-channel-${c}`}
          >
            <strong>{CHANNEL_SHORT_LABELS[c]}</strong>: {formatNumber(t.activities)} hoạt động ·{' '}
            {measures}
          </span>
        );
      })}
      {channels.length > FOLDED ? (
        <Button
          type="link"
          size="small"
          onClick={() => setExpanded(!expanded)}
          data-testid="totals-more"
        >
          {expanded ? 'Thu gọn' : `Xem thêm ${String(hidden)} hình thức`}
        </Button>
      ) : null}
    </div>
  );
}

export function TotalsBar() {
  const totals = useLogbookStore((s) => s.totals);
  const period = useLogbookStore((s) => s.period);
  // Rows scrolled into view whose page is on its way.
  const pending = useLogbookStore((s) => s.pending > 0);
  const deleted = useLogbookStore((s) => s.filter.deleted);

  return (
    <div className="totals" data-testid="totals">
      <div className="main">
        {period ? (
          <Typography.Text type="secondary">
            {period.key.includes('..')
              ? `Khoảng ${period.label}`
              : `Kỳ ${period.label} (${formatDate(period.from)} – ${formatDate(period.to)})`}
          </Typography.Text>
        ) : null}
        <span>
          <span className="figure" data-testid="totals-activities">
            {formatNumber(totals.activities)}
          </span>{' '}
          {deleted ? 'hoạt động đã xóa' : 'hoạt động'}
        </span>
        <span>
          <span className="figure" data-testid="totals-audience">
            {formatNumber(totals.audience)}
          </span>{' '}
          lượt người
        </span>
        <span>
          Kinh phí{' '}
          <span className="figure" data-testid="totals-cost">
            {formatNumber(totals.costVnd)}
          </span>{' '}
          đồng
        </span>
        {pending ? (
          <span
            data-testid="load-progress"
            style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}
          >
            <Spin size="small" />
            <Typography.Text type="secondary">Đang tải…</Typography.Text>
          </span>
        ) : null}
      </div>
      <ChannelTotalsList totals={totals} />
    </div>
  );
}
