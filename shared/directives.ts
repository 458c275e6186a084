// How a directive is cited: in the report's opening ("Thực hiện Công văn số 4502/BCĐ-CAT ngày
// 08/9/2023 của Ban Chỉ đạo 138 tỉnh về việc báo cáo …, Sở … báo cáo kết quả như sau:") and
// in section 1, as whole sentences saying what the office did with it.
import { formatCitationDate } from './format';
import type { Directive } from './schemas';

/** Kinds of document by their abbreviation (Decree 30/2020, Appendix III). */
const KINDS: Record<string, string> = {
  KH: 'Kế hoạch',
  QĐ: 'Quyết định',
  CT: 'Chỉ thị',
  TB: 'Thông báo',
  BC: 'Báo cáo',
  HD: 'Hướng dẫn',
  NĐ: 'Nghị định',
  NQ: 'Nghị quyết',
  TT: 'Thông tư',
  CĐ: 'Công điện',
  KL: 'Kết luận',
  CTR: 'Chương trình',
  ĐA: 'Đề án',
  QC: 'Quy chế',
  TTR: 'Tờ trình',
  GM: 'Giấy mời',
};

type Cited = Pick<Directive, 'number' | 'date' | 'issuer' | 'subject' | 'direction'>;

/**
 * The kind of document, read from its symbol: "12/KH-UBND" is a plan, "30/2020/NĐ-CP" a
 * decree, the Party's "48-CT/TW" a directive (its kind before the slash), "4502/BCĐ-CAT" a
 * letter (an issuer's code, no kind).
 */
export function documentKind(number: string): string {
  const symbol = number.normalize('NFC').toUpperCase().trim();
  const party = /^\d+-([^-/\s]+)\//u.exec(symbol);
  const state = /\/([^-/\s]+)(?:-[^/]*)?$/u.exec(symbol);
  const code = party?.[1] ?? state?.[1];
  return (code && KINDS[code]) ?? 'Công văn';
}

/** "về việc tuyên truyền …", unless the subject already starts with "về" or "V/v". */
function aboutPhrase(subject: string): string {
  const s = subject.trim().replace(/[.;,]+$/u, '');
  if (/^v\/v(?=\s|$)/iu.test(s)) return `về việc${s.slice(3)}`;
  // "Về việc …" as typed at the head of a title reads "về việc …" inside the sentence.
  return /^về(?=\s|$)/iu.test(s) ? `v${s.slice(1)}` : `về việc ${s}`;
}

/**
 * "Công văn số 4502/BCĐ-CAT ngày 08/9/2023 của Ban Chỉ đạo 138 tỉnh về việc báo cáo …": the
 * document named as officers name it, with no sentence around it.
 */
export function directiveCitation(d: Cited): string {
  const doc = `${documentKind(d.number)} số ${d.number.trim()} ngày ${formatCitationDate(d.date)}`;
  const from = d.direction === 'incoming' ? ` của ${d.issuer.trim()}` : '';
  return `${doc}${from} ${aboutPhrase(d.subject)}`.normalize('NFC');
}

/**
 * A directive as a sentence of section 1: what the office issued ("Phòng … đã ban hành Công
 * văn số … về việc …."), or what it received and carried out ("Tiếp nhận và triển khai thực
 * hiện Công văn số … của … về việc …."). Without the office's name, the issued one starts
 * with "Ban hành".
 */
export function citeDirective(d: Cited, officeName = ''): string {
  const cited = directiveCitation(d);
  if (d.direction === 'incoming') return `Tiếp nhận và triển khai thực hiện ${cited}.`;
  const office = officeName.trim();
  return (office ? `${office} đã ban hành ${cited}.` : `Ban hành ${cited}.`).normalize('NFC');
}

/** A request for a report reads "báo cáo" in its subject ("về việc báo cáo công tác …"). */
const ASKS_FOR_REPORT = /b[áa]o\s+c[áa]o/iu;

/** How long after a period a letter asking for its report still comes: some six weeks. */
export const REQUEST_GRACE_DAYS = 45;

/** The ISO day `days` after `iso`. */
export function addDaysIso(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The letter the report answers: an incoming directive asking for a report, dated from the
 * period's start up to the report's date and at most REQUEST_GRACE_DAYS after the period
 * (a request for a quarter's report comes in its last weeks or soon after; a later one is
 * about the next report). One naming the period ("quý III năm 2023") wins, then the latest.
 */
export function requestLetter<T extends Cited>(
  directives: readonly T[],
  period: { from: string; to: string; label?: string },
  reportDate: string,
): T | null {
  const grace = addDaysIso(period.to, REQUEST_GRACE_DAYS);
  const until = reportDate < grace ? (reportDate > period.to ? reportDate : period.to) : grace;
  const label = period.label?.normalize('NFC').toLocaleLowerCase('vi') ?? '';
  const names = (d: T) =>
    label !== '' && d.subject.normalize('NFC').toLocaleLowerCase('vi').includes(label);
  let best: T | null = null;
  for (const d of directives) {
    if (d.direction !== 'incoming' || d.date < period.from || d.date > until) continue;
    if (!ASKS_FOR_REPORT.test(d.subject.normalize('NFC'))) continue;
    const better =
      !best || (names(d) && !names(best)) || (names(d) === names(best) && d.date >= best.date);
    if (better) best = d;
  }
  return best;
}

/**
 * The request letter as the opening cites it, without a "Thực hiện" or closing mark the
 * user typed, and whether it already names the report's subject (then the opening does
 * not say it again, as seed 000). Empty when there is none.
 */
export function openingLetter(request: string, subjectPhrase: string) {
  const letter = request
    .trim()
    .replace(/^thực hiện\s+/iu, '')
    .replace(/[\s.,;:]+$/u, '')
    .normalize('NFC');
  return { letter, named: letter.toLocaleLowerCase('vi').includes(subjectPhrase) };
}
