// The choices of "Căn cứ báo cáo": the register's incoming directives, the letter a report
// answers being one of them, and which one a request's text cites (it may have been
// reworded by hand since it was picked).
import type { DirectiveRow } from '../../../../shared/contract';
import { directiveCitation } from '../../../../shared/directives';
import { formatDate } from '../../../../shared/format';
import { fold } from '../../../../shared/text';

/** The select's value for "no letter: the generic opening". */
export const NO_REQUEST = 'none';

export interface RequestChoice {
  /** The directive's id. */
  value: string;
  /** "4502/BCĐ-CAT ngày 08/09/2023 — Ban Chỉ đạo 138 tỉnh". */
  label: string;
  /** What the select searches: the label and the subject. */
  searchText: string;
  subject: string;
  /** What the request becomes once picked (directiveCitation). */
  citation: string;
  number: string;
}

/** The incoming directives still in the register, most recent first, as options. */
export function requestChoices(rows: readonly DirectiveRow[]): RequestChoice[] {
  return rows
    .filter((d) => d.direction === 'incoming' && d.deletedAt === null)
    .sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt))
    .map((d) => {
      const label = `${d.number.trim()} ngày ${formatDate(d.date)} — ${d.issuer.trim()}`;
      return {
        value: d.id,
        label,
        searchText: `${label} ${d.subject}`,
        subject: d.subject.trim(),
        citation: directiveCitation(d),
        number: d.number.trim(),
      };
    });
}

/**
 * The choice a request cites: the one it reads exactly, else the one whose number it names
 * (as a whole: "12/KH" is not named by "112/KH-UBND"); NO_REQUEST for an empty request
 * and undefined for a letter not in the register.
 */
export function matchRequest(
  request: string,
  choices: readonly RequestChoice[],
): string | undefined {
  const text = request.trim().normalize('NFC');
  if (text === '') return NO_REQUEST;
  const exact = choices.find((c) => c.citation === text);
  if (exact) return exact.value;
  const folded = fold(text);
  const named = choices
    .filter((c) => namesNumber(folded, fold(c.number)))
    .sort((a, b) => b.number.length - a.number.length);
  return named[0]?.value;
}

/** "số 112/kh-ubnd ngày" names "112/kh-ubnd", not "12/kh" nor "112/kh" (both folded). */
function namesNumber(folded: string, number: string): boolean {
  if (number === '') return false;
  const part = /[a-z0-9/-]/;
  for (let at = folded.indexOf(number); at >= 0; at = folded.indexOf(number, at + 1)) {
    const before = folded.charAt(at - 1);
    const after = folded.charAt(at + number.length);
    if (!part.test(before) && !part.test(after)) return true;
  }
  return false;
}
