// Directives as the report cites them, the letter a report answers, its opening and its
// "Nơi nhận", as officers write them (seed 000).
import { describe, expect, it } from 'vitest';
import {
  citeDirective,
  directiveCitation,
  documentKind,
  requestLetter,
} from '../../shared/directives';
import { mergedOpeningParagraph } from '../../shared/mergedText';
import { copiesLines, openingParagraph } from '../../shared/reportText';

const LETTER = {
  number: '4502/BCĐ-CAT',
  date: '2023-09-08',
  issuer: 'Ban Chỉ đạo 138 tỉnh',
  subject: 'báo cáo công tác phòng, chống tội phạm; phòng, chống mua bán người quý III năm 2023',
  direction: 'incoming' as const,
};
const Q3 = { from: '2023-06-15', to: '2023-09-14', label: 'quý III năm 2023' };

describe('citing a directive', () => {
  it('names the kind of document from its symbol', () => {
    expect(documentKind('12/KH-UBND')).toBe('Kế hoạch');
    expect(documentKind('4502/BCĐ-CAT')).toBe('Công văn');
    expect(documentKind('05/QĐ-UBND')).toBe('Quyết định');
    expect(documentKind('30/2020/NĐ-CP')).toBe('Nghị định');
    expect(documentKind('15/2023/TT-BTTTT')).toBe('Thông tư');
    expect(documentKind('41/NQ-HĐND')).toBe('Nghị quyết');
    expect(documentKind('02/CĐ-UBND')).toBe('Công điện');
    expect(documentKind('215/VHTT')).toBe('Công văn');
    // The Party's symbols put the kind before the slash.
    expect(documentKind('48-CT/TW')).toBe('Chỉ thị');
    expect(documentKind('13-KL/TW')).toBe('Kết luận');
    expect(documentKind('38-CTr/TU')).toBe('Chương trình');
  });

  it('cites it with its date as Decree 30 writes dates, and "về việc" once', () => {
    expect(directiveCitation(LETTER)).toBe(
      'Công văn số 4502/BCĐ-CAT ngày 08/9/2023 của Ban Chỉ đạo 138 tỉnh về việc báo cáo công tác phòng, chống tội phạm; phòng, chống mua bán người quý III năm 2023',
    );
    expect(directiveCitation({ ...LETTER, subject: 'V/v tăng cường tuyên truyền.' })).toBe(
      'Công văn số 4502/BCĐ-CAT ngày 08/9/2023 của Ban Chỉ đạo 138 tỉnh về việc tăng cường tuyên truyền',
    );
    expect(directiveCitation({ ...LETTER, subject: 'về tăng cường tuyên truyền' })).toMatch(
      /tỉnh về tăng cường tuyên truyền$/,
    );
    expect(directiveCitation({ ...LETTER, subject: 'Về việc tăng cường tuyên truyền' })).toMatch(
      /tỉnh về việc tăng cường tuyên truyền$/,
    );
    expect(directiveCitation({ ...LETTER, date: '2024-02-05' })).toContain('ngày 05/02/2024');
  });

  it('makes section 1 lines whole sentences: who issued it, or that it was carried out', () => {
    const issued = {
      number: '215/VHTT',
      date: '2023-07-17',
      issuer: 'Phòng Văn hóa và Thông tin',
      subject: 'hướng dẫn tuyên truyền Ngày toàn dân phòng, chống mua bán người',
      direction: 'outgoing' as const,
    };
    expect(citeDirective(issued, 'Phòng Văn hóa và Thông tin')).toBe(
      'Phòng Văn hóa và Thông tin đã ban hành Công văn số 215/VHTT ngày 17/7/2023 về việc hướng dẫn tuyên truyền Ngày toàn dân phòng, chống mua bán người.',
    );
    expect(citeDirective(LETTER)).toBe(
      `Tiếp nhận và triển khai thực hiện ${directiveCitation(LETTER)}.`,
    );
  });
});

describe('the letter a report answers', () => {
  const other = { ...LETTER, number: '1/UBND', subject: 'tăng cường tuyên truyền' };
  const late = { ...LETTER, number: '2/UBND', date: '2023-12-01', subject: 'báo cáo năm 2023' };
  const early = { ...LETTER, number: '3/UBND', date: '2023-06-01' };
  const sent = { ...LETTER, number: '4/VHTT', direction: 'outgoing' as const };

  it('is an incoming request for a report dated in the period or soon after', () => {
    expect(requestLetter([other, LETTER, late, early, sent], Q3, '2023-10-05')).toBe(LETTER);
    // Nothing that asks for a report: the generic opening.
    expect(requestLetter([other, late, early, sent], Q3, '2023-10-05')).toBeNull();
  });

  it('is not one dated after the report, nor long after the period', () => {
    const after = { ...LETTER, number: '5/UBND', date: '2023-10-20' };
    expect(requestLetter([after], Q3, '2023-10-05')).toBeNull();
    expect(requestLetter([after], Q3, '2026-12-02')).toBe(after);
    expect(requestLetter([{ ...after, date: '2023-11-20' }], Q3, '2026-12-02')).toBeNull();
  });

  it('prefers the one naming the period, then the latest', () => {
    const later = { ...LETTER, number: '6/UBND', date: '2023-09-12', subject: 'báo cáo tháng 9' };
    expect(requestLetter([LETTER, later], Q3, '2023-10-05')).toBe(LETTER);
    const newest = { ...LETTER, number: '7/UBND', date: '2023-09-13' };
    expect(requestLetter([LETTER, newest, later], Q3, '2023-10-05')).toBe(newest);
  });
});

describe('the opening', () => {
  it('cites the letter as seed 000 opens, else the office remit', () => {
    expect(
      openingParagraph(
        'Sở Thông tin và Truyền thông',
        'quý III năm 2023',
        'trafficking',
        directiveCitation(LETTER),
      ),
    ).toBe(
      // The letter already names the subject: not said twice, as seed 000 opens.
      `Thực hiện ${directiveCitation(LETTER)}, Sở Thông tin và Truyền thông báo cáo kết quả tuyên truyền như sau:`,
    );
    expect(
      openingParagraph('Phòng VH-XH', 'quý III năm 2023', 'drugs', directiveCitation(LETTER)),
    ).toBe(
      `Thực hiện ${directiveCitation(LETTER)}, Phòng VH-XH báo cáo kết quả tuyên truyền công tác phòng, chống ma túy như sau:`,
    );
    // Typed with its own "Thực hiện" and a full stop: neither doubled.
    expect(
      openingParagraph('Phòng VH-XH', 'quý I năm 2026', 'drugs', 'Thực hiện Kế hoạch số 5/KH. '),
    ).toBe(
      'Thực hiện Kế hoạch số 5/KH, Phòng VH-XH báo cáo kết quả tuyên truyền công tác phòng, chống ma túy như sau:',
    );
    expect(openingParagraph('Phòng VH-XH', 'quý I năm 2026', 'trafficking', '  ')).toBe(
      'Thực hiện chức năng, nhiệm vụ được giao, Phòng VH-XH báo cáo kết quả tuyên truyền công tác phòng, chống mua bán người quý I năm 2026 như sau:',
    );
  });

  it('leads the merged report with the letter too', () => {
    const offices = [{ name: 'Phòng Văn hóa và Thông tin huyện Cao Lộc' }];
    const text = mergedOpeningParagraph(
      'Sở Thông tin và Truyền thông',
      'quý III năm 2023',
      offices,
      'trafficking',
      directiveCitation(LETTER),
    );
    expect(text).toBe(
      `Thực hiện ${directiveCitation(LETTER)}, Sở Thông tin và Truyền thông tổng hợp báo cáo của Phòng Văn hóa và Thông tin các huyện, thành phố và báo cáo kết quả tuyên truyền như sau:`,
    );
    expect(mergedOpeningParagraph('Sở X', 'quý III năm 2023', offices, 'trafficking')).toMatch(
      /^Trên cơ sở báo cáo của .* quý III năm 2023 như sau:$/,
    );
  });
});

describe('"Nơi nhận"', () => {
  it('lists each copy, then the filing line with the drafter initials', () => {
    expect(
      copiesLines({ copies: ['Như trên', 'Lãnh đạo Sở'], filing: 'VT, TTBCXB', drafter: 'LMV' }),
    ).toEqual(['- Như trên;', '- Lãnh đạo Sở;', '- Lưu: VT, TTBCXB (LMV).']);
  });

  it('takes lines however they were typed, never doubling marks', () => {
    expect(
      copiesLines({
        copies: ['- Như trên;', '  ', 'Lãnh đạo Phòng.'],
        filing: 'Lưu: VT.',
        drafter: '(NVA)',
      }),
    ).toEqual(['- Như trên;', '- Lãnh đạo Phòng;', '- Lưu: VT (NVA).']);
    // Nothing to file under: the office's clerical unit, as every report files a copy.
    expect(copiesLines({ copies: [], filing: '', drafter: '' })).toEqual(['- Lưu: VT.']);
  });
});
