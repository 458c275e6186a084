// The merged figures as charts: activities by channel over every counted office (and the
// department's own work), then each office's activities stacked by channel, the offices
// with most first, so a desk of 100 communes sees at a glance who did what and who sent
// nothing. The exact figures are in the tables of the other tabs.
import { Empty, Typography } from 'antd';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { CHANNEL_SHORT_LABELS, CHANNELS } from '../../../../shared/domain';
import { formatNumber } from '../../../../shared/format';
import type { MergedData } from '../../../../shared/inbox';
import { isCounted, officeNames } from '../../../../shared/mergedText';
import { CHANNEL_COLORS } from '../report/ChannelChart';

const vn = (v: unknown) => formatNumber(Number(v));

/** Height of one office's bar, so that every name stays readable however many offices. */
const OFFICE_ROW = 26;

export function MergedCharts({ data }: { data: MergedData }) {
  const byChannel = CHANNELS.filter((c) => data.figures.byChannel[c].activities > 0);
  if (byChannel.length === 0) {
    return <Empty description="Chưa có hoạt động nào được tổng hợp trong kỳ này." />;
  }
  const channelRows = byChannel.map((c) => ({
    name: CHANNEL_SHORT_LABELS[c],
    activities: data.figures.byChannel[c].activities,
    fill: CHANNEL_COLORS[c],
  }));
  const counted = data.offices.filter((o) => isCounted(o.state));
  const names = officeNames(counted, true);
  const officeRows = counted
    .map((o, i) => ({
      name: names[i]!,
      total: o.activities,
      ...Object.fromEntries(byChannel.map((c) => [c, o.byChannel[c].activities])),
    }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'vi'));
  const silent = data.offices.length - counted.length;
  return (
    <div className="report-stack" data-testid="merged-charts">
      <div data-testid="merged-chart-channels">
        <Typography.Text type="secondary">Số hoạt động theo hình thức tuyên truyền</Typography.Text>
        <ResponsiveContainer width="100%" height={280}>
          <BarChart data={channelRows} margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={{ fontSize: 13 }} />
            <YAxis allowDecimals={false} tickFormatter={vn} width={56} />
            <Tooltip formatter={vn} />
            <Bar
              dataKey="activities"
              name="Số hoạt động"
              isAnimationActive={false}
              maxBarSize={48}
              label={{ position: 'top', formatter: vn, fontSize: 12 }}
            >
              {channelRows.map((r) => (
                <Cell key={r.name} fill={r.fill} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div data-testid="merged-chart-offices">
        <Typography.Text type="secondary">
          Số hoạt động của từng đơn vị đã báo cáo, theo hình thức
          {silent > 0 ? ` (${formatNumber(silent)} đơn vị chưa có số liệu được tổng hợp)` : ''}
        </Typography.Text>
        <ResponsiveContainer
          width="100%"
          height={Math.max(160, 80 + OFFICE_ROW * officeRows.length)}
        >
          <BarChart
            data={officeRows}
            layout="vertical"
            margin={{ top: 8, right: 24, bottom: 4, left: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tickFormatter={vn} />
            <YAxis
              type="category"
              dataKey="name"
              width={240}
              tick={{ fontSize: 12 }}
              interval={0}
            />
            <Tooltip formatter={vn} />
            <Legend itemSorter={null} />
            {byChannel.map((c) => (
              <Bar
                key={c}
                dataKey={c}
                stackId="office"
                maxBarSize={22}
                name={CHANNEL_SHORT_LABELS[c]}
                fill={CHANNEL_COLORS[c]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
