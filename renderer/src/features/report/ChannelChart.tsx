// Activities per channel over the last periods of the same kind: one grouped bar chart,
// one colour per channel, the period on show last; the exact figures in a table below.
import { Empty, Typography } from 'antd';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { CHANNEL_SHORT_LABELS, type Channel } from '../../../../shared/domain';
import { formatNumber } from '../../../../shared/format';
import type { SeriesPoint } from '../../../../shared/report';
import { channelsInSeries, shortPeriodLabel } from './figures';
import { SeriesTable } from './SeriesTable';

export const CHANNEL_COLORS: Record<Channel, string> = {
  van: '#0f6cbd',
  banner: '#d9822b',
  cinema: '#7b4fb8',
  radio: '#2e9e6a',
  leaflet: '#c2410c',
  meeting: '#0891b2',
  online: '#be185d',
  press: '#4d7c0f',
  sms: '#64748b',
  model: '#a16207',
};

const vn = (v: unknown) => formatNumber(Number(v));

export function ChannelChart({ series }: { series: SeriesPoint[] }) {
  const channels = channelsInSeries(series);
  if (channels.length === 0) {
    return <Empty description="Chưa có hoạt động nào trong các kỳ này." />;
  }
  const rows = series.map((p) => ({
    name: shortPeriodLabel(p.period.key, p.period.label),
    ...Object.fromEntries(channels.map((c) => [c, p.byChannel[c].activities])),
  }));
  const first = series[0]?.period;
  const last = series[series.length - 1]?.period;
  return (
    <div data-testid="report-chart">
      <Typography.Text type="secondary">
        Số hoạt động theo hình thức tuyên truyền
        {first && last && first.key !== last.key ? `, từ ${first.label} đến ${last.label}` : ''}
      </Typography.Text>
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={rows} margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 13 }} />
          <YAxis allowDecimals={false} tickFormatter={vn} width={48} />
          <Tooltip formatter={vn} />
          <Legend itemSorter={null} />
          {channels.map((c) => (
            <Bar
              key={c}
              dataKey={c}
              name={CHANNEL_SHORT_LABELS[c]}
              fill={CHANNEL_COLORS[c]}
              isAnimationActive={false}
              maxBarSize={36}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <SeriesTable series={series} channels={channels} />
    </div>
  );
}
