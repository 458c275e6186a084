// How the renderer names an office's areas (lib/areas.ts), what the office's kind does on
// the profile screen (features/profile/officeKind.ts), and areas of any kind through the
// profile form, the pasted list, the audit entries and the drill-down's title.
import { describe, expect, it } from 'vitest';
import { LEGACY_KINDS, type AreaKinds } from '../../shared/areas';
import type { Commune } from '../../shared/contract';
import { DEFAULT_DEPARTMENT, DEFAULT_STEERING } from '../../shared/offices';
import { ProfileSchema } from '../../shared/schemas';
import {
  areaLabel,
  areaOptionLabel,
  areaWords,
  byCodeOf,
  currentKinds,
  reportKinds,
  rowAreaLabels,
} from '../../renderer/src/lib/areas';
import { drillTitle } from '../../renderer/src/lib/drill';
import { changesOf, fieldLabel, valueText } from '../../renderer/src/features/logbook/auditText';
import {
  areasHint,
  desksFor,
  formAreaWords,
  prefillOffice,
} from '../../renderer/src/features/profile/officeKind';
import {
  emptyProfile,
  parseCommuneList,
  parseProfileFile,
  toFormValues,
  toProfileInput,
} from '../../renderer/src/features/profile/profileForm';

function area(patch: Partial<Commune> & Pick<Commune, 'code' | 'name'>): Commune {
  return { flags: [], absorbed: [], active: true, countsAs: null, ...patch };
}

const VILLAGES: Commune[] = [
  area({ code: 'NL', name: 'Thôn Nà Lệnh' }),
  area({ code: 'KP', name: 'Bản Khuổi Phầy', flags: ['border', 'ethnic'] }),
  area({ code: 'TDP1', name: 'Tổ dân phố 1' }),
  area({ code: 'CU', name: 'Thôn Cũ', active: false, countsAs: 'NL' }),
  area({ code: 'BO', name: 'Xóm Bỏ', active: false }),
];

describe('areaWords / currentKinds', () => {
  it('names a commune office’s villages by their kinds, never "xã"', () => {
    const words = areaWords(currentKinds(VILLAGES));
    expect(words.kinds).toEqual(['thôn', 'bản', 'tổ dân phố']);
    expect(words.noun).toBe('thôn, bản, tổ dân phố');
    expect(words.heading).toBe('Thôn, bản, tổ dân phố');
    // The villages are the areas: the free-text place is a spot inside them.
    expect(words.placeLabel).toBe('Địa điểm cụ thể');
  });

  it('leaves out dropped areas and takes a given kind over the name’s leading word', () => {
    const kinds = currentKinds([
      area({ code: 'A', name: 'Nà Lệnh', kind: 'Thôn' }),
      area({ code: 'B', name: 'Xã Cũ', active: false }),
    ]);
    expect(kinds).toEqual(['thôn']);
  });

  it('keeps villages as the place of a district-era office’s communes', () => {
    const words = areaWords(
      currentKinds([
        area({ code: 'HT', name: 'Xã Hợp Thành' }),
        area({ code: 'CL', name: 'Thị trấn Cao Lộc' }),
      ]),
    );
    expect([words.noun, words.heading, words.placeLabel]).toEqual([
      'xã, thị trấn',
      'Xã, thị trấn',
      'Thôn, bản, tổ dân phố',
    ]);
  });

  it('says "địa bàn" for an office with no areas', () => {
    const words = areaWords(currentKinds([]));
    expect([words.noun, words.heading, words.placeLabel]).toEqual([
      'địa bàn',
      'Địa bàn',
      'Địa điểm cụ thể',
    ]);
  });

  it('takes a report’s own kinds, and communes for one signed before kinds', () => {
    const kinds: AreaKinds = {
      all: ['thôn'],
      reached: ['thôn'],
      flagged: { border: ['bản'], remote: [], ethnic: [], key: [] },
    };
    expect(reportKinds({ areaKinds: kinds })).toBe(kinds);
    expect(reportKinds({})).toBe(LEGACY_KINDS);
  });
});

describe('area labels of activities', () => {
  const byCode = byCodeOf(VILLAGES);

  it('shows a merged-away area with the one it now counts under', () => {
    expect(areaLabel('Thôn Cũ', 'CU', byCode)).toBe('Thôn Cũ (nay là Thôn Nà Lệnh)');
    expect(areaLabel('Thôn Nà Lệnh', 'NL', byCode)).toBe('Thôn Nà Lệnh');
    expect(areaLabel('Không rõ', 'XX', byCode)).toBe('Không rõ');
    expect(
      rowAreaLabels(
        { communes: ['Thôn Cũ', 'Tổ dân phố 1'], communeCodes: ['CU', 'TDP1'] },
        byCode,
      ),
    ).toEqual(['Thôn Cũ (nay là Thôn Nà Lệnh)', 'Tổ dân phố 1']);
  });

  it('marks in the picker a dropped area and a merged one differently', () => {
    const [nl, , , cu, bo] = VILLAGES;
    expect(areaOptionLabel(nl!, byCode)).toBe('Thôn Nà Lệnh');
    expect(areaOptionLabel(cu!, byCode)).toBe('Thôn Cũ (nay là Thôn Nà Lệnh)');
    expect(areaOptionLabel(bo!, byCode)).toBe('Xóm Bỏ (đã bỏ khỏi danh sách)');
  });
});

describe('prefillOffice / desksFor', () => {
  it('fills an empty office from a commune office’s usual values and sets the kind', () => {
    const office = prefillOffice(emptyProfile().office, 'commune');
    expect(office).toMatchObject({
      kind: 'commune',
      name: 'Phòng Văn hóa - Xã hội',
      parent: 'UBND xã …',
      docSymbol: 'BC-VHXH',
      recipients: DEFAULT_DEPARTMENT,
      signer: { title: 'KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG', name: '' },
    });
  });

  it('sends the department’s report to the steering committee, as the profile names it', () => {
    const start = { ...emptyProfile().office, steering: 'Ban Chỉ đạo 138 tỉnh Lạng Sơn' };
    expect(prefillOffice(start, 'province').recipients).toBe('Ban Chỉ đạo 138 tỉnh Lạng Sơn');
  });

  it('replaces the first choice’s guesses on a second one, never what was typed', () => {
    const typed = { ...emptyProfile().office, name: 'Phòng VH-XH xã Hợp Thành' };
    const first = prefillOffice(typed, 'commune');
    const second = prefillOffice(first, 'province', 'commune');
    expect(second).toMatchObject({
      kind: 'province',
      name: 'Phòng VH-XH xã Hợp Thành',
      parent: 'UBND tỉnh …',
      docSymbol: 'BC-SVHTTDL',
      recipients: DEFAULT_STEERING,
      signer: { title: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC' },
    });
    const edited = { ...first, docSymbol: 'BC-VHXH-HT' };
    expect(prefillOffice(edited, 'press', 'commune').docSymbol).toBe('BC-VHXH-HT');
  });

  it('turns both desks on for the department only', () => {
    expect(desksFor('province')).toEqual({ office: true, province: true });
    for (const kind of ['commune', 'press', 'district'] as const) {
      expect(desksFor(kind)).toEqual({ office: true, province: false });
    }
  });
});

describe('formAreaWords / areasHint', () => {
  it('names the rows typed so far, else what the office’s kind has, else "địa bàn"', () => {
    const rows = [{ name: 'Nà Lệnh', kind: 'thôn' }, { name: 'Bản Khuổi Phầy' }, { name: ' ' }];
    expect(formAreaWords(rows, 'district').noun).toBe('thôn, bản');
    expect(formAreaWords([{ name: '' }], 'commune')).toEqual({
      noun: 'thôn, bản, tổ dân phố',
      heading: 'Thôn, bản, tổ dân phố',
      example: 'Thôn Nà Lệnh',
    });
    expect(formAreaWords(undefined, 'district').heading).toBe('Xã, thị trấn');
    expect(formAreaWords([], undefined).noun).toBe('địa bàn');
    expect(formAreaWords([], 'press').noun).toBe('địa bàn');
  });

  it('tells a commune office its areas are villages, and a department it needs none', () => {
    expect(areasHint('commune')).toContain('thôn, bản, tổ dân phố');
    expect(areasHint('province')).toContain('không cần khai báo địa bàn');
    expect(areasHint(undefined)).toBeNull();
  });
});

describe('areas of any kind through the profile form', () => {
  it('reads a kind given beside the flags of a pasted line', () => {
    const { rows, unknownFlags } = parseCommuneList(
      'NL; Nà Lệnh; thôn; biên giới\nBản Khuổi Phầy; bản, dân tộc\nKhu 3; Tổ dân phố',
      [],
    );
    expect(unknownFlags).toEqual([]);
    expect(rows).toEqual([
      {
        code: 'NL',
        name: 'Nà Lệnh',
        kind: 'thôn',
        flags: { border: true, remote: false, ethnic: false, key: false },
      },
      {
        code: 'KHUOI-PHAY',
        name: 'Bản Khuổi Phầy',
        kind: 'bản',
        flags: { border: false, remote: false, ethnic: true, key: false },
      },
      {
        code: 'KHU-3',
        name: 'Khu 3',
        kind: 'tổ dân phố',
        flags: { border: false, remote: false, ethnic: false, key: false },
      },
    ]);
  });

  it('reads and writes the office’s kind and line, and each area’s kind and mergers', () => {
    const file = {
      office: {
        kind: 'commune',
        code: 'LS-HOPTHANH-VHXH',
        name: 'Phòng Văn hóa - Xã hội',
        department: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lạng Sơn',
        steering: 'Ban Chỉ đạo 138 tỉnh Lạng Sơn',
      },
      communes: [
        { code: 'NL', name: 'Nà Lệnh', kind: 'thôn', flags: ['border'], absorbed: ['NL-CU'] },
        { code: 'TDP1', name: 'Tổ dân phố 1' },
      ],
    };
    const values = parseProfileFile(JSON.stringify(file));
    expect(values.office.kind).toBe('commune');
    expect(values.office.department).toBe(file.office.department);
    expect(values.communes[0]).toMatchObject({ kind: 'thôn', absorbed: ['NL-CU'] });
    expect(values.communes[1]).not.toHaveProperty('kind');
    const input = toProfileInput(values);
    expect(input.office).toMatchObject({ kind: 'commune', steering: file.office.steering });
    expect(input.communes).toEqual([
      { code: 'NL', name: 'Nà Lệnh', kind: 'thôn', flags: ['border'], absorbed: ['NL-CU'] },
      { code: 'TDP1', name: 'Tổ dân phố 1', flags: [] },
    ]);
    expect(ProfileSchema.safeParse(input).success).toBe(true);
  });

  it('ignores an unknown office kind and trims kinds and merged codes', () => {
    const values = parseProfileFile(
      JSON.stringify({ office: { code: 'A', name: 'B', kind: 'huyện' }, communes: [] }),
    );
    expect(values.office).not.toHaveProperty('kind');
    values.communes = [
      {
        code: 'NL',
        name: 'Thôn Nà Lệnh',
        kind: '  ',
        flags: { border: false, remote: false, ethnic: false, key: false },
        absorbed: [' CU ', '', 'cu', 'CU2'],
      },
    ];
    expect(toProfileInput(values).communes).toEqual([
      { code: 'NL', name: 'Thôn Nà Lệnh', flags: [], absorbed: ['CU', 'CU2'] },
    ]);
  });

  it('shows a saved area’s kind and mergers in its row', () => {
    const values = toFormValues({
      office: ProfileSchema.parse({ office: { code: 'A', name: 'B' }, communes: [] }).office,
      communes: [area({ code: 'NL', name: 'Nà Lệnh', kind: 'thôn', absorbed: ['CU'] })],
    });
    expect(values.communes[0]).toMatchObject({ kind: 'thôn', absorbed: ['CU'] });
  });
});

describe('audit labels and the drill-down title', () => {
  it('names areas neutrally by default and an activity with none as the whole office', () => {
    expect(fieldLabel('communes')).toBe('Địa bàn');
    expect(fieldLabel('village')).toBe('Địa điểm');
    expect(fieldLabel('communes', { heading: 'Thôn, bản', placeLabel: 'Địa điểm cụ thể' })).toBe(
      'Thôn, bản',
    );
    expect(valueText('communes', [])).toBe('Toàn đơn vị');
    const changes = changesOf({ communes: ['Thôn Nà Lệnh'] }, { communes: [] });
    expect(changes).toEqual([
      { key: 'communes', label: 'Địa bàn', before: 'Thôn Nà Lệnh', after: 'Toàn đơn vị' },
    ]);
  });

  it('names a flag’s areas by their kinds', () => {
    const kinds: AreaKinds = {
      all: ['thôn', 'bản'],
      reached: ['thôn'],
      flagged: { border: ['bản'], remote: [], ethnic: ['thôn', 'bản'], key: [] },
    };
    expect(drillTitle({ channel: 'van', flag: 'border' }, kinds)).toBe(
      'Xe thông tin lưu động · Bản biên giới',
    );
    expect(drillTitle({ flag: 'ethnic' }, kinds)).toBe('Thôn, bản vùng đồng bào dân tộc thiểu số');
    expect(drillTitle({ flag: 'border' })).toBe('Xã biên giới');
  });
});
