import { describe, expect, it } from 'vitest';
import {
  areaHeading,
  areaKind,
  areaKindsOf,
  areaNoun,
  kindFromName,
  mergeTargets,
} from '../../shared/areas';
import { officeKindOf } from '../../shared/offices';
import { ProfileSchema } from '../../shared/schemas';
import { describeIssue } from '../../shared/issues';

describe('area kinds', () => {
  it('reads the kind from the leading words of a name, in any case or normal form', () => {
    expect(kindFromName('Thôn Nà Lệnh')).toBe('thôn');
    expect(kindFromName('TỔ DÂN PHỐ 3'.normalize('NFD'))).toBe('tổ dân phố');
    expect(kindFromName('Tổ 5')).toBe('tổ');
    expect(kindFromName('Đặc khu Phú Quốc')).toBe('đặc khu');
    expect(kindFromName('Thị trấn Đồng Đăng')).toBe('thị trấn');
    expect(kindFromName('Nà Lệnh')).toBeNull();
  });

  it('prefers the kind the profile gives, else says "địa bàn"', () => {
    expect(areaKind({ name: 'Nà Lệnh', kind: 'Bản' })).toBe('bản');
    expect(areaKind({ name: 'Nà Lệnh' })).toBe('địa bàn');
    expect(areaKind({ name: 'Xã Hợp Thành', kind: '' })).toBe('xã');
  });

  it('names several kinds in the usual order, each once', () => {
    expect(areaNoun(['thị trấn', 'xã', 'xã'])).toBe('xã, thị trấn');
    expect(areaNoun(['bản', 'thôn', 'tổ dân phố', 'bản'])).toBe('thôn, bản, tổ dân phố');
    expect(areaNoun([])).toBe('địa bàn');
    expect(areaHeading(['thôn', 'bản'])).toBe('Thôn, bản');
  });

  it('gives the kinds of current, reached and flagged areas', () => {
    const kinds = areaKindsOf([
      { kind: 'thôn', flags: ['border'], active: true, activities: 2 },
      { kind: 'bản', flags: ['border', 'ethnic'], active: true, activities: 0 },
      { kind: 'tổ dân phố', flags: [], active: true, activities: 1 },
      { kind: 'xã', flags: ['border'], active: false, activities: 4 },
    ]);
    expect(kinds.all).toEqual(['thôn', 'bản', 'tổ dân phố']);
    expect(kinds.reached).toEqual(['xã', 'thôn', 'tổ dân phố']);
    expect(kinds.flagged.border).toEqual(['thôn', 'bản']);
    expect(kinds.flagged.ethnic).toEqual(['bản']);
    expect(kinds.flagged.key).toEqual([]);
  });
});

describe('mergers', () => {
  it('follows older mergers to the current area', () => {
    const targets = mergeTargets([
      { code: 'C', absorbed: ['B'], active: true },
      { code: 'B', absorbed: ['A'], active: false },
      { code: 'A', absorbed: [], active: false },
      { code: 'D', absorbed: [], active: true },
    ]);
    expect(Object.fromEntries(targets)).toEqual({ A: 'C', B: 'C' });
  });

  it('never merges a current area away, and survives a cycle in old lists', () => {
    const targets = mergeTargets([
      { code: 'X', absorbed: ['Y'], active: false },
      { code: 'Y', absorbed: ['X'], active: false },
      { code: 'Z', absorbed: ['W'], active: true },
      { code: 'W', absorbed: [], active: true },
    ]);
    expect(targets.has('W')).toBe(false);
    expect(targets.size).toBeLessThanOrEqual(2);
  });

  it('refuses a profile whose absorbed area is still current or absorbed twice', () => {
    const office = { code: 'X', name: 'Phòng Văn hóa - Xã hội' };
    const current = ProfileSchema.safeParse({
      office,
      communes: [
        { code: 'A', name: 'Thôn A', absorbed: ['B'] },
        { code: 'B', name: 'Thôn B' },
      ],
    });
    expect(current.success).toBe(false);
    const issue = describeIssue(current.error!.issues[0]!);
    expect(issue.field).toBe('communes[0].absorbed[0]');
    expect(issue.msg.vi).toMatch(/đã sáp nhập/);
    const twice = ProfileSchema.safeParse({
      office,
      communes: [
        { code: 'A', name: 'Thôn A', absorbed: ['OLD'] },
        { code: 'B', name: 'Thôn B', absorbed: ['old'] },
      ],
    });
    expect(twice.success).toBe(false);
  });

  it('refuses two areas whose names differ only by tone placement', () => {
    const r = ProfileSchema.safeParse({
      office: { code: 'X', name: 'Phòng' },
      communes: [
        { code: 'A', name: 'Xã Hoà Cư' },
        { code: 'B', name: 'Xã Hòa Cư' },
      ],
    });
    expect(r.success).toBe(false);
  });
});

describe('office kinds', () => {
  it('reads the kind of a profile made before it was asked', () => {
    expect(officeKindOf({ name: 'Phòng Văn hóa và Thông tin', parent: 'UBND huyện Cao Lộc' })).toBe(
      'district',
    );
    expect(officeKindOf({ name: 'Sở Văn hóa, Thể thao và Du lịch', parent: '' })).toBe('province');
    expect(officeKindOf({ name: 'Báo Lạng Sơn', parent: '' })).toBe('press');
    expect(officeKindOf({ name: 'Phòng Văn hóa - Xã hội', parent: 'UBND xã Đồng Đăng' })).toBe(
      'commune',
    );
    expect(officeKindOf({ kind: 'press', name: 'Phòng', parent: 'UBND huyện X' })).toBe('press');
  });
});

describe('pickers', () => {
  it('find an area typed with either tone placement, in any normal form or case', async () => {
    const { foldSearch } = await import('../../renderer/src/lib/search');
    const option = { label: 'Thôn Hoà Cư' };
    for (const typed of ['Hòa', 'hoà cư', 'HÒA CƯ'.normalize('NFD'), 'hoa cu']) {
      expect(foldSearch.filterOption(typed, option), typed).toBe(true);
    }
    expect(foldSearch.filterOption('Hòa Bình', option)).toBe(false);
  });
});

describe('office names in the register', () => {
  it('adds the place once, never twice', async () => {
    const { officeDisplayName } = await import('../../shared/offices');
    expect(officeDisplayName('Phòng Văn hóa và Thông tin', 'UBND huyện Cao Lộc')).toBe(
      'Phòng Văn hóa và Thông tin huyện Cao Lộc',
    );
    expect(officeDisplayName('Phòng VH&TT huyện Lộc Bình', 'UBND huyện Lộc Bình')).toBe(
      'Phòng VH&TT huyện Lộc Bình',
    );
    expect(officeDisplayName('Phòng Văn hóa - Xã hội xã Hoà An', 'Ủy ban nhân dân xã Hòa An')).toBe(
      'Phòng Văn hóa - Xã hội xã Hoà An',
    );
    expect(officeDisplayName('Báo Lạng Sơn', 'Tỉnh ủy Lạng Sơn')).toBe(
      'Báo Lạng Sơn, Tỉnh ủy Lạng Sơn',
    );
    expect(officeDisplayName('Sở Văn hóa, Thể thao và Du lịch', '')).toBe(
      'Sở Văn hóa, Thể thao và Du lịch',
    );
  });
});

describe('dates in a document', () => {
  it('follow Decree 30: a leading zero below 10 and for January and February only', async () => {
    const { documentDate } = await import('../../shared/format');
    expect(documentDate('2023-09-08')).toBe('08/9/2023');
    expect(documentDate('2024-02-05')).toBe('05/02/2024');
    expect(documentDate('2023-12-18')).toBe('18/12/2023');
    expect(documentDate('2023-01-31')).toBe('31/01/2023');
  });
});
