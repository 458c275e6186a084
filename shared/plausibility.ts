// Figures a clerk probably mistyped: an extra zero or two, a phone number in the audience
// box. They are not refused (a big festival happens), only asked about before saving.
// The measure is the office's own past: ten times its largest figure of that kind on that
// channel. Before there is a past, a ceiling no commune or province office reaches in one
// activity stands in.
import { CHANNEL_MEASURES, MEASURE_LABELS, type Channel, type CountMeasure } from './domain';
import { formatNumber } from './format';

/** The office's largest figures so far on one channel (0 where none was recorded). */
export interface ChannelLargest {
  audience: number;
  costVnd: number;
  measures: Partial<Record<CountMeasure, number>>;
}

export type FigureKey = 'audience' | 'costVnd' | CountMeasure;

export interface UnusualFigure {
  key: FigureKey;
  label: string;
  value: number;
  /** The largest so far, or null when the office has none and the ceiling was used. */
  largest: number | null;
  /** The sentence shown to the clerk. */
  text: string;
}

/** How many times the largest so far a figure may be before it is asked about. */
export const UNUSUAL_FACTOR = 10;

/** Without a past: more than any one activity reaches (a whole province's SMS campaign aside). */
export const FIRST_CEILINGS: Record<FigureKey, number> = {
  audience: 100_000,
  costVnd: 1_000_000_000,
  sessions: 200,
  km: 2_000,
  minutes: 6_000,
  pieces: 5_000,
  screenings: 200,
  messageMinutes: 1_000,
  items: 2_000,
  broadcasts: 2_000,
  copies: 200_000,
  messages: 10_000_000,
  count: 200,
};

const LABELS: Record<'audience' | 'costVnd', string> = {
  audience: 'Số người được tuyên truyền',
  costVnd: 'Kinh phí',
};

export function figureLabel(key: FigureKey): string {
  return key === 'audience' || key === 'costVnd' ? LABELS[key] : MEASURE_LABELS[key];
}

const unit = (key: FigureKey): string => (key === 'costVnd' ? ' đồng' : '');

function check(key: FigureKey, value: number, largest: number): UnusualFigure | null {
  const label = figureLabel(key);
  if (largest > 0) {
    if (value <= largest * UNUSUAL_FACTOR) return null;
    const times = Math.floor(value / largest);
    return {
      key,
      label,
      value,
      largest,
      text: `${label}: ${formatNumber(value)}${unit(key)}, gấp ${formatNumber(times)} lần mức lớn nhất đã ghi cho hình thức này (${formatNumber(largest)}${unit(key)}).`,
    };
  }
  const ceiling = FIRST_CEILINGS[key];
  if (value <= ceiling) return null;
  return {
    key,
    label,
    value,
    largest: null,
    text: `${label}: ${formatNumber(value)}${unit(key)}, lớn hơn mức thường gặp của một hoạt động (${formatNumber(ceiling)}${unit(key)}).`,
  };
}

/** The figures of an activity about to be saved that deserve a second look, in form order. */
export function unusualFigures(
  channel: Channel,
  figures: {
    audience: number;
    costVnd: number;
    measures: Partial<Record<CountMeasure, number | undefined>>;
  },
  largest: ChannelLargest,
): UnusualFigure[] {
  const found: (UnusualFigure | null)[] = CHANNEL_MEASURES[channel].counts.map((key) =>
    check(key, figures.measures[key] ?? 0, largest.measures[key] ?? 0),
  );
  found.push(check('audience', figures.audience, largest.audience));
  found.push(check('costVnd', figures.costVnd, largest.costVnd));
  return found.filter((f): f is UnusualFigure => f !== null);
}
