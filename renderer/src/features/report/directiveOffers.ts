// Section 1 is seeded from the directives register once, when a report's texts are first
// made; a directive registered after that would never reach it. Rewriting the user's
// paragraphs behind their back is no better, so a directive of the period that section 1
// does not cite yet is offered, and added only when the user says so (or set aside).
import type { DirectiveRow } from '../../../../shared/contract';
import { addDaysIso, REQUEST_GRACE_DAYS, requestLetter } from '../../../../shared/directives';
import type { Period } from '../../../../shared/period';
import type { ReportTexts } from '../../../../shared/report';

/** Compared loosely: a paragraph retyped by hand still cites "12/KH-UBND" as "12/kh-ubnd ". */
function fold(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/gu, '');
}

/**
 * The live directives dated in the period that section 1 does not cite (no paragraph holds
 * their number), other than the letter the report answers, and not set aside; oldest first.
 */
export function directivesToOffer(
  register: readonly DirectiveRow[],
  period: Pick<Period, 'from' | 'to' | 'label'>,
  texts: Pick<ReportTexts, 'date' | 'request' | 'directives'>,
  setAside: ReadonlySet<string> = new Set(),
): DirectiveRow[] {
  const live = register.filter((d) => d.deletedAt === null);
  const inReach = live.filter(
    (d) => d.date >= period.from && d.date <= addDaysIso(period.to, REQUEST_GRACE_DAYS),
  );
  const letter = requestLetter(inReach, period, texts.date !== '' ? texts.date : period.to);
  const request = fold(texts.request);
  const paragraphs = texts.directives.map(fold);
  const cited = (d: DirectiveRow) => {
    const number = fold(d.number);
    return (
      number !== '' && (request.includes(number) || paragraphs.some((p) => p.includes(number)))
    );
  };
  return live
    .filter((d) => d.date >= period.from && d.date <= period.to)
    .filter((d) => d.id !== letter?.id && !setAside.has(d.id) && !cited(d))
    .sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
}
