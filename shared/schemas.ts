// One schema per input. Objects are strict (unknown fields refused), strings are stored
// NFC, counts are non-negative integers. The formats are public: ../shared/INTERCHANGE.md.

import { z } from 'zod';
import {
  BANNER_KINDS,
  CHANNELS,
  COMMUNE_FLAGS,
  CUTOFFS,
  DIRECTIVE_DIRECTIONS,
  LANGUAGES,
  REPORT_SUBJECTS,
  THEMES,
} from './domain';
import { isIsoDate } from './format';
import { DEFAULT_DEPARTMENT, DEFAULT_STEERING, OFFICE_KINDS } from './offices';
import { firstXmlInvalid, nameKey, toNfc } from './text';
import { LOGBOOK_PAGE_SIZE } from './logbook';

/**
 * Refuses a character a Word file cannot hold (XML 1.0 Char, less noncharacters): stored
 * once, it would make every later report of the period a file Word will not open, and the
 * package would sign it. `params.codePoint` lets the message name the character.
 */
export function refuseXmlInvalid(s: string, ctx: z.core.$RefinementCtx<string>): void {
  const bad = firstXmlInvalid(s);
  if (bad) {
    ctx.addIssue({
      code: 'custom',
      params: { rule: 'xmlChar', codePoint: bad.codePoint },
      message: 'xmlChar',
    });
  }
}

const text = (max: number) => z.string().max(max).superRefine(refuseXmlInvalid).transform(toNfc);
const requiredText = (max: number) =>
  z.string().superRefine(refuseXmlInvalid).transform(toNfc).pipe(z.string().min(1).max(max));
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const isoDate = z.string().refine(isIsoDate, { params: { rule: 'isoDate' } });

function unique<T>(key: (item: T) => string, rule: string, field: string) {
  return (items: T[], ctx: z.core.$RefinementCtx<T[]>) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k))
        ctx.addIssue({ code: 'custom', path: [i, field], params: { rule }, message: rule });
      seen.add(k);
    });
  };
}

// ---------- office profile (`setup --profile`) ----------

export const OfficeSchema = z.strictObject({
  code: requiredText(64).pipe(
    z.string().refine((c) => /^[A-Za-z0-9._-]+$/.test(c), { params: { rule: 'officeCode' } }),
  ),
  name: requiredText(200),
  /** Who the office is (a commune's office, the department, a press agency, a district). */
  kind: z.enum(OFFICE_KINDS).optional(),
  parent: text(200).default(''),
  province: text(100).default(''),
  place: text(100).default(''),
  docSymbol: text(50).default(''),
  recipients: z.array(requiredText(300)).max(50).default([]),
  signer: z
    .strictObject({ title: text(200).default(''), name: text(100).default('') })
    .default({ title: '', name: '' }),
  /** "Nơi nhận" of a new report after "Như trên", the filing line and the drafter's initials. */
  copies: z.array(requiredText(300)).max(50).default([]),
  filing: text(200).default('VT'),
  drafter: text(30).default(''),
  cutoff: z.enum(CUTOFFS).default('decree09'),
  /** The department the office reports to, and the province's steering committee. */
  department: text(300).default(DEFAULT_DEPARTMENT),
  steering: text(300).default(DEFAULT_STEERING),
  /** The subjects the office reports on: one report (and one signed Word file) each. */
  subjects: z
    .array(z.enum(REPORT_SUBJECTS))
    .min(1)
    .max(REPORT_SUBJECTS.length)
    .superRefine(unique((t: string) => t, 'duplicate', ''))
    .default(['trafficking']),
});

export const CommuneSchema = z.strictObject({
  code: requiredText(64),
  name: requiredText(200),
  /** "xã", "phường", "thôn", "tổ dân phố", …; else the name's leading word says it. */
  kind: text(50).optional(),
  flags: z
    .array(z.enum(COMMUNE_FLAGS))
    .max(COMMUNE_FLAGS.length)
    .default([])
    .superRefine(unique((f: string) => f, 'duplicate', '')),
  /** Codes of the areas merged into this one: their activities count under it. */
  absorbed: z
    .array(requiredText(64))
    .max(200)
    .default([])
    .superRefine(unique((c: string) => nameKey(c), 'duplicate', '')),
});

/**
 * An absorbed area no longer exists: it is not also a current area, nor absorbed twice,
 * nor by itself (a chain through older merges is fine: the profile lists current areas).
 */
function checkMergers(
  communes: readonly { code: string; absorbed: readonly string[] }[],
  ctx: z.core.$RefinementCtx<unknown>,
): void {
  const current = new Set(communes.map((c) => nameKey(c.code)));
  const taken = new Set<string>();
  communes.forEach((c, i) =>
    c.absorbed.forEach((code, j) => {
      const key = nameKey(code);
      const rule = current.has(key) ? 'absorbedCurrent' : taken.has(key) ? 'absorbedTwice' : null;
      if (rule) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'absorbed', j],
          params: { rule },
          message: rule,
        });
      }
      taken.add(key);
    }),
  );
}

export const ProfileSchema = z.strictObject({
  office: OfficeSchema,
  // The office's areas, of any kind. Empty for a department or a press agency: their
  // activities name no area.
  communes: z
    .array(CommuneSchema)
    .max(2000)
    .superRefine(unique((c: { code: string }) => nameKey(c.code), 'duplicateCode', 'code'))
    .superRefine(unique((c: { name: string }) => nameKey(c.name), 'duplicateName', 'name'))
    .superRefine(checkMergers),
});
export type ProfileInput = z.input<typeof ProfileSchema>;
export type Profile = z.output<typeof ProfileSchema>;
export type Office = Profile['office'];
export type CommuneInput = z.output<typeof CommuneSchema>;

// ---------- activity (`activities import`) ----------

const common = {
  id: z
    .string()
    .min(1)
    .max(100)
    .superRefine(refuseXmlInvalid)
    .refine((s) => s.trim() === s && [...s].every((ch) => ch.charCodeAt(0) >= 0x20))
    .optional(),
  date: isoDate,
  endDate: isoDate.optional(),
  // Empty for work of the whole office (services/activities.ts says when that is allowed).
  communes: z.array(requiredText(200)).max(200),
  village: text(300).default(''),
  themes: z
    .array(z.enum(THEMES))
    .min(1)
    .max(THEMES.length)
    .superRefine(unique((t: string) => t, 'duplicate', '')),
  language: z.enum(LANGUAGES).default('vi'),
  title: requiredText(500),
  audience: count.default(0),
  /** The audience is an estimate (a crowd at a market), not a count: "khoảng" in the report. */
  audienceEstimated: z.boolean().optional(),
  costVnd: count.default(0),
  notes: text(5000).default(''),
};

export const MeasureSchemas = {
  van: z.strictObject({ sessions: count, km: count, minutes: count }),
  banner: z.strictObject({
    pieces: count,
    kind: z.enum(BANNER_KINDS).optional(),
    slogan: text(500).optional(),
  }),
  cinema: z.strictObject({ screenings: count, messageMinutes: count, film: text(300).optional() }),
  radio: z.strictObject({
    items: count,
    broadcasts: count,
    minutes: count,
    relayed: z.boolean().optional(),
  }),
  leaflet: z.strictObject({ copies: count, permitNo: text(100).optional() }),
  meeting: z.strictObject({ sessions: count }),
  online: z.strictObject({ items: count, url: text(1000).optional() }),
  press: z.strictObject({
    items: count,
    minutes: count,
    outlet: text(300).optional(),
    programme: text(300).optional(),
  }),
  sms: z.strictObject({ messages: count }),
  model: z.strictObject({ count }),
} as const;

const variant = <C extends (typeof CHANNELS)[number]>(channel: C) =>
  z.strictObject({ ...common, channel: z.literal(channel), measures: MeasureSchemas[channel] });

export const ActivityInputSchema = z
  .discriminatedUnion('channel', [
    variant('van'),
    variant('banner'),
    variant('cinema'),
    variant('radio'),
    variant('leaflet'),
    variant('meeting'),
    variant('online'),
    variant('press'),
    variant('sms'),
    variant('model'),
  ])
  .superRefine((a, ctx) => {
    if (a.endDate !== undefined && a.endDate < a.date) {
      ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        params: { rule: 'endBeforeStart' },
        message: 'endBeforeStart',
      });
    }
  });
export type ActivityInput = z.input<typeof ActivityInputSchema>;
export type ActivityData = z.output<typeof ActivityInputSchema>;
export type Measures = ActivityData['measures'];

/** An activity as stored and listed: the import format with its id (communes by name). */
export type Activity = ActivityData & { id: string };

// ---------- directives (văn bản chỉ đạo) ----------

export const DirectiveInputSchema = z.strictObject({
  id: z.string().min(1).max(100).superRefine(refuseXmlInvalid).optional(),
  number: requiredText(100),
  date: isoDate,
  issuer: requiredText(300),
  subject: requiredText(2000),
  direction: z.enum(DIRECTIVE_DIRECTIONS),
});
export type DirectiveInput = z.input<typeof DirectiveInputSchema>;
export type Directive = z.output<typeof DirectiveInputSchema> & { id: string };

// ---------- logbook filter ----------

export const ActivityFilterSchema = z.strictObject({
  /** A period key as in INTERCHANGE.md ("2023-Q3", "2023-07-01..2023-09-30"). */
  period: z.string().max(30).optional(),
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).optional(),
  /** Commune codes or names. */
  communes: z.array(z.string().min(1).max(200)).max(2000).optional(),
  themes: z.array(z.enum(THEMES)).max(THEMES.length).optional(),
  search: z.string().max(200).optional(),
  deleted: z.boolean().optional(),
});
export type ActivityFilter = z.input<typeof ActivityFilterSchema>;

/** A window of the filtered logbook, newest first. */
export const ActivityWindowSchema = z.strictObject({
  ...ActivityFilterSchema.shape,
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(100_000).optional(),
});
export type ActivityWindow = z.input<typeof ActivityWindowSchema>;

/**
 * A row's place in the logbook's order, as the logbook sorts: [date, createdAt, id] for
 * live rows, [deletedAt, id] for deleted ones. A page of rows starts at such a key.
 */
export const ActivityKeySchema = z.array(z.string().min(1).max(100)).min(2).max(3);
export type ActivityKey = z.output<typeof ActivityKeySchema>;

/** Rows a logbook page holds, when not said: a few screens, small enough to answer at once. */
export const DEFAULT_PAGE_SIZE = LOGBOOK_PAGE_SIZE;
const pageSize = z.number().int().min(10).max(2000);

/** The filtered logbook cut in pages: totals, each page's first key and the first page. */
export const ActivityPagesSchema = z.strictObject({
  ...ActivityFilterSchema.shape,
  pageSize: pageSize.optional(),
});
export type ActivityPagesInput = z.input<typeof ActivityPagesSchema>;

/** One page of the filtered logbook: the rows from a key on, in the logbook's order. */
export const ActivityPageSchema = z.strictObject({
  ...ActivityFilterSchema.shape,
  from: ActivityKeySchema,
  limit: pageSize.optional(),
});
export type ActivityPageInput = z.input<typeof ActivityPageSchema>;

// ---------- report texts ----------

export const ReportTextsSchema = z.strictObject({
  number: text(30),
  date: isoDate,
  recipients: z.array(requiredText(300)).max(50),
  directives: z.array(requiredText(3000)).max(200),
  strengths: text(20000),
  limitations: text(20000),
  nextSteps: text(20000),
  // Fields added later are optional: texts written before them keep what they had.
  request: text(3000).optional(),
  resultsBefore: text(20000).optional(),
  resultsAfter: text(20000).optional(),
  copies: z.array(requiredText(300)).max(50).optional(),
  filing: text(200).optional(),
  drafter: text(30).optional(),
});
/** Texts as given (`report --texts`, a save): the fields left out keep their values. */
export type ReportTextsInput = z.output<typeof ReportTextsSchema>;

export const PeriodKeySchema = z.strictObject({ period: z.string().min(1).max(30) });

/** A period's report about one subject (trafficking when none is named). */
export const ReportKeySchema = z.strictObject({
  period: z.string().min(1).max(30),
  subject: z.enum(REPORT_SUBJECTS).default('trafficking'),
});
