// Which directives of the register section 1 of a report is offered: those of the period
// that no paragraph cites (however it was retyped), not the letter the report answers, not
// one set aside.
import { describe, expect, it } from 'vitest';
import type { DirectiveRow } from '../../shared/contract';
import { directivesToOffer } from '../../renderer/src/features/report/directiveOffers';

const Q3 = { from: '2023-07-01', to: '2023-09-30', label: 'quý III năm 2023' };

function directive(
  id: string,
  number: string,
  date: string,
  subject = 'tuyên truyền',
): DirectiveRow {
  return {
    id,
    number,
    date,
    issuer: 'UBND huyện Cao Lộc',
    subject,
    direction: 'incoming',
    createdAt: `${date}T08:00:00.000Z`,
    updatedAt: `${date}T08:00:00.000Z`,
    deletedAt: null,
  };
}

const REGISTER = [
  directive('plan', '12/KH-UBND', '2023-07-03'),
  directive('late', '35/KH-UBND', '2023-08-20'),
  directive('next', '50/KH-UBND', '2023-11-02'),
  directive(
    'letter',
    '4502/BCĐ-CAT',
    '2023-09-08',
    'báo cáo kết quả tuyên truyền quý III năm 2023',
  ),
  { ...directive('gone', '7/CV-UBND', '2023-07-10'), deletedAt: '2023-07-11T00:00:00.000Z' },
];

const texts = (directives: string[], request = '') => ({ date: '2023-10-05', request, directives });

describe('directivesToOffer', () => {
  it('offers the period’s directives that no paragraph cites, oldest first', () => {
    const offered = directivesToOffer(
      REGISTER,
      Q3,
      texts(['- Thực hiện Kế hoạch số 12/KH-UBND …']),
    );
    expect(offered.map((d) => d.id)).toEqual(['late']);
  });

  it('finds a citation retyped with other spacing or case', () => {
    const offered = directivesToOffer(
      REGISTER,
      Q3,
      texts(['Kế hoạch 12/kh-ubnd', 'Triển khai kế hoạch 35 / KH-UBND ngày 20/8']),
    );
    expect(offered).toEqual([]);
  });

  it('never offers the letter the report answers, even with no request typed', () => {
    expect(directivesToOffer(REGISTER, Q3, texts([])).map((d) => d.id)).toEqual(['plan', 'late']);
  });

  it('leaves out what was set aside', () => {
    const offered = directivesToOffer(REGISTER, Q3, texts([]), new Set(['late']));
    expect(offered.map((d) => d.id)).toEqual(['plan']);
  });
});
