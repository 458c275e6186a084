// The province's merged report (seed 000 is one): the sentences only it has (who has
// reported, its opening) and its table by office. Everything else it says comes from
// reportText.ts, since MergedData is a ReportData. Pure, so the Word file and the screen
// write the same words. Every string returned is NFC.

import type { Channel, CountMeasure, ReportSubject } from './domain';
import {
  CHANNELS,
  CHANNEL_MEASURES,
  CHANNEL_SHORT_LABELS,
  MEASURE_UNITS,
  SUBJECT_PHRASES,
} from './domain';
import { formatNumber } from './format';
import type { InboxState, MergedCoverage, MergedData, OfficeFigures } from './inbox';
import { periodParts } from './inbox';
import type { ReportTexts, WrittenSection } from './report';
import { WRITTEN_SECTIONS } from './report';
import { SUMMARY_HEADERS } from './reportText';
import { openingLetter } from './directives';
import { andList } from './text';

const nfc = (text: string): string => text.normalize('NFC');

/** Whether an office's figures are in the merge (a package accepted, possibly corrected). */
export function isCounted(state: InboxState): state is 'received' | 'corrected' {
  return state === 'received' || state === 'corrected';
}

/**
 * Office names as tables of provincial reports shorten them. Both spellings of "hóa"
 * occur: Unikey's "new style" puts the mark on the o, the older style on the a.
 */
const ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/^Phòng Văn h(?:óa|oá) và Thông tin/iu, 'Phòng VH&TT'],
  [/^Phòng Văn h(?:óa|oá), Thể thao và Du lịch/iu, 'Phòng VHTT&DL'],
  [/^Trung tâm Văn h(?:óa|oá), Thể thao và Truyền thông/iu, 'Trung tâm VHTT&TT'],
  [/^Sở Văn h(?:óa|oá), Thể thao và Du lịch/iu, 'Sở VHTT&DL'],
  [/^Phòng Văn h(?:óa|oá) - Xã hội/iu, 'Phòng VH-XH'],
];

export function shortOfficeName(name: string): string {
  const n = nfc(name.trim());
  for (const [re, short] of ABBREVIATIONS) {
    if (re.test(n)) return n.replace(re, short);
  }
  return n;
}

/**
 * Each office's name, shortened for a table cell or in full for a sentence. Two offices
 * may carry the same name (every district's office is a "Phòng Văn hóa và Thông tin" when
 * its package names no district); those get their code after it, so no row is ambiguous.
 */
export function officeNames(
  offices: readonly Pick<OfficeFigures, 'code' | 'name'>[],
  short = false,
): string[] {
  const names = offices.map((o) => (short ? shortOfficeName(o.name) : nfc(o.name.trim())));
  const key = (n: string) => n.toLocaleLowerCase('vi');
  const seen = new Map<string, number>();
  for (const n of names) seen.set(key(n), (seen.get(key(n)) ?? 0) + 1);
  return names.map((n, i) => ((seen.get(key(n)) ?? 0) > 1 ? `${n} (${offices[i]!.code})` : n));
}

/** How the report names the reporting offices together, as a subject and after a count. */
export interface OfficesNoun {
  /** "Phòng Văn hóa và Thông tin các huyện, thành phố" or "các đơn vị". */
  all: string;
  /** After "2/3", where "các" cannot follow a count: "Phòng Văn hóa và Thông tin huyện, thành phố". */
  counted: string;
}

const DISTRICT_OFFICES = 'Phòng Văn hóa và Thông tin các huyện, thành phố';
const COMMUNE_OFFICES = 'Phòng Văn hóa - Xã hội các xã, phường, đặc khu';

/**
 * Seed 000's "Phòng Văn hóa và Thông tin các huyện, thành phố" when every office is a
 * district culture office, "Phòng Văn hóa - Xã hội các xã, phường, đặc khu" when every one
 * is a commune's (from July 2025, DOMAIN.md "Administrative reform"); "đơn vị" otherwise.
 */
export function officesNoun(offices: readonly Pick<OfficeFigures, 'name'>[]): OfficesNoun {
  const all = (prefix: string) =>
    offices.length > 0 && offices.every((o) => shortOfficeName(o.name).startsWith(prefix));
  const counted = (noun: string) => noun.replace(' các ', ' ');
  if (all('Phòng VH&TT')) return { all: DISTRICT_OFFICES, counted: counted(DISTRICT_OFFICES) };
  if (all('Phòng VH-XH')) return { all: COMMUNE_OFFICES, counted: counted(COMMUNE_OFFICES) };
  return { all: 'các đơn vị', counted: 'đơn vị' };
}

/**
 * The opening after "Kính gửi": the province writes from the offices' reports, e.g.
 * "Trên cơ sở báo cáo của Phòng Văn hóa và Thông tin các huyện, thành phố, Sở Thông tin và
 * Truyền thông tổng hợp, báo cáo kết quả tuyên truyền … quý III năm 2023 như sau:", led by
 * the letter that asked for the report when there is one ("Thực hiện Công văn số …, trên cơ
 * sở báo cáo của …").
 */
export function mergedOpeningParagraph(
  officeName: string,
  periodLabel: string,
  offices: readonly Pick<OfficeFigures, 'name'>[],
  subject: ReportSubject,
  request = '',
): string {
  const { letter, named } = openingLetter(request, SUBJECT_PHRASES[subject]);
  const from = officesNoun(offices).all;
  const what = `công tác ${SUBJECT_PHRASES[subject]}`;
  if (letter) {
    return nfc(
      `Thực hiện ${letter}, ${officeName.trim()} tổng hợp báo cáo của ${from} ` +
        `và báo cáo kết quả tuyên truyền${named ? '' : ` ${what}`} như sau:`,
    );
  }
  return nfc(
    `Trên cơ sở báo cáo của ${from}, ${officeName.trim()} tổng hợp, ` +
      `báo cáo kết quả tuyên truyền ${what} ${periodLabel} như sau:`,
  );
}

/**
 * The first sentence of section 2: how many of the expected offices have reported, and
 * which have not (nothing received) or are not counted (a package held in quarantine), e.g.
 * "- Có 2/3 Phòng Văn hóa và Thông tin các huyện, thành phố gửi báo cáo kết quả tuyên
 * truyền quý III năm 2023; chưa nhận được báo cáo của Phòng Văn hóa và Thông tin huyện
 * Tràng Định."
 */
export function reportingSentence(data: MergedData): string {
  const label = data.figures.period.label;
  if (data.expected === 0 && data.offices.length === 0) {
    return nfc(`- Chưa có đơn vị nào được đăng ký gửi báo cáo kết quả tuyên truyền ${label}.`);
  }
  const noun = officesNoun(data.offices).counted;
  const names = officeNames(data.offices);
  const named = (state: InboxState) =>
    data.offices.flatMap((o, i) => (o.state === state ? [names[i]!] : []));
  let s =
    `- Đã nhận được báo cáo kết quả tuyên truyền ${label} của ` +
    `${formatNumber(data.reported)}/${formatNumber(data.expected)} ${noun}`;
  const missing = named('missing');
  if (missing.length > 0) s += `; chưa nhận được báo cáo của ${andList(missing)}`;
  const quarantined = named('quarantined');
  if (quarantined.length > 0) {
    s +=
      `; báo cáo của ${andList(quarantined)} chưa được tổng hợp ` +
      'do chưa xác thực được chữ ký số của đơn vị';
  }
  return nfc(`${s}.`);
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/**
 * Periods as a report names them together: quarters of one year share it ("quý I, quý II
 * năm 2023"); the merged period by its label, a half year by its name ("6 tháng đầu năm
 * 2023"), before the quarters.
 */
export function periodsPhrase(
  keys: readonly string[],
  own: { key: string; label: string },
): string {
  const years = new Map<string, string[]>();
  const others: string[] = [];
  for (const key of keys) {
    const m = /^(\d{4})-Q([1-4])$/.exec(key);
    const h = /^(\d{4})-H([12])$/.exec(key);
    if (!m) {
      const half = h ? `6 tháng ${h[2] === '1' ? 'đầu' : 'cuối'} năm ${h[1]}` : key;
      others.push(key === own.key ? own.label : half);
      continue;
    }
    const list = years.get(m[1]!) ?? [];
    list.push(`quý ${ROMAN[Number(m[2]) - 1]}`);
    years.set(m[1]!, list);
  }
  const quarters = [...years].map(([year, list]) => `${list.join(', ')} năm ${year}`);
  return nfc([...others, ...quarters].join(', '));
}

/** Names grouped by the same phrase, in the order first met. */
function grouped(
  entries: readonly (readonly [phrase: string, name: string])[],
): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const [phrase, name] of entries) groups.set(phrase, [...(groups.get(phrase) ?? []), name]);
  return [...groups];
}

/**
 * For a half year or year: which offices' figures come from which reports, and which
 * quarters some have not sent, e.g. "- Số liệu 6 tháng đầu năm 2023 tổng hợp từ báo cáo
 * quý I, quý II năm 2023 của Phòng Văn hóa và Thông tin huyện Cao Lộc; báo cáo quý I năm
 * 2023 của Phòng Văn hóa và Thông tin huyện Văn Lãng; đơn vị này chưa gửi báo cáo quý II
 * năm 2023." Offices with the same reports are named together. Null for a quarter or ad hoc
 * range, and when every office counted sent the period's own report (nothing to explain).
 */
export function coverageSentence(data: MergedData): string | null {
  const period = data.figures.period;
  if (periodParts(period.key).length === 0) return null;
  const names = new Map(officeNames(data.offices).map((n, i) => [data.offices[i]!.code, n]));
  const nameOf = (c: MergedCoverage) => names.get(c.officeCode) ?? nfc(c.name.trim());
  const counted = data.coverage.filter((c) => c.included.length > 0);
  const ownOnly = counted.every((c) => c.included.length === 1 && c.included[0] === period.key);
  if (counted.length === 0 || ownOnly) return null;
  const from = grouped(counted.map((c) => [periodsPhrase(c.included, period), nameOf(c)]));
  const partial = counted.filter((c) => c.missing.length > 0);
  const lacking = grouped(partial.map((c) => [periodsPhrase(c.missing, period), nameOf(c)]));
  const clauses = from.map(([phrase, who]) => `báo cáo ${phrase} của ${who.join(', ')}`);
  // The offices just named lack the same quarters: "đơn vị này", rather than naming them again.
  const last = from.at(-1)![1].join('\u0000');
  for (const [phrase, who] of lacking) {
    const same = who.join('\u0000') === last;
    const subject = same ? (who.length > 1 ? 'các đơn vị này' : 'đơn vị này') : who.join(', ');
    clauses.push(`${subject} chưa gửi báo cáo ${phrase}`);
  }
  return nfc(`- Số liệu ${period.label} được tổng hợp từ ${clauses.join('; ')}.`);
}

// ---------- before the Word file is made ----------

/** The sections the department writes, numbered and titled as the Word file heads them. */
export const SECTION_HEADINGS: Record<WrittenSection, { number: string; title: string }> = {
  directives: { number: '1', title: 'Công tác chỉ đạo, triển khai thực hiện' },
  strengths: { number: '3.1', title: 'Ưu điểm' },
  limitations: { number: '3.2', title: 'Tồn tại, hạn chế' },
  nextSteps: { number: '4', title: 'Phương hướng, nhiệm vụ trong thời gian tới' },
};

/** "Mục 3.1. Ưu điểm". */
export function sectionLabel(section: WrittenSection): string {
  const h = SECTION_HEADINGS[section];
  return `Mục ${h.number}. ${h.title}`;
}

/** The written sections with nothing in them (blank lines and spaces are nothing). */
export function emptySections(texts: ReportTexts): WrittenSection[] {
  return WRITTEN_SECTIONS.filter((section) => {
    const value = texts[section];
    return Array.isArray(value) ? value.every((p) => p.trim() === '') : value.trim() === '';
  });
}

/** What is worth a second look before the merged Word file is made. */
export interface DocxWarning {
  /** A written section left empty, or `offices` when no office's figures are counted. */
  what: WrittenSection | 'offices';
  /** What the warning says, in Vietnamese: "Mục 3.1. Ưu điểm" or "Chưa có đơn vị nào …". */
  text: string;
}

/** Empty sections first, in the report's order, then "no office has reported". */
export function docxWarnings(texts: ReportTexts, data: MergedData): DocxWarning[] {
  const out: DocxWarning[] = emptySections(texts).map((what) => ({
    what,
    text: sectionLabel(what),
  }));
  if (!data.offices.some((o) => isCounted(o.state))) {
    out.push({
      what: 'offices',
      text: nfc(`Chưa có đơn vị nào gửi báo cáo ${data.figures.period.label}`),
    });
  }
  return out;
}

/** A channel's column of the table by office: the channel and the measure it is counted by. */
export interface ChannelColumn {
  channel: Channel;
  measure: CountMeasure;
  /** "Xe lưu động", "Chiếu phim". */
  label: string;
  /** "buổi", "tin, bài". */
  unit: string;
}

/**
 * Units the header writes shorter: "buổi chiếu" and "tin nhắn" would repeat the column's
 * "Chiếu phim" and "Tin nhắn", and "Mô hình (mô hình)" reads as a slip; tables write
 * "(số lượng)" over such counts.
 */
const HEADER_UNITS: Partial<Record<CountMeasure, string>> = {
  screenings: 'buổi',
  messages: 'tin',
  count: 'số lượng',
};

/** Each channel by its main measure (the first count): sessions of the van, pieces of banners. */
export const CHANNEL_COLUMNS: Record<Channel, ChannelColumn> = Object.fromEntries(
  CHANNELS.map((channel) => {
    const measure = CHANNEL_MEASURES[channel].counts[0]!;
    const unit = HEADER_UNITS[measure] ?? MEASURE_UNITS[measure];
    return [channel, { channel, measure, label: CHANNEL_SHORT_LABELS[channel], unit }];
  }),
) as Record<Channel, ChannelColumn>;

/** The parts of the merge whose figures the table by office shows. */
function countedFigures(data: MergedData): Pick<OfficeFigures, 'byChannel'>[] {
  const own = data.parts?.own.data.figures;
  return [...(own ? [own] : []), ...data.offices.filter((o) => isCounted(o.state))];
}

/**
 * The channels the table by office has a column for, in the order of CHANNELS: those with
 * activities in the period at the department or at a counted office. A column of dashes
 * would only push the others off the page. The Word file and the screen both ask here.
 */
export function officeTableChannels(data: MergedData): ChannelColumn[] {
  const parts = countedFigures(data);
  return CHANNELS.filter((c) => parts.some((p) => p.byChannel[c].activities > 0)).map(
    (c) => CHANNEL_COLUMNS[c],
  );
}

/** Headers of the table by office; activities and audience as the summary table has them. */
export const OFFICE_TABLE_HEADERS = {
  number: 'STT',
  office: 'Đơn vị',
  activities: SUMMARY_HEADERS[2],
  audience: SUMMARY_HEADERS[4],
  total: 'Tổng cộng',
} as const;

/** What an office's row says when its figures are not in the merge. */
export const UNCOUNTED_NOTES: Record<'missing' | 'quarantined', string> = {
  missing: 'Chưa báo cáo',
  quarantined: 'Chưa tổng hợp (chưa xác thực được chữ ký số)',
};

export interface OfficeRowFigures {
  activities: number;
  /** One value per column of `OfficeTable.columns`. */
  channels: number[];
  audience: number;
}

export interface OfficeTableRow {
  code: string;
  /** Short, unambiguous name for the cell ("Phòng VH&TT huyện Cao Lộc"). */
  label: string;
  /** Null when counted; otherwise why the row has no figures. */
  note: string | null;
  figures: OfficeRowFigures;
}

export interface OfficeTable {
  /** The channels with figures in the period (officeTableChannels). */
  columns: ChannelColumn[];
  rows: OfficeTableRow[];
  /** The sum of the counted rows, so the column adds up as a reader checks it. */
  total: OfficeRowFigures;
}

function rowFigures(
  office: Pick<OfficeFigures, 'activities' | 'audience' | 'byChannel'>,
  columns: readonly ChannelColumn[],
): OfficeRowFigures {
  return {
    activities: office.activities,
    channels: columns.map((c) => office.byChannel[c.channel].measures[c.measure] ?? 0),
    audience: office.audience,
  };
}

const COMMUNE_OFFICE_PREFIX = 'Phòng VH-XH ';

/**
 * A province of a hundred communes' offices, all "Phòng VH-XH xã …": the rows say "Xã Hợp
 * Hà", so the column stays one line and the table a few pages shorter.
 */
function tableLabels(labels: string[]): string[] {
  const communal =
    labels.length > 1 &&
    labels.every(
      (l) => l.startsWith(COMMUNE_OFFICE_PREFIX) && l.length > COMMUNE_OFFICE_PREFIX.length,
    );
  if (!communal) return labels;
  return labels.map((l) => {
    const rest = l.slice(COMMUNE_OFFICE_PREFIX.length);
    return rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
  });
}

/** The department's own work as the table's first row ("Sở VHTT&DL (tự thực hiện)"). */
export const OWN_ROW_SUFFIX = ' (tự thực hiện)';

/**
 * The table by office, in the order of `data.offices`, and its totals; the department's own
 * work first when it records it, so the total row is the sum of both parts.
 */
export function officeTable(data: MergedData): OfficeTable {
  const columns = officeTableChannels(data);
  const labels = tableLabels(officeNames(data.offices, true));
  const own = data.parts?.own;
  const ownRows: OfficeTableRow[] = own
    ? [
        {
          code: own.code,
          label: `${shortOfficeName(own.name)}${OWN_ROW_SUFFIX}`,
          note: null,
          figures: rowFigures(
            {
              activities: own.data.figures.activities,
              audience: own.data.audience,
              byChannel: own.data.figures.byChannel,
            },
            columns,
          ),
        },
      ]
    : [];
  const none = (): OfficeRowFigures => ({
    activities: 0,
    channels: columns.map(() => 0),
    audience: 0,
  });
  const officeRows = data.offices.map((o, i): OfficeTableRow => {
    const counted = isCounted(o.state);
    return {
      code: o.code,
      label: labels[i]!,
      note: isCounted(o.state) ? null : UNCOUNTED_NOTES[o.state],
      figures: counted ? rowFigures(o, columns) : none(),
    };
  });
  const rows = [...ownRows, ...officeRows];
  const total = none();
  for (const r of rows) {
    total.activities += r.figures.activities;
    total.audience += r.figures.audience;
    r.figures.channels.forEach((v, i) => (total.channels[i] = (total.channels[i] ?? 0) + v));
  }
  return { columns, rows, total };
}
