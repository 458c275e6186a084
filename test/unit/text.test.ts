import { describe, expect, it } from 'vitest';
import { fold, matchesSearch, nameKey, searchTerms } from '../../shared/text';
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
});
