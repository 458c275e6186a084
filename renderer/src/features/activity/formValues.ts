// The activity as the form holds it, and its conversions: to the import-format payload
// of activities:create/update, from a stored row, and to/from a localStorage draft.
import type { Dayjs } from 'dayjs';
import type { ActivityRow } from '../../../../shared/contract';
import {
  CHANNEL_MEASURES,
  type Channel,
  type Language,
  type Theme,
} from '../../../../shared/domain';
import type { ActivityInput } from '../../../../shared/schemas';
import { fromIso, toIso } from '../../lib/dates';
import type { PathPart } from '../../lib/serverErrors';

export type MeasureValue = number | string | boolean | null | undefined;

export interface ActivityFormValues {
  date: Dayjs | null;
  endDate: Dayjs | null;
  communes: string[];
  village: string;
  themes: Theme[];
  language: Language;
  title: string;
  audience: number | null;
  /** The audience is an estimate, not a count: the report says "khoảng". */
  audienceEstimated: boolean;
  costVnd: number | null;
  notes: string;
  measures: Record<string, MeasureValue>;
}

/** A draft is the form with its dates as ISO strings (JSON has no dates). */
export type ActivityDraft = Omit<ActivityFormValues, 'date' | 'endDate'> & {
  date: string | null;
  endDate: string | null;
};

export function draftKey(channel: Channel, editingId: string | null): string {
  return editingId === null ? `activity:new:${channel}` : `activity:edit:${editingId}`;
}

export function defaultValues(): ActivityFormValues {
  return {
    date: null,
    endDate: null,
    communes: [],
    village: '',
    themes: ['trafficking'],
    language: 'vi',
    title: '',
    audience: null,
    audienceEstimated: false,
    costVnd: null,
    notes: '',
    measures: {},
  };
}

export function toDraft(values: Partial<ActivityFormValues>): ActivityDraft {
  return {
    ...defaultValues(),
    ...values,
    date: values.date ? toIso(values.date) : null,
    endDate: values.endDate ? toIso(values.endDate) : null,
  };
}

export function fromDraft(draft: ActivityDraft): ActivityFormValues {
  return {
    ...defaultValues(),
    ...draft,
    date: fromIso(draft.date),
    endDate: fromIso(draft.endDate),
  };
}

/**
 * A stored activity in the form; `communeCodes` because the form selects by code. Only the
 * communes the form offers are kept (for a copy: the active ones).
 */
export function fromRow(row: ActivityRow, offeredCodes: ReadonlySet<string>): ActivityFormValues {
  return {
    date: fromIso(row.date),
    endDate: fromIso(row.endDate),
    communes: row.communeCodes.filter((c) => offeredCodes.has(c)),
    village: row.village,
    themes: [...row.themes],
    language: row.language,
    title: row.title,
    audience: row.audience,
    audienceEstimated: row.audienceEstimated === true,
    costVnd: row.costVnd,
    notes: row.notes,
    measures: { ...(row.measures as Record<string, MeasureValue>) },
  };
}

function num(v: MeasureValue | number | null): number {
  return typeof v === 'number' ? v : Number(v ?? 0) || 0;
}

function optionalText(v: MeasureValue): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** The payload: exactly this channel's measure keys, dates as YYYY-MM-DD. */
export function toInput(channel: Channel, values: ActivityFormValues): ActivityInput {
  const m = values.measures ?? {};
  const measures: Record<string, unknown> = {};
  for (const key of CHANNEL_MEASURES[channel].counts) measures[key] = num(m[key]);
  for (const key of CHANNEL_MEASURES[channel].extras) {
    if (key === 'relayed') measures.relayed = m.relayed === true;
    else if (key === 'kind') {
      if (typeof m.kind === 'string' && m.kind !== '') measures.kind = m.kind;
    } else {
      const text = optionalText(m[key]);
      if (text !== undefined) measures[key] = text;
    }
  }
  const input = {
    channel,
    date: values.date ? toIso(values.date) : '',
    ...(values.endDate ? { endDate: toIso(values.endDate) } : {}),
    communes: values.communes ?? [],
    village: (values.village ?? '').trim(),
    themes: values.themes ?? [],
    language: values.language ?? 'vi',
    title: (values.title ?? '').trim(),
    audience: num(values.audience),
    ...(values.audienceEstimated === true ? { audienceEstimated: true } : {}),
    costVnd: num(values.costVnd),
    notes: values.notes ?? '',
    measures,
  };
  return input as ActivityInput;
}

const TOP_FIELDS = new Set([
  'date',
  'endDate',
  'communes',
  'village',
  'themes',
  'language',
  'title',
  'audience',
  'audienceEstimated',
  'costVnd',
  'notes',
]);

/** Engine field path → form field ("communes[0]" → communes, "measures.km" → measures.km). */
export function formFieldOf(path: PathPart[]): PathPart[] | null {
  const [head, next] = path;
  if (head === 'measures' && typeof next === 'string') return ['measures', next];
  if (typeof head === 'string' && TOP_FIELDS.has(head)) return [head];
  return null;
}
