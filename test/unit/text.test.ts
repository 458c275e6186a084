import { describe, expect, it } from 'vitest';
import {
  codePointName,
  firstXmlInvalid,
  fold,
  matchesSearch,
  nameKey,
  searchTerms,
} from '../../shared/text';
import { describeIssue } from '../../shared/issues';
import {
  ActivityInputSchema,
  DirectiveInputSchema,
  ProfileSchema,
  ReportTextsSchema,
} from '../../shared/schemas';
import { methods } from '../../shared/contract';
import { CommuneIndex } from '../../electron/core/services/communes';
import type { CommuneDbRow } from '../../electron/core/queries/profile';

const NFC = 'băng rôn';
const NFD = NFC.normalize('NFD');

describe('search folding', () => {
  it('treats an NFD "băng rôn" and the NFC one as equal', () => {
    expect(NFD).not.toBe(NFC);
    expect(fold(NFD)).toBe(fold(NFC));
  });

  it('finds both forms from "bang ron" typed without diacritics, in any case', () => {
    expect(matchesSearch(`Treo ${NFC} khẩu hiệu`, 'bang ron')).toBe(true);
    expect(matchesSearch(`Treo ${NFD} khẩu hiệu`, 'bang ron')).toBe(true);
    expect(matchesSearch(`TREO BĂNG RÔN`, 'Bang  Ron')).toBe(true);
    expect(matchesSearch('Chiếu phim lưu động', 'bang ron')).toBe(false);
  });

  it('folds đ to d and needs every word', () => {
    expect(fold('Đồng Đăng')).toBe('dong dang');
    expect(searchTerms('  Đồng   ĐĂNG ')).toEqual(['dong', 'dang']);
    expect(matchesSearch('Thị trấn Đồng Đăng', 'dang dong')).toBe(true);
    expect(matchesSearch('Thị trấn Đồng Đăng', 'dang lang')).toBe(false);
  });
});

describe('commune matching', () => {
  const row = (id: number, code: string, name: string, active = 1): CommuneDbRow => ({
    id,
    code,
    name,
    border: 0,
    remote: 0,
    ethnic: 0,
    key_area: 0,
    active,
    kind: '',
    absorbed: '[]',
    counts_as: null,
  });
  const index = new CommuneIndex([
    row(1, 'CL-HT', 'Xã Hợp Thành'),
    row(2, 'CL-HA', 'Xã Hà'),
    row(3, 'CL-HA2', 'Xã Hạ'),
    row(4, 'OLD', 'Xã Hợp Thành', 0),
  ]);

  it('matches by name in NFC or NFD and any letter case', () => {
    expect(index.find('Xã Hợp Thành')?.id).toBe(1);
    expect(index.find('Xã Hợp Thành'.normalize('NFD'))?.id).toBe(1);
    expect(index.find('XÃ HỢP THÀNH')?.id).toBe(1);
    expect(index.find('  xã   hợp thành ')?.id).toBe(1);
  });

  it('matches by code in any case', () => {
    expect(index.find('cl-ht')?.id).toBe(1);
    expect(index.find('CL-HA2')?.id).toBe(3);
  });

  it('keeps diacritics significant: "Xã Hà" is not "Xã Hạ" nor "Xa Ha"', () => {
    expect(index.find('Xã Hà')?.id).toBe(2);
    expect(index.find('Xã Hạ')?.id).toBe(3);
    expect(index.find('Xa Ha')).toBeUndefined();
  });

  it('names the field of an unknown commune', () => {
    expect(() => index.resolve(['Xã Hà', 'Xã Không Có'])).toThrow(/communes\[1\].*Xã Không Có/);
  });

  it('nameKey is the same for every normal form', () => {
    expect(nameKey('Thụy Hùng'.normalize('NFD'))).toBe(nameKey('THỤY HÙNG'));
  });

  it.each([
    ['Xã Hoà Cư', 'Xã Hòa Cư'],
    ['Thuý', 'Thúy'],
    ['Khoẻ', 'Khỏe'],
    ['Quý', 'Qúy'],
    ['Thôn Thuỷ Hoà'.normalize('NFD'), 'THÔN THỦY HÒA'],
  ])('nameKey ignores where the tone mark sits: "%s" = "%s"', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it('nameKey still tells tones and letters apart after moving them', () => {
    expect(nameKey('Hoà')).not.toBe(nameKey('Hoá'));
    expect(nameKey('Hòa')).not.toBe(nameKey('Hoa'));
    expect(nameKey('Hồ')).not.toBe(nameKey('Hổ'));
    expect(nameKey('Hồ')).not.toBe(nameKey('Hò'));
  });

  it('finds an area typed with the other tone placement, and the field of an unknown one', () => {
    const hoa = new CommuneIndex([row(1, 'HC', 'Xã Hòa Cư')]);
    expect(hoa.find('Xã Hoà Cư')?.id).toBe(1);
    expect(hoa.find('xã hoà cư'.normalize('NFD'))?.id).toBe(1);
    expect(hoa.find('Xã Hoá Cư')).toBeUndefined();
  });
});

describe('merged areas', () => {
  const row = (
    id: number,
    code: string,
    name: string,
    extra: { active?: number; absorbed?: string[]; countsAs?: number } = {},
  ): CommuneDbRow => ({
    id,
    code,
    name,
    border: 0,
    remote: 0,
    ethnic: 0,
    key_area: 0,
    active: extra.active ?? 1,
    kind: '',
    absorbed: JSON.stringify(extra.absorbed ?? []),
    counts_as: extra.countsAs ?? null,
  });
  // Xã Tân Liên and Xã Gia Cát were merged into Xã Tân Thành; GHOST was never on this laptop.
  const index = new CommuneIndex([
    row(1, 'TT', 'Xã Tân Thành', { absorbed: ['TL', 'GC', 'GHOST'] }),
    row(2, 'TL', 'Xã Tân Liên', { active: 0, countsAs: 1 }),
    row(3, 'GC', 'Xã Gia Cát', { active: 0, countsAs: 1 }),
    row(4, 'HT', 'Xã Hợp Thành'),
    row(5, 'OLD', 'Xã Cũ Không Sáp Nhập', { active: 0 }),
  ]);

  it('takes an absorbed area, by name or code, as the one that absorbed it', () => {
    expect(index.resolve(['Xã Tân Liên', 'gc', 'GHOST']).map((r) => r.code)).toEqual([
      'TT',
      'TT',
      'TT',
    ]);
  });

  it('keeps what an activity recorded when it is edited', () => {
    expect(index.resolve(['Xã Tân Liên'], { keep: new Set([2]) })[0]!.code).toBe('TL');
  });

  it('leaves a dropped area that was not merged as it is', () => {
    expect(index.resolve(['Xã Cũ Không Sáp Nhập'])[0]!.code).toBe('OLD');
  });

  it('filters by either name', () => {
    expect(index.withMerged([2]).sort()).toEqual([1, 2, 3]);
    expect(index.withMerged([1]).sort()).toEqual([1, 2, 3]);
    expect(index.withMerged([4])).toEqual([4]);
  });

  it('is found by the name it counts under', () => {
    expect(index.searchNames([{ id: 2, code: 'TL', name: 'Xã Tân Liên' }])).toEqual([
      'Xã Tân Liên',
      'Xã Tân Thành',
    ]);
  });

  it('refuses an activity with no area unless it is office-wide work', () => {
    expect(() => index.resolve([], { channel: 'van' })).toThrow(/ít nhất một xã/);
    expect(index.resolve([], { channel: 'online' })).toEqual([]);
    expect(new CommuneIndex([]).resolve([], { channel: 'van' })).toEqual([]);
  });
});

// Characters a Word file (XML 1.0) cannot hold, each with the code point the user is told.
const BAD: Array<[string, string, number]> = [
  ['U+FFFE', '\uFFFE', 0xfffe],
  ['U+FFFF', '\uFFFF', 0xffff],
  ['a lone high surrogate', '\uD800', 0xd800],
  ['a lone low surrogate', '\uDC00', 0xdc00],
  ['U+0001', '\u0001', 0x1],
  ['U+0000', '\u0000', 0x0],
  ['U+001F', '\u001F', 0x1f],
  ['U+FDD0', '\uFDD0', 0xfdd0],
  ['U+FDEF', '\uFDEF', 0xfdef],
  ['U+1FFFF', '\u{1FFFF}', 0x1ffff],
  ['U+10FFFE', '\u{10FFFE}', 0x10fffe],
];

describe('characters XML cannot hold', () => {
  it.each(BAD)('finds %s and where it is', (_name, ch, cp) => {
    expect(firstXmlInvalid(`Treo băng rôn${ch} tại xã`)).toEqual({ index: 13, codePoint: cp });
    expect(firstXmlInvalid(ch)).toEqual({ index: 0, codePoint: cp });
  });

  it('accepts tab, newlines, emoji, Vietnamese in NFC and NFD, and the edges of the ranges', () => {
    for (const ok of [
      'KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG',
      'cột 1\tcột 2\r\ndòng 2',
      'Chiếu phim 🎬 lưu động 👍🏽',
      'Thụy Hùng'.normalize('NFD'),
      '\u0020\uD7FF\uE000\uFDCF\uFDF0\uFFFD\u{10000}\u{1FFFD}\u{10FFFD}',
      '',
    ]) {
      expect(firstXmlInvalid(ok)).toBeNull();
    }
  });

  it('reports the first bad character, after a surrogate pair counted as two units', () => {
    expect(firstXmlInvalid('🎬\uFFFF\u0001')).toEqual({ index: 2, codePoint: 0xffff });
    // A high surrogate followed by another high surrogate is not a pair.
    expect(firstXmlInvalid('\uD83D\uD83D\uDE00')).toEqual({ index: 0, codePoint: 0xd83d });
  });

  it('names code points as U+XXXX', () => {
    expect(codePointName(0xfffe)).toBe('U+FFFE');
    expect(codePointName(0x1)).toBe('U+0001');
    expect(codePointName(0x1ffff)).toBe('U+1FFFF');
  });
});

describe('schemas refuse characters XML cannot hold', () => {
  const activity = {
    channel: 'van',
    date: '2023-07-28',
    communes: ['Xã Hợp Thành'],
    themes: ['trafficking'],
    title: 'Tuyên truyền lưu động',
    measures: { sessions: 3, km: 45, minutes: 240 },
  };

  it.each(BAD)('refuses a title holding %s, naming the field and the character', (_n, ch, cp) => {
    const r = ActivityInputSchema.safeParse({ ...activity, title: `Tuyên${ch} truyền` });
    expect(r.success).toBe(false);
    const issue = describeIssue(r.error!.issues[0]!);
    expect(issue.field).toBe('title');
    expect(issue.msg.vi).toBe(
      `Trường "title" chứa ký tự không hợp lệ (${codePointName(cp)}) không thể lưu vào tệp Word; hãy xóa ký tự đó`,
    );
    expect(issue.msg.en).toBe(
      `Field "title" holds a character (${codePointName(cp)}) that cannot be written into a Word file; delete it`,
    );
  });

  it('accepts tab, newline, emoji and Vietnamese text, stored NFC', () => {
    const title = 'Tuyên truyền\tlưu động\nphòng, chống mua bán người 🎬'.normalize('NFD');
    const r = ActivityInputSchema.safeParse({ ...activity, title, notes: 'Ghi chú\r\ndòng 2' });
    expect(r.success).toBe(true);
    expect(r.data!.title).toBe(title.normalize('NFC'));
  });

  it('refuses in every text field: notes, village, communes, measures, id', () => {
    const fields: Array<[Record<string, unknown>, string]> = [
      [{ notes: 'a\uFFFEb' }, 'notes'],
      [{ village: '\u0007' }, 'village'],
      [{ communes: ['Xã Hợp Thành', 'Xã\uFDD0'] }, 'communes[1]'],
      [{ id: 'act\uFFFF' }, 'id'],
      [
        { channel: 'banner', measures: { pieces: 1, slogan: 'Nói không\uD800' } },
        'measures.slogan',
      ],
    ];
    for (const [patch, field] of fields) {
      const r = ActivityInputSchema.safeParse({ ...activity, ...patch });
      expect(r.success, field).toBe(false);
      expect(describeIssue(r.error!.issues[0]!).field).toBe(field);
    }
  });

  it('refuses in the profile, directives, report texts and the contract’s free text', () => {
    const office = { code: 'LS-X', name: 'Phòng\uFFFE' };
    const profile = ProfileSchema.safeParse({ office, communes: [] });
    expect(describeIssue(profile.error!.issues[0]!).field).toBe('office.name');
    const commune = ProfileSchema.safeParse({
      office: { ...office, name: 'Phòng' },
      communes: [{ code: 'A', name: 'Xã\u{1FFFF}' }],
    });
    expect(describeIssue(commune.error!.issues[0]!).field).toBe('communes[0].name');
    const directive = DirectiveInputSchema.safeParse({
      number: '12/KH-UBND',
      date: '2023-07-01',
      issuer: 'UBND huyện',
      subject: 'Kế hoạch\u0001',
      direction: 'incoming',
    });
    expect(describeIssue(directive.error!.issues[0]!).field).toBe('subject');
    const texts = ReportTextsSchema.safeParse({
      number: '',
      date: '2023-09-30',
      recipients: [],
      directives: [],
      strengths: 'Tốt\uFFFF',
      limitations: '',
      nextSteps: '',
    });
    expect(describeIssue(texts.error!.issues[0]!).field).toBe('strengths');
    const unlock = methods['periods:unlock'].input.safeParse({
      period: '2023-Q3',
      reason: 'Sửa số liệu\uFFFE',
    });
    expect(describeIssue(unlock.error!.issues[0]!).field).toBe('reason');
    const trust = methods['trust:addFingerprint'].input.safeParse({
      code: 'LS-X',
      name: 'Phòng\uD800',
      fingerprint: 'AB',
    });
    expect(describeIssue(trust.error!.issues[0]!).field).toBe('name');
  });
});
