// The province desk's long lists of offices: the search (diacritics optional, tone placement
// and normal form ignored, word starts only), the sort in Vietnamese order, the counts per
// state over every office, and the states of the completeness screen and the register.
import { describe, expect, it } from 'vitest';
import type { TrustedOffice } from '../../shared/inbox';
import {
  matchesOffice,
  sortOffices,
  stateCounts,
} from '../../renderer/src/components/OfficeListToolbar';
import {
  inboxStateFilters,
  inboxStateRank,
} from '../../renderer/src/features/completeness/stateFilters';
import {
  trustRank,
  trustState,
  TRUST_FILTERS,
} from '../../renderer/src/features/trust/trustStates';

const office = (name: string, code = 'LS-X') => ({ name, code });
const HOA_AN = office('Phòng Văn hóa - Xã hội xã Hoà An', 'LS-HOAAN-VHXH');
const TAN_THANH = office('Phòng Văn hóa - Xã hội xã Tân Thanh', 'LS-TANTHANH-VHXH');
const HOA_THUONG = office('Phòng Văn hóa - Xã hội xã Hóa Thượng', 'LS-HOATHUONG-VHXH');

describe('matchesOffice', () => {
  it('ignores case, normal form and where the tone sits when diacritics are typed', () => {
    for (const q of ['Hòa', 'hoà', 'HÒA', 'Hòa'.normalize('NFD'), 'Hoà'.normalize('NFD')]) {
      expect(matchesOffice(HOA_AN, q), q).toBe(true);
      // "hóa" of "Văn hóa" and "Hóa Thượng" carry another tone.
      expect(matchesOffice(TAN_THANH, q), q).toBe(false);
      expect(matchesOffice(HOA_THUONG, q), q).toBe(false);
    }
    expect(matchesOffice(HOA_THUONG, 'hóa th')).toBe(true);
    expect(matchesOffice(HOA_AN, 'xã hoà an')).toBe(true);
  });

  it('ignores diacritics when none are typed', () => {
    expect(matchesOffice(HOA_AN, 'hoa an')).toBe(true);
    expect(matchesOffice(HOA_THUONG, 'hoa')).toBe(true);
    expect(matchesOffice(TAN_THANH, 'van hoa xa hoi')).toBe(true);
  });

  it('matches the start of a word, so "an" is not found inside "Văn"', () => {
    expect(matchesOffice(TAN_THANH, 'an')).toBe(false);
    expect(matchesOffice(HOA_AN, 'an')).toBe(true);
    expect(matchesOffice(TAN_THANH, 'thanh')).toBe(true);
    expect(matchesOffice(TAN_THANH, 'hanh')).toBe(false);
  });

  it('finds a code whole, from its start, or by one of its parts', () => {
    expect(matchesOffice(HOA_AN, 'LS-HOAAN-VHXH')).toBe(true);
    expect(matchesOffice(HOA_AN, 'ls-hoa')).toBe(true);
    expect(matchesOffice(HOA_AN, 'hoaan')).toBe(true);
    expect(matchesOffice(TAN_THANH, 'hoaan')).toBe(false);
  });

  it('keeps every office for a blank query', () => {
    expect(matchesOffice(HOA_AN, '')).toBe(true);
    expect(matchesOffice(HOA_AN, '   ')).toBe(true);
  });
});

describe('sortOffices', () => {
  const rows = [
    office('Xã Đồng Tâm', 'B10'),
    office('Xã Dương Huy', 'B9'),
    office('Xã Ân Thi', 'A2'),
    office('Xã An Bình', 'C1'),
  ];

  it('sorts names in Vietnamese order and codes numerically', () => {
    expect(sortOffices(rows, 'name', () => 0).map((r) => r.name)).toEqual([
      'Xã An Bình',
      'Xã Ân Thi',
      'Xã Dương Huy',
      'Xã Đồng Tâm',
    ]);
    expect(sortOffices(rows, 'code', () => 0).map((r) => r.code)).toEqual([
      'A2',
      'B9',
      'B10',
      'C1',
    ]);
  });

  it('sorts by state rank, then by name, without touching the input', () => {
    const rank = (r: { code: string }) => (r.code.startsWith('B') ? 0 : 1);
    expect(sortOffices(rows, 'state', rank).map((r) => r.code)).toEqual(['B9', 'B10', 'C1', 'A2']);
    expect(rows[0]!.code).toBe('B10');
  });
});

describe('the states of the completeness screen', () => {
  type Row = {
    code: string;
    name: string;
    state: 'received' | 'corrected' | 'missing' | 'quarantined';
    late: boolean;
  };
  const row = (code: string, state: Row['state'], late = false): Row => ({
    code,
    name: code,
    state,
    late,
  });
  const rows = [
    row('A', 'received'),
    row('B', 'received', true),
    row('C', 'corrected'),
    row('D', 'missing', true),
    row('E', 'quarantined', true),
  ];
  const stateOf = (r: Row) => r.state;
  const late = (r: Row) => r.late;

  it('counts every state over all rows, late across states', () => {
    expect(stateCounts(rows, inboxStateFilters(stateOf, late))).toEqual({
      all: 5,
      received: 2,
      corrected: 1,
      missing: 1,
      quarantined: 1,
      late: 3,
    });
    expect(inboxStateFilters(stateOf).map((f) => f.label)).toEqual([
      'Đã nhận',
      'Đã sửa',
      'Chưa nộp',
      'Cách ly',
    ]);
  });

  it('sorts what needs chasing first: missing, quarantined, corrected, received, late first', () => {
    const sorted = sortOffices(rows, 'state', inboxStateRank(stateOf, late));
    expect(sorted.map((r) => r.code)).toEqual(['D', 'E', 'C', 'B', 'A']);
  });
});

describe('the states of the register', () => {
  const cert = (revokedAt: string | null) => ({
    fingerprint: 'AB',
    subject: null,
    notAfter: null,
    source: 'sheet' as const,
    addedAt: '2023-01-01T00:00:00Z',
    revokedAt,
  });
  const reg = (code: string, certificates: TrustedOffice['certificates']): TrustedOffice => ({
    code,
    name: code,
    createdAt: '2023-01-01T00:00:00Z',
    followFrom: null,
    certificates,
  });
  const offices = [
    reg('A', [cert(null)]),
    reg('B', [cert('2023-02-01T00:00:00Z'), cert(null)]),
    reg('C', [cert('2023-02-01T00:00:00Z')]),
    reg('D', []),
  ];

  it('is trusted while one certificate is not withdrawn', () => {
    expect(offices.map(trustState)).toEqual(['trusted', 'trusted', 'revoked', 'none']);
    expect(stateCounts(offices, TRUST_FILTERS)).toEqual({
      all: 4,
      trusted: 2,
      revoked: 1,
      none: 1,
    });
    expect(sortOffices(offices, 'state', trustRank).map((o) => o.code)).toEqual([
      'D',
      'C',
      'A',
      'B',
    ]);
  });
});
