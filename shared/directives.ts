// How a directive is cited in section 1 of the report:
// "Thực hiện Công văn số 4502/BCĐ-CAT ngày 08/9/2023 của Ban Chỉ đạo 138 tỉnh về việc …".
import { formatCitationDate } from './format';
import type { Directive } from './schemas';

const KINDS: Record<string, string> = {
  KH: 'Kế hoạch',
  QĐ: 'Quyết định',
  CT: 'Chỉ thị',
  TB: 'Thông báo',
  BC: 'Báo cáo',
  HD: 'Hướng dẫn',
};

/** The kind of document, read from its symbol: "12/KH-UBND" is a plan, "4502/BCĐ-CAT" a letter. */
export function documentKind(number: string): string {
  const m = /\/([^-/\s]+)(?:-|$)/u.exec(number.normalize('NFC').toUpperCase());
  return (m && KINDS[m[1]!]) ?? 'Công văn';
}

export function citeDirective(
  d: Pick<Directive, 'number' | 'date' | 'issuer' | 'subject' | 'direction'>,
): string {
  const subject = /^(về|v\/v)(?=\s|$)/iu.test(d.subject) ? d.subject : `về việc ${d.subject}`;
  const doc = `${documentKind(d.number)} số ${d.number} ngày ${formatCitationDate(d.date)}`;
  return d.direction === 'incoming'
    ? `Thực hiện ${doc} của ${d.issuer} ${subject}.`
    : `Ban hành ${doc} ${subject}.`;
}
