// The texts a new report starts from: the number left blank, today's date, recipients and
// "Nơi nhận" as the previous report of the subject had them (else the profile's), the
// letter asking for the report as the opening's reference, and the period's other
// directives as section 1. The office report and the province's merged one share it.
import type { Database } from 'better-sqlite3';
import {
  REQUEST_GRACE_DAYS,
  addDaysIso,
  citeDirective,
  directiveCitation,
  requestLetter,
} from '../../../shared/directives';
import { recipientsOf } from '../../../shared/offices';
import type { Period } from '../../../shared/period';
import type { ReportTexts } from '../../../shared/report';
import type { Office, ReportTextsInput } from '../../../shared/schemas';
import { directivesBetween } from '../queries/directives';

export interface TextsStart {
  db: Database;
  period: Pick<Period, 'from' | 'to' | 'label'>;
  office: Office | null;
  /** The subject's latest earlier texts, whose recipients and "Nơi nhận" carry over. */
  before: ReportTexts | null;
  /** The report's date, YYYY-MM-DD. */
  today: string;
}

export function startTexts({ db, period, office, before, today }: TextsStart): ReportTexts {
  // One read of the register: the period and the weeks after it, when a request may come.
  const register = directivesBetween(db, period.from, addDaysIso(period.to, REQUEST_GRACE_DAYS));
  const letter = requestLetter(register, period, today);
  const officeName = office?.name ?? '';
  const directives = register
    .filter((d) => d.date <= period.to && d.id !== letter?.id)
    .map((d) => citeDirective(d, officeName));
  return {
    number: '',
    date: today,
    recipients: before?.recipients ?? (office ? recipientsOf(office) : []),
    request: letter ? directiveCitation(letter) : '',
    directives,
    resultsBefore: '',
    resultsAfter: '',
    strengths: before?.strengths ?? '',
    limitations: before?.limitations ?? '',
    nextSteps: before?.nextSteps ?? '',
    copies: before?.copies ?? ['Như trên', ...(office?.copies ?? [])],
    filing: before?.filing ?? office?.filing ?? 'VT',
    drafter: before?.drafter ?? office?.drafter ?? '',
  };
}

/** Texts as given over a save: a field left out keeps the value it has now. */
export function mergeTexts(given: ReportTextsInput, current: ReportTexts): ReportTexts {
  const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  return { ...current, ...defined };
}
