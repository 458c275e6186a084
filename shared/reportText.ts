// The report's sentences, written from its figures the way seed 000 writes them
// (../shared/DOMAIN.md, "The report"). Pure: the Word file and the screen both use it.
// Every string returned is NFC.

import type { Channel, CommuneFlag, ReportSubject } from './domain';
import { CHANNELS, CHANNEL_LABELS, COMMUNE_FLAGS, SUBJECT_PHRASES } from './domain';
import { areaNoun, kindFromName, LEGACY_KINDS, type AreaKinds } from './areas';
import { documentDate, formatNumber } from './format';
import { activeChannels, channelSentences, measuresText } from './channelText';
import { openingLetter } from './directives';
import { andList } from './text';
import type { AppendixRow, ReportData, ReportFigures, ReportTexts } from './report';

const nfc = (text: string): string => text.normalize('NFC');

/** "Kết quả tuyên truyền công tác phòng, chống mua bán người quý III năm 2023". */
export function reportSubject(periodLabel: string, subject: ReportSubject): string {
  return reportSubjectLines(periodLabel, subject).join(' ');
}

/** The subject in two lines, broken before the period, as the title shows it. */
export function reportSubjectLines(periodLabel: string, subject: ReportSubject): string[] {
  const lead = `Kết quả tuyên truyền công tác ${SUBJECT_PHRASES[subject]}`;
  const label = nfc(periodLabel.trim());
  return label ? [lead, label] : [lead];
}

/** Communes reached in the period (at least one activity). */
function communesReached(data: ReportData): number {
  return data.figures.byCommune.filter((c) => c.activities > 0).length;
}

/** The kinds the report's areas are of; a report signed before kinds existed names communes. */
const kindsOf = (data: ReportData): AreaKinds => data.areaKinds ?? LEGACY_KINDS;

/**
 * "Trong quý III năm 2023" at the head of a sentence; an ad hoc period's label is already a
 * range ("Từ ngày 01/7/2023 đến ngày 31/7/2023").
 */
export function duringPeriod(label: string, atStart = true): string {
  const text = label.trim();
  if (/^từ ngày /u.test(text)) return atStart ? `T${text.slice(1)}` : text;
  return `${atStart ? 'Trong' : 'trong'} ${text}`;
}

/**
 * The dates a named period covers, since a quarter under Decree 09's cut-off is not the
 * calendar's ("từ ngày 15/6/2023 đến ngày 14/9/2023"); none for an ad hoc range, which says
 * its dates already.
 */
function periodDates(period: ReportFigures['period']): string {
  if (/^từ ngày /u.test(period.label.trim())) return '';
  return ` (từ ngày ${documentDate(period.from)} đến ngày ${documentDate(period.to)})`;
}

/** Where the office's report sends the reader for the list of its activities. */
export type AppendixNote = 'none' | 'full' | 'partial';

/**
 * The sentence before the channel list: totals of the period, and how many of its
 * activities were in which areas (work online, in the press, by SMS or leaflets names
 * none). An office's report lists its activities in an appendix and says where; the
 * merged report has none.
 */
export function resultsLead(
  data: ReportData,
  who: string,
  appendix: AppendixNote = 'none',
): string {
  const { figures } = data;
  const when = duringPeriod(figures.period.label) + periodDates(figures.period);
  if (figures.activities === 0) {
    return nfc(`- ${when}, chưa ghi nhận hoạt động tuyên truyền nào.`);
  }
  let s =
    `- ${when}, ${who} đã tổ chức, phối hợp thực hiện ` +
    `${formatNumber(figures.activities)} hoạt động tuyên truyền`;
  const communes = communesReached(data);
  const areaFree = data.withoutArea?.activities ?? 0;
  if (communes > 0) {
    const where = `${formatNumber(communes)} ${areaNoun(kindsOf(data).reached)}`;
    const linked = figures.activities - areaFree;
    s +=
      areaFree > 0 ? ` (trong đó ${formatNumber(linked)} hoạt động tại ${where})` : ` tại ${where}`;
  }
  if (data.audience > 0) {
    const about = (data.estimated ?? []).length > 0 ? 'khoảng ' : '';
    s += ` với ${about}${formatNumber(data.audience)} lượt người được tiếp cận`;
  }
  if (data.costVnd > 0) s += `; tổng kinh phí ${formatNumber(data.costVnd)} đồng`;
  const list = {
    none: '',
    full: ' (danh sách chi tiết tại Phụ lục kèm theo)',
    partial: ' (danh sách tại Phụ lục và tệp dữ liệu gửi kèm Báo cáo)',
  }[appendix];
  return nfc(`${s}, cụ thể như sau${list}:`);
}

/** How a flag reads after the area's kind in a sentence ("thôn biên giới"). */
const FLAG_PHRASES: Record<CommuneFlag, string> = {
  border: 'biên giới',
  remote: 'vùng sâu, vùng xa',
  ethnic: 'vùng đồng bào dân tộc thiểu số',
  key: 'trọng điểm',
};

/**
 * The flagged areas reached (border, remote, ethnic minority, key areas), e.g. "- Hoạt động
 * tuyên truyền đã được triển khai tại 3/3 xã, thị trấn biên giới (thị trấn Đồng Đăng, các
 * xã: Hợp Thành, Thụy Hùng) với 58 hoạt động; 0/2 xã trọng điểm (chưa có hoạt động)." An
 * area may carry several flags, so the activities are not to be added up, and the sentence
 * says so. Null when the profile has no flagged area.
 */
export function flaggedSentence(data: ReportData): string | null {
  const parts = COMMUNE_FLAGS.flatMap((flag) => {
    const f = data.figures.flagged[flag];
    if (f.communes === 0) return [];
    const noun = areaNoun(kindsOf(data).flagged[flag]);
    const share = `${formatNumber(f.reached)}/${formatNumber(f.communes)} ${noun} ${FLAG_PHRASES[flag]}`;
    if (f.reached === 0) return [`${share} (chưa có hoạt động)`];
    const names = data.flaggedCommunes
      .filter((c) => c.flags.includes(flag) && c.activities > 0)
      .map((c) => c.name);
    const list = names.length > 0 ? ` (${areaList(names)})` : '';
    return [`${share}${list} với ${formatNumber(f.activities)} hoạt động`];
  });
  if (parts.length === 0) return null;
  const reached = COMMUNE_FLAGS.filter((flag) => data.figures.flagged[flag].reached > 0);
  const overlap = reached.length > 1 ? ' Một địa bàn có thể thuộc nhiều nhóm.' : '';
  return nfc(`- Hoạt động tuyên truyền đã được triển khai tại ${parts.join('; ')}.${overlap}`);
}

/**
 * Names of areas inside a sentence, as Decree 30's Appendix II writes them: the common noun
 * in lower case, and several of one kind under it: "thị trấn Đồng Đăng, các xã: Hợp Thành,
 * Thụy Hùng". A name whose kind is not its first word stays as it is.
 */
export function areaList(names: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const raw of names) {
    const name = nfc(raw.trim());
    const kind = kindFromName(name);
    const key = kind ?? '';
    const rest = kind
      ? name.slice(name.split(' ').slice(0, kind.split(' ').length).join(' ').length).trim()
      : name;
    groups.set(key, [...(groups.get(key) ?? []), rest]);
  }
  const entries = [...groups].sort(([, a], [, b]) => Number(a.length > 1) - Number(b.length > 1));
  const texts = entries.map(([kind, list]) => {
    if (!kind) return list.join(', ');
    return list.length === 1 ? `${kind} ${list[0]}` : `các ${kind}: ${list.join(', ')}`;
  });
  const several = entries.filter(([, list]) => list.length > 1).length;
  return texts.join(several > 1 ? '; ' : ', ');
}

function totalAudience(figures: ReportFigures): number {
  return CHANNELS.reduce((sum, c) => sum + figures.byChannel[c].audience, 0);
}

/**
 * "tăng 14 hoạt động (14,6%), từ 96 lên 110 hoạt động", "giảm …", "không thay đổi (96 hoạt
 * động)"; from nothing, "tăng 10 hoạt động (kỳ trước chưa có)".
 */
function change(before: number, after: number, unit: string): string {
  if (after === before) return `không thay đổi (${formatNumber(after)} ${unit})`;
  const delta = Math.abs(after - before);
  if (before === 0) return `tăng ${formatNumber(delta)} ${unit} (kỳ trước chưa có)`;
  const pct = ` (${formatNumber((delta * 100) / before, 1)}%)`;
  const [word, to] = after > before ? ['tăng', 'lên'] : ['giảm', 'xuống'];
  return (
    `${word} ${formatNumber(delta)} ${unit}${pct}, ` +
    `từ ${formatNumber(before)} ${to} ${formatNumber(after)} ${unit}`
  );
}

/** Comparison with the previous period of the same kind; null when there is none. */
export function comparisonSentence(data: ReportData): string | null {
  const prev = data.previous;
  if (!prev) return null;
  const activities = change(prev.activities, data.figures.activities, 'hoạt động');
  const audience = change(totalAudience(prev), data.audience, 'lượt người');
  return nfc(
    `- So với ${prev.period.label}, số hoạt động tuyên truyền ${activities}; ` +
      `số lượt người được tiếp cận ${audience}.`,
  );
}

/** Section 2 of an office's report before its table: totals, channels, places, comparison. */
export function resultSentences(
  data: ReportData,
  officeName: string,
  appendix: AppendixNote = 'full',
): string[] {
  return [
    resultsLead(data, officeName, appendix),
    ...channelSentences(data),
    flaggedSentence(data),
    comparisonSentence(data),
  ].filter((s): s is string => s !== null);
}

/** A row of the summary table (section 2), for the Word file and the screen. */
export interface SummaryRow {
  channel: Channel;
  label: string;
  activities: number;
  /** Main measures, e.g. "12 buổi, 340 km, 900 phút". */
  measures: string;
  audience: number;
  costVnd: number;
}

export interface SummaryTable {
  rows: SummaryRow[];
  total: { activities: number; audience: number; costVnd: number };
}

export const SUMMARY_HEADERS = [
  'STT',
  'Hình thức tuyên truyền',
  'Số hoạt động',
  'Số liệu chính',
  'Số lượt người',
  'Kinh phí (đồng)',
] as const;

export function summaryTable(data: ReportData): SummaryTable {
  const rows = activeChannels(data.figures).map((channel): SummaryRow => {
    const f = data.figures.byChannel[channel];
    return {
      channel,
      label: CHANNEL_LABELS[channel],
      activities: f.activities,
      measures: measuresText(channel, f),
      audience: f.audience,
      costVnd: f.costVnd,
    };
  });
  return {
    rows,
    total: { activities: data.figures.activities, audience: data.audience, costVnd: data.costVnd },
  };
}

/**
 * The opening paragraph, after "Kính gửi": the letter that asked for the report when there
 * is one ("Thực hiện Công văn số 4502/BCĐ-CAT ngày 08/9/2023 của Ban Chỉ đạo 138 tỉnh về việc
 * báo cáo …, Sở … báo cáo kết quả tuyên truyền như sau:", as seed 000 opens), else the
 * office's own remit.
 */
export function openingParagraph(
  officeName: string,
  periodLabel: string,
  subject: ReportSubject,
  request = '',
): string {
  const phrase = SUBJECT_PHRASES[subject];
  const { letter, named } = openingLetter(request, phrase);
  if (letter) {
    return nfc(
      `Thực hiện ${letter}, ${officeName} báo cáo kết quả tuyên truyền` +
        `${named ? '' : ` công tác ${phrase}`} như sau:`,
    );
  }
  return nfc(
    `Thực hiện chức năng, nhiệm vụ được giao, ${officeName} báo cáo kết quả tuyên truyền ` +
      `công tác ${SUBJECT_PHRASES[subject]} ${periodLabel} như sau:`,
  );
}

/**
 * The lines of "Nơi nhận" after its label: each copy, then the filing line with the
 * drafter's initials ("- Như trên;", "- Lãnh đạo Sở;", "- Lưu: VT, TTBCXB (LMV).").
 */
export function copiesLines(texts: Pick<ReportTexts, 'copies' | 'filing' | 'drafter'>): string[] {
  const clean = (t: string) =>
    nfc(
      t
        .trim()
        .replace(/^[-–•]\s*/u, '')
        .replace(/[\s.;,]+$/u, ''),
    );
  const copies = texts.copies.map(clean).filter(Boolean);
  const filing = clean(texts.filing.replace(/^lưu\s*:?\s*/iu, '')) || 'VT';
  const drafter = clean(texts.drafter).replace(/^\((.*)\)$/u, '$1');
  return [...copies.map((c) => `- ${c};`), `- Lưu: ${filing}${drafter ? ` (${drafter})` : ''}.`];
}

/** "Trên đây là Báo cáo … ./." */
export function closingParagraph(
  officeName: string,
  periodLabel: string,
  recipients: readonly string[],
  subject: ReportSubject,
): string {
  const title = reportSubject(periodLabel, subject);
  const lowered = title.charAt(0).toLocaleLowerCase('vi') + title.slice(1);
  const to = recipients.map((r) => r.trim().replace(/[.;]+$/, '')).filter(Boolean);
  const send = to.length > 0 ? `, kính gửi ${andList(to)} tổng hợp theo quy định` : '';
  return nfc(`Trên đây là Báo cáo ${lowered} của ${officeName}${send}./.`);
}

/**
 * "Cao Lộc, ngày 05 tháng 10 năm 2023". Decree 30/2020/NĐ-CP, Appendix I, II.5.b: days
 * below 10 and the months 1 and 2 take a leading zero ("ngày 05 tháng 01"), other months
 * do not ("tháng 3"), so that no digit can be added in front afterwards.
 */
export function placeDateLine(place: string, isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const prefix = place.trim() ? `${place.trim()}, ` : '';
  if (!m) return nfc(`${prefix}ngày … tháng … năm …`);
  const month = Number(m[2]);
  const monthText = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return nfc(`${prefix}ngày ${m[3]} tháng ${monthText} năm ${m[1]}`);
}

/** "28/7/2023" or "26/6/2023 - 28/6/2023" for the appendix, as the document writes dates. */
export function appendixDate(row: Pick<AppendixRow, 'date' | 'endDate'>): string {
  return row.endDate && row.endDate !== row.date
    ? `${documentDate(row.date)} - ${documentDate(row.endDate)}`
    : documentDate(row.date);
}

/** Staff text split into paragraphs: one per non-empty line, NFC. */
export function textParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => nfc(line.trim()))
    .filter((line) => line.length > 0);
}

/** A directive as listed in section 1: always starting with "- ". */
export function directiveParagraph(text: string): string {
  const t = nfc(text.trim());
  return /^[-–+•]\s/.test(t) ? t.replace(/^[–•]/, '-') : `- ${t}`;
}
