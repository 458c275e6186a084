// The header's names in word groups and lines, without rendering: the rules behind what
// test/integration/report-header.test.ts measures in LibreOffice's PDF.
import { describe, expect, it } from 'vitest';
import { headerLines, textWidth, wordGroups } from '../../electron/core/report/headerLines';
import { balancedLines } from '../../electron/core/report/docxBlocks';

const groups = (text: string) => wordGroups(text).map((g) => g.join(' '));
const spaced = (lines: string[]) => lines.map((l) => l.replace(/\u00A0/g, ' '));
const BOLD = { size: 13, bold: true };

describe('wordGroups', () => {
  it('keeps each field of two syllables and "VÀ" with what follows', () => {
    expect(groups('PHÒNG VĂN HÓA VÀ THÔNG TIN')).toEqual(['PHÒNG', 'VĂN HÓA', 'VÀ THÔNG TIN']);
    expect(groups('SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH')).toEqual([
      'SỞ',
      'VĂN HÓA,',
      'THỂ THAO',
      'VÀ DU LỊCH',
    ]);
    expect(groups('TRUNG TÂM VĂN HÓA, THỂ THAO VÀ TRUYỀN THÔNG')).toEqual([
      'TRUNG TÂM',
      'VĂN HÓA,',
      'THỂ THAO',
      'VÀ TRUYỀN THÔNG',
    ]);
  });

  it('keeps a place with its level, "THỊ XÃ" and "THÀNH PHỐ" included', () => {
    expect(groups('UBND HUYỆN VĂN LÃNG')).toEqual(['UBND', 'HUYỆN VĂN LÃNG']);
    expect(groups('UBND ĐẶC KHU VÂN ĐỒN')).toEqual(['UBND', 'ĐẶC KHU VÂN ĐỒN']);
    expect(groups('ỦY BAN NHÂN DÂN XÃ ĐỒNG ĐĂNG')).toEqual(['ỦY BAN', 'NHÂN DÂN', 'XÃ ĐỒNG ĐĂNG']);
    expect(groups('UBND THỊ XÃ HỒNG LĨNH')).toEqual(['UBND', 'THỊ XÃ HỒNG LĨNH']);
    expect(groups('UBND THÀNH PHỐ LẠNG SƠN')).toEqual(['UBND', 'THÀNH PHỐ LẠNG SƠN']);
    expect(groups('UBND PHƯỜNG HOÀNG VĂN THỤ')).toEqual(['UBND', 'PHƯỜNG HOÀNG VĂN THỤ']);
    expect(groups('PHÒNG VĂN HÓA - XÃ HỘI XÃ HÓA THƯỢNG')).toEqual([
      'PHÒNG',
      'VĂN HÓA -',
      'XÃ HỘI',
      'XÃ HÓA THƯỢNG',
    ]);
  });

  it('leaves abbreviations and numbers alone', () => {
    expect(groups('PHÒNG VH&TT CAO LỘC')).toEqual(['PHÒNG', 'VH&TT', 'CAO LỘC']);
    expect(groups('VĂN PHÒNG HĐND VÀ UBND')).toEqual(['VĂN PHÒNG', 'HĐND', 'VÀ UBND']);
  });
});

describe('headerLines', () => {
  it('keeps a name that fits on one line, joining each group with no-break spaces', () => {
    expect(headerLines('UBND HUYỆN VĂN LÃNG', 194, { size: 13 })).toEqual([
      'UBND HUYỆN\u00A0VĂN\u00A0LÃNG',
    ]);
  });

  it('breaks before "VÀ" or the place rather than after a comma', () => {
    expect(spaced(headerLines('PHÒNG VĂN HÓA VÀ THÔNG TIN', 194, BOLD))).toEqual([
      'PHÒNG VĂN HÓA',
      'VÀ THÔNG TIN',
    ]);
    expect(spaced(headerLines('SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH', 194, BOLD))).toEqual([
      'SỞ VĂN HÓA, THỂ THAO',
      'VÀ DU LỊCH',
    ]);
    expect(spaced(headerLines('ỦY BAN NHÂN DÂN XÃ ĐỒNG ĐĂNG', 194, { size: 13 }))).toEqual([
      'ỦY BAN NHÂN DÂN',
      'XÃ ĐỒNG ĐĂNG',
    ]);
  });

  it('takes as many lines as the column needs, and no more', () => {
    expect(spaced(headerLines('PHÒNG VĂN HÓA VÀ THÔNG TIN HUYỆN TRÀNG ĐỊNH', 194, BOLD))).toEqual([
      'PHÒNG VĂN HÓA',
      'VÀ THÔNG TIN',
      'HUYỆN TRÀNG ĐỊNH',
    ]);
    expect(headerLines('PHÒNG VĂN HÓA VÀ THÔNG TIN', 220, BOLD)).toHaveLength(1);
  });

  it('lets a group wider than the column wrap with ordinary spaces', () => {
    const lines = headerLines('UBND XÃ CÓ MỘT TÊN RẤT DÀI KHÔNG VỪA MỘT DÒNG', 150, { size: 13 });
    expect(lines).toEqual(['UBND', 'XÃ CÓ MỘT TÊN RẤT DÀI KHÔNG VỪA MỘT DÒNG']);
  });

  it('breaks a name of some 200 characters, each line fitting', () => {
    const name = Array.from({ length: 20 }, () => 'VĂN HÓA VÀ').join(' ') + ' THÔNG TIN';
    const lines = spaced(headerLines(name, 194, BOLD));
    expect(lines.join(' ')).toBe(name);
    for (const l of lines) expect(textWidth(l, 13, true)).toBeLessThanOrEqual(194);
  });

  it('is what the header writes: parent in 13 pt, office name in 13 pt bold', () => {
    expect(spaced(balancedLines('SỞ THÔNG TIN VÀ TRUYỀN THÔNG', BOLD))).toEqual([
      'SỞ THÔNG TIN',
      'VÀ TRUYỀN THÔNG',
    ]);
    expect(balancedLines('UBND THÀNH PHỐ LẠNG SƠN')).toHaveLength(1);
  });
});

describe('textWidth', () => {
  it('measures as LibreOffice lays out Times New Roman (pdftotext boxes)', () => {
    // "UBND HUYỆN VĂN LÃNG" in 13 pt and "CỘNG HÒA … VIỆT NAM" in 12 pt bold, as rendered.
    expect(textWidth('UBND HUYỆN VĂN LÃNG', 13)).toBeCloseTo(156.2, 0);
    expect(textWidth('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 12, true)).toBeCloseTo(250.1, 0);
  });
});
