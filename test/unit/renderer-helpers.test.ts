// The renderer's pure helpers: pasting and reading communes, mapping engine errors onto
// form fields, the activity form's payload and drafts, audit entries and measure phrases,
// locked periods and package states, and the report texts' drafts by period and subject.
import dayjs from 'dayjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActivityRow, ProfileView } from '../../shared/contract';
import { CHANNELS, CHANNEL_MEASURES, type Channel } from '../../shared/domain';
import { describeIssue, fieldPath } from '../../shared/issues';
import { DEFAULT_DEPARTMENT, DEFAULT_STEERING } from '../../shared/offices';
import { ActivityInputSchema, ProfileSchema } from '../../shared/schemas';
import {
  emptyCommune,
  formRowIndex,
  makeCommuneCode,
  parseCommuneList,
  parseProfileFile,
  toFormValues,
  toProfileInput,
  type ProfileFormValues,
} from '../../renderer/src/features/profile/profileForm';
import { messageForField, parseFieldPath } from '../../renderer/src/lib/serverErrors';
import {
  defaultValues,
  draftKey,
  formFieldOf,
  fromDraft,
  fromRow,
  toDraft,
  toInput,
  type ActivityDraft,
  type ActivityFormValues,
} from '../../renderer/src/features/activity/formValues';
import {
  changesOf,
  fieldLabel,
  sourceLabel,
  valueText,
} from '../../renderer/src/features/logbook/auditText';
import { measuresText } from '../../renderer/src/lib/measures';
import {
  lockedReason,
  lockOn,
  offeredSubjects,
  packageStateText,
} from '../../renderer/src/features/report/locks';
import {
  createTextsSaver,
  IDLE_SAVE,
  textsDraftKey,
  type TextsState,
} from '../../renderer/src/stores/textsDraft';
import type { PeriodLock } from '../../shared/contract';
import type { ReportTexts } from '../../shared/report';

const NFD = (s: string) => s.normalize('NFD');

const noFlags = { border: false, remote: false, ethnic: false, key: false };

// ---------- communes pasted as a list ----------

describe('parseCommuneList', () => {
  it('reads bare names one per line, skipping blank lines, and makes codes from them', () => {
    const text = '  Xã Hợp Thành  \r\n\r\n   \n\tPhường Hoàng Văn Thụ\nThị trấn Đồng Đăng\n\n';
    const { rows, unknownFlags } = parseCommuneList(text, []);
    expect(rows).toEqual([
      { code: 'HOP-THANH', name: 'Xã Hợp Thành', flags: noFlags },
      { code: 'HOANG-VAN-THU', name: 'Phường Hoàng Văn Thụ', flags: noFlags },
      { code: 'DONG-DANG', name: 'Thị trấn Đồng Đăng', flags: noFlags },
    ]);
    expect(unknownFlags).toEqual([]);
  });

  it('reads "CODE<Tab>Name<Tab>flags" pasted from Excel, flags as Vietnamese labels', () => {
    const text = [
      'CL-HT\tXã Hợp Thành\tBiên giới, dân tộc thiểu số',
      'CL-TH\tXã Thụy Hùng\tvùng sâu vùng xa',
      'CL-CL\tThị trấn Cao Lộc\t',
    ].join('\n');
    const { rows, unknownFlags } = parseCommuneList(text, []);
    expect(rows).toEqual([
      {
        code: 'CL-HT',
        name: 'Xã Hợp Thành',
        flags: { border: true, remote: false, ethnic: true, key: false },
      },
      {
        code: 'CL-TH',
        name: 'Xã Thụy Hùng',
        flags: { border: false, remote: true, ethnic: false, key: false },
      },
      { code: 'CL-CL', name: 'Thị trấn Cao Lộc', flags: noFlags },
    ]);
    expect(unknownFlags).toEqual([]);
  });

  it('reads "CODE;Name;flags" with flags split by "," or ";", any case, with or without diacritics', () => {
    const text = [
      'CL-XL ; Xã Xuân Long ; BIEN GIOI , vung sau, vung xa',
      'CL-LK;Xã Lộc Khánh;trọng điểm;Dân tộc',
      'CL-GL;Xã Gia Cát;Vùng đồng bào dân tộc thiểu số;Địa bàn trọng điểm',
    ].join('\n');
    const { rows, unknownFlags } = parseCommuneList(text, []);
    expect(rows.map((r) => [r.code, r.name, r.flags])).toEqual([
      ['CL-XL', 'Xã Xuân Long', { border: true, remote: true, ethnic: false, key: false }],
      ['CL-LK', 'Xã Lộc Khánh', { border: false, remote: false, ethnic: true, key: true }],
      ['CL-GL', 'Xã Gia Cát', { border: false, remote: false, ethnic: true, key: true }],
    ]);
    expect(unknownFlags).toEqual([]);
  });

  it('accepts part of a Vietnamese label', () => {
    const { rows, unknownFlags } = parseCommuneList(
      'Xã Hợp Thành;vùng đồng bào\nXã Thụy Hùng;địa bàn trọng điểm, vùng sâu',
      [],
    );
    expect(unknownFlags).toEqual([]);
    expect(rows.map((r) => r.flags)).toEqual([
      { border: false, remote: false, ethnic: true, key: false },
      { border: false, remote: true, ethnic: false, key: true },
    ]);
  });

  it('accepts the English flag keys', () => {
    const { rows } = parseCommuneList('Xã Hợp Thành;Border,REMOTE;ethnic;key', []);
    expect(rows[0]?.flags).toEqual({ border: true, remote: true, ethnic: true, key: true });
  });

  it('reads NFD text (as some keyboards send it) the same as NFC', () => {
    const text = NFD('CL-HT\tXã Hợp Thành\tbiên giới\nPhường Đông Kinh;trọng điểm');
    const { rows, unknownFlags } = parseCommuneList(text, []);
    expect(unknownFlags).toEqual([]);
    expect(rows.map((r) => [r.code, r.name.normalize('NFC'), r.flags])).toEqual([
      ['CL-HT', 'Xã Hợp Thành', { border: true, remote: false, ethnic: false, key: false }],
      ['DONG-KINH', 'Phường Đông Kinh', { border: false, remote: false, ethnic: false, key: true }],
    ]);
  });

  it('keeps a commune whose flags it does not know and lists them for the user', () => {
    const { rows, unknownFlags } = parseCommuneList(
      'Xã Hợp Thành;biên giới, núi cao\nCL-TH;Xã Thụy Hùng;hải đảo',
      [],
    );
    expect(rows.map((r) => r.name)).toEqual(['Xã Hợp Thành', 'Xã Thụy Hùng']);
    expect(rows[0]?.flags.border).toBe(true);
    expect(rows[1]?.flags).toEqual(noFlags);
    expect(unknownFlags).toEqual(['Xã Hợp Thành: "núi cao"', 'Xã Thụy Hùng: "hải đảo"']);
  });

  it('makes codes unique against the codes already in the form and against each other', () => {
    const text = 'HOP-THANH-3;Xã Khác\nXã Hợp Thành\nPhường Hợp Thành\nXã Hợp  Thành';
    const { rows } = parseCommuneList(text, ['Hop-Thanh']);
    expect(rows.map((r) => r.code)).toEqual([
      'HOP-THANH-3',
      'HOP-THANH-2',
      'HOP-THANH-4',
      'HOP-THANH-5',
    ]);
  });

  it('gives nothing for blank text', () => {
    expect(parseCommuneList(' \n\r\n\t\n', ['A'])).toEqual({ rows: [], unknownFlags: [] });
  });

  it('gives rows that the profile schema accepts once the office is filled in', () => {
    const { rows } = parseCommuneList(
      NFD('Xã Hợp Thành;biên giới\nXã Hợp Thành mới\nCL-TH\tXã Thụy Hùng\tdân tộc'),
      [],
    );
    const values: ProfileFormValues = {
      office: {
        code: 'LS-CAOLOC-VHTT',
        name: 'Phòng Văn hóa và Thông tin',
        parent: '',
        province: '',
        place: '',
        docSymbol: '',
        recipients: '',
        signer: { title: '', name: '' },
        copies: '',
        filing: 'VT',
        drafter: '',
        cutoff: 'decree09',
        department: DEFAULT_DEPARTMENT,
        steering: DEFAULT_STEERING,
        subjects: ['trafficking'],
      },
      communes: rows,
    };
    const parsed = ProfileSchema.safeParse(toProfileInput(values));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.communes.map((c) => [c.code, c.name, c.flags])).toEqual([
      ['HOP-THANH', 'Xã Hợp Thành', ['border']],
      ['HOP-THANH-MOI', 'Xã Hợp Thành mới', []],
      ['CL-TH', 'Xã Thụy Hùng', ['ethnic']],
    ]);
  });
});

describe('makeCommuneCode', () => {
  it.each([
    ['Xã Hợp Thành', 'HOP-THANH'],
    ['Phường Hoàng Văn Thụ', 'HOANG-VAN-THU'],
    ['Thị trấn Đồng Đăng', 'DONG-DANG'],
    ['TT. Cao Lộc', 'CAO-LOC'],
    ['P. Vĩnh Trại', 'VINH-TRAI'],
    ['X. Tân Liên', 'TAN-LIEN'],
    ['Phường 1', 'PHUONG-1'],
    ['Thôn Nà Lệnh', 'NA-LENH'],
    ['Bản Khuổi Phầy', 'KHUOI-PHAY'],
    ['Tổ dân phố 1', 'TO-DAN-PHO-1'],
    ['TDP 5', 'TDP-5'],
    ['Khu phố Tân Thịnh', 'TAN-THINH'],
    ['Đặc khu Phú Quốc', 'PHU-QUOC'],
    ['Xuân Long', 'XUAN-LONG'],
    ['Xã Quảng Lạc (cũ)', 'QUANG-LAC-CU'],
    [NFD('Xã Lộc Yên'), 'LOC-YEN'],
    ['—', 'XA'],
  ])('%s → %s', (name, code) => {
    expect(makeCommuneCode(name, new Set())).toBe(code);
  });

  it('numbers a taken code and records the new one as taken', () => {
    const taken = new Set(['hop-thanh', 'hop-thanh-2']);
    expect(makeCommuneCode('Xã Hợp Thành', taken)).toBe('HOP-THANH-3');
    expect(taken.has('hop-thanh-3')).toBe(true);
    expect(makeCommuneCode('xa hop thanh', taken)).toBe('HOP-THANH-4');
  });
});

// ---------- the profile file and the profile form ----------

const interchangeProfile = {
  office: {
    code: 'LS-CAOLOC-VHTT',
    name: 'Phòng Văn hóa và Thông tin',
    parent: 'UBND huyện Cao Lộc',
    province: 'Lạng Sơn',
    place: 'Cao Lộc',
    docSymbol: 'BC-VHTT',
    recipients: ['Sở Thông tin và Truyền thông'],
    signer: { title: 'KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG', name: 'Nguyễn Văn A' },
    cutoff: 'decree09',
  },
  communes: [{ code: 'CL-HT', name: 'Xã Hợp Thành', flags: ['border', 'ethnic', 'key'] }],
};

describe('parseProfileFile', () => {
  it('reads the INTERCHANGE.md example (with a BOM) and saves it back unchanged', () => {
    const values = parseProfileFile('\uFEFF' + JSON.stringify(interchangeProfile, null, 2));
    expect(values.office.recipients).toBe('Sở Thông tin và Truyền thông');
    expect(values.office.signer.title).toBe('KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG');
    expect(values.communes).toEqual([
      {
        code: 'CL-HT',
        name: 'Xã Hợp Thành',
        flags: { border: true, remote: false, ethnic: true, key: true },
      },
    ]);
    const input = toProfileInput(values);
    // The example names no subjects, department, committee or "Nơi nhận": it gets the defaults.
    expect(input).toEqual({
      ...interchangeProfile,
      office: {
        ...interchangeProfile.office,
        copies: [],
        filing: 'VT',
        drafter: '',
        subjects: ['trafficking'],
        department: DEFAULT_DEPARTMENT,
        steering: DEFAULT_STEERING,
      },
    });
    expect(ProfileSchema.safeParse(input).success).toBe(true);
  });

  it('fills what a minimal file leaves out, and keeps a "calendar" cut-off', () => {
    const values = parseProfileFile(
      JSON.stringify({
        office: { code: 'X-VHTT', name: 'Phòng VH-TT', cutoff: 'calendar', recipients: ['A', 'B'] },
        communes: [{ name: 'Xã Một' }, { code: 'X2', name: 'Xã Hai', flags: ['remote'] }],
      }),
    );
    expect(values.office).toEqual({
      code: 'X-VHTT',
      name: 'Phòng VH-TT',
      parent: '',
      province: '',
      place: '',
      docSymbol: '',
      recipients: 'A\nB',
      signer: { title: '', name: '' },
      copies: '',
      filing: 'VT',
      drafter: '',
      cutoff: 'calendar',
      department: DEFAULT_DEPARTMENT,
      steering: DEFAULT_STEERING,
      subjects: ['trafficking'],
    });
    expect(values.communes).toEqual([
      { code: '', name: 'Xã Một', flags: noFlags },
      { code: 'X2', name: 'Xã Hai', flags: { ...noFlags, remote: true } },
    ]);
  });

  it('falls back to the decree09 cut-off for an unknown one', () => {
    const values = parseProfileFile(
      JSON.stringify({ office: { code: 'A', name: 'B', cutoff: 'quarterly' }, communes: [] }),
    );
    expect(values.office.cutoff).toBe('decree09');
  });

  it.each([
    ['{ "office": ', 'Tệp không phải JSON hợp lệ.'],
    ['null', 'Tệp không chứa hồ sơ đơn vị.'],
    ['42', 'Tệp không chứa hồ sơ đơn vị.'],
    ['{ "communes": [] }', 'Tệp thiếu phần "office" (thông tin đơn vị).'],
    [
      '{ "office": {}, "communes": {} }',
      'Tệp thiếu phần "communes" (danh sách địa bàn của đơn vị).',
    ],
  ])('refuses %s with a Vietnamese message', (text, message) => {
    expect(() => parseProfileFile(text)).toThrow(message);
  });
});

const view: ProfileView = {
  office: {
    code: 'LS-CAOLOC-VHTT',
    name: 'Phòng Văn hóa và Thông tin',
    parent: 'UBND huyện Cao Lộc',
    province: 'Lạng Sơn',
    place: 'Cao Lộc',
    docSymbol: 'BC-VHTT',
    recipients: ['Sở Thông tin và Truyền thông', 'UBND huyện Cao Lộc'],
    signer: { title: 'TRƯỞNG PHÒNG', name: 'Nguyễn Văn A' },
    copies: [],
    filing: 'VT',
    drafter: '',
    cutoff: 'calendar',
    department: 'Sở Văn hóa, Thể thao và Du lịch',
    steering: 'Ban Chỉ đạo 138 tỉnh',
    subjects: ['trafficking'],
  },
  communes: [
    {
      code: 'CL-HT',
      name: 'Xã Hợp Thành',
      flags: ['border', 'key'],
      absorbed: ['CL-CU'],
      active: true,
      countsAs: null,
    },
    { code: 'CL-CU', name: 'Xã Cũ', flags: [], absorbed: [], active: false, countsAs: 'CL-HT' },
    {
      code: 'CL-TH',
      name: 'Xã Thụy Hùng',
      flags: ['remote'],
      absorbed: [],
      active: true,
      countsAs: null,
    },
  ],
};

describe('toFormValues / toProfileInput', () => {
  it('shows recipients one per line and only the active communes', () => {
    const values = toFormValues(view);
    expect(values.office.recipients).toBe('Sở Thông tin và Truyền thông\nUBND huyện Cao Lộc');
    expect(values.communes.map((c) => c.code)).toEqual(['CL-HT', 'CL-TH']);
    expect(values.communes[0]?.flags).toEqual({
      border: true,
      remote: false,
      ethnic: false,
      key: true,
    });
  });

  it('round-trips a saved profile into what profile:save accepts', () => {
    const input = toProfileInput(toFormValues(view));
    expect(input).toEqual({
      office: view.office,
      communes: [
        { code: 'CL-HT', name: 'Xã Hợp Thành', flags: ['border', 'key'], absorbed: ['CL-CU'] },
        { code: 'CL-TH', name: 'Xã Thụy Hùng', flags: ['remote'] },
      ],
    });
    expect(ProfileSchema.safeParse(input).success).toBe(true);
  });

  it('leaves out empty rows and recipient lines, trims codes and names, makes missing codes, orders flags', () => {
    const values = toFormValues(view);
    values.office.code = '  LS-CAOLOC-VHTT ';
    values.office.recipients = '\n  Sở VH-TT  \n\n UBND huyện \n';
    values.communes = [
      emptyCommune(),
      {
        code: ' CL-HT ',
        name: ' Xã Hợp Thành ',
        flags: { key: true, ethnic: true, remote: false, border: true },
      },
      { code: '  ', name: '   ', flags: { ...noFlags, border: true } },
      { code: '', name: 'Xã Mới', flags: noFlags },
    ];
    const input = toProfileInput(values);
    expect(input.office.code).toBe('LS-CAOLOC-VHTT');
    expect(input.office.recipients).toEqual(['Sở VH-TT', 'UBND huyện']);
    expect(input.communes).toEqual([
      { code: 'CL-HT', name: 'Xã Hợp Thành', flags: ['border', 'ethnic', 'key'] },
      // Its code was left empty, as the placeholder offers: made from the name.
      { code: 'MOI', name: 'Xã Mới', flags: [] },
    ]);
    // An error on input commune 1 belongs to form row 3.
    expect(formRowIndex(values, 0)).toBe(1);
    expect(formRowIndex(values, 1)).toBe(3);
  });
});

// ---------- engine errors on form fields ----------

describe('parseFieldPath', () => {
  it.each([
    ['communes[1].code', ['communes', 1, 'code']],
    ['measures.km', ['measures', 'km']],
    ['communes[0]', ['communes', 0]],
    ['office.signer.name', ['office', 'signer', 'name']],
    ['[2].measures.km', [2, 'measures', 'km']],
    ['grid[1][12]', ['grid', 1, 12]],
    ['title', ['title']],
  ])('%s', (field, path) => {
    expect(parseFieldPath(field)).toEqual(path);
  });

  it('undoes the engine’s fieldPath', () => {
    const paths = [
      ['communes', 3, 'name'],
      ['office', 'recipients', 0],
      ['measures', 'messageMinutes'],
      ['themes', 1],
    ];
    for (const p of paths) expect(parseFieldPath(fieldPath(p))).toEqual(p);
  });
});

describe('messageForField', () => {
  it.each([
    ['Trường "measures.km" không được là số âm.', 'Không được là số âm.'],
    [
      'Trường "communes[0]": không có xã "Xã Ma" trong danh sách xã của đơn vị.',
      'Không có xã "Xã Ma" trong danh sách xã của đơn vị.',
    ],
    ['đã có lỗi khi lưu', 'Đã có lỗi khi lưu'],
    [
      'Dòng 3: Trường "id": mã "a" xuất hiện hai lần.',
      'Dòng 3: Trường "id": mã "a" xuất hiện hai lần.',
    ],
  ])('%s', (message, shown) => {
    expect(messageForField(message)).toBe(shown);
  });
});

// ---------- the activity form ----------

function formValues(over: Partial<ActivityFormValues> = {}): ActivityFormValues {
  return {
    ...defaultValues(),
    date: dayjs('2023-07-28'),
    communes: ['CL-HT'],
    title: 'Tuyên truyền lưu động',
    ...over,
  };
}

/** Every measure key any channel has, so a form switched between channels. */
const everyMeasure: ActivityFormValues['measures'] = {
  sessions: 3,
  km: 45,
  minutes: 240,
  pieces: 12,
  screenings: 2,
  messageMinutes: 15,
  items: 5,
  broadcasts: 10,
  copies: 1500,
  messages: 20000,
  count: 4,
  kind: 'panel',
  slogan: ' Nói không với ma túy ',
  film: 'Bí mật của gió',
  relayed: true,
  permitNo: '12/GP-STTTT',
  url: 'https://caoloc.langson.gov.vn/tin/1',
  outlet: 'Báo Lạng Sơn',
  programme: 'Vì an ninh Xứ Lạng',
};

describe('toInput', () => {
  it.each(CHANNELS.map((c) => [c]))(
    '%s: exactly its measure keys, in a payload the schema accepts',
    (channel: Channel) => {
      const input = toInput(channel, formValues({ measures: { ...everyMeasure } }));
      const { counts, extras } = CHANNEL_MEASURES[channel];
      expect(Object.keys(input.measures).sort()).toEqual([...counts, ...extras].sort());
      const parsed = ActivityInputSchema.safeParse(input);
      expect(parsed.error?.issues).toBeUndefined();
      expect(parsed.success).toBe(true);
      expect(parsed.data?.channel).toBe(channel);
    },
  );

  it('writes dates as YYYY-MM-DD and leaves out an empty end date', () => {
    const one = toInput('van', formValues({ date: dayjs('2024-03-05') }));
    expect(one.date).toBe('2024-03-05');
    expect('endDate' in one).toBe(false);
    const two = toInput(
      'van',
      formValues({ date: dayjs('2023-12-30'), endDate: dayjs(new Date(2024, 0, 2)) }),
    );
    expect([two.date, two.endDate]).toEqual(['2023-12-30', '2024-01-02']);
    expect(ActivityInputSchema.safeParse(two).success).toBe(true);
  });

  it('turns what the user left empty into zeros and leaves out blank descriptions', () => {
    const input = toInput(
      'banner',
      formValues({
        village: '  Thôn Nà Lệnh ',
        title: '  Treo băng rôn ',
        audience: null,
        costVnd: null,
        measures: { pieces: '7', kind: '', slogan: '   ' },
      }),
    );
    expect(input).toMatchObject({
      village: 'Thôn Nà Lệnh',
      title: 'Treo băng rôn',
      audience: 0,
      costVnd: 0,
      measures: { pieces: 7 },
    });
    expect(input.measures).toEqual({ pieces: 7 });
    expect(ActivityInputSchema.safeParse(input).success).toBe(true);

    const radio = toInput('radio', formValues({ measures: { items: null } }));
    expect(radio.measures).toEqual({ items: 0, broadcasts: 0, minutes: 0, relayed: false });
    expect(ActivityInputSchema.safeParse(radio).success).toBe(true);
  });

  it('trims a slogan and keeps NFD text for the schema to normalise', () => {
    const input = toInput(
      'banner',
      formValues({ measures: { pieces: 1, slogan: NFD(' Nói không với ma túy ') } }),
    );
    const parsed = ActivityInputSchema.safeParse(input);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.measures).toEqual({ pieces: 1, slogan: 'Nói không với ma túy' });
  });

  it('maps a negative km refused by the schema onto the km field, with its message', () => {
    const input = toInput('van', formValues({ measures: { sessions: 1, km: -5, minutes: 30 } }));
    const parsed = ActivityInputSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues[0];
    expect(issue).toBeDefined();
    const described = describeIssue(issue!);
    expect(described.field).toBe('measures.km');
    expect(formFieldOf(parseFieldPath(described.field))).toEqual(['measures', 'km']);
    expect(messageForField(described.msg.vi)).toBe('Không được là số âm');
  });

  it('maps an end date before the start onto the end date field', () => {
    const input = toInput(
      'van',
      formValues({ date: dayjs('2023-07-28'), endDate: dayjs('2023-07-27') }),
    );
    const parsed = ActivityInputSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    const described = describeIssue(parsed.error!.issues[0]!);
    expect(formFieldOf(parseFieldPath(described.field))).toEqual(['endDate']);
  });
});

describe('formFieldOf', () => {
  it.each([
    [
      ['measures', 'km'],
      ['measures', 'km'],
    ],
    [['communes', 0], ['communes']],
    [['themes', 1], ['themes']],
    [['title'], ['title']],
    [['costVnd'], ['costVnd']],
    [['channel'], null],
    [['id'], null],
    [['measures'], null],
    [[], null],
  ])('%j → %j', (path, name) => {
    expect(formFieldOf(path)).toEqual(name);
  });
});

function vanRow(): ActivityRow {
  return {
    id: 'a1',
    channel: 'van',
    date: '2023-07-28',
    endDate: '2023-07-30',
    communes: ['Xã Hợp Thành', 'Xã Cũ'],
    village: 'Thôn Nà Lệnh',
    themes: ['trafficking', 'drugs'],
    language: 'tay',
    title: 'Tuyên truyền lưu động hưởng ứng Ngày toàn dân phòng, chống mua bán người',
    audience: 1200,
    costVnd: 1500000,
    notes: 'Phối hợp với Công an xã',
    measures: { sessions: 3, km: 45, minutes: 240 },
    photoCount: 0,
    communeCodes: ['CL-HT', 'CL-CU'],
    createdAt: '2023-07-31T02:00:00Z',
    updatedAt: '2023-07-31T02:00:00Z',
    deletedAt: null,
  };
}

describe('fromRow', () => {
  it('puts a stored activity in the form, selecting only active communes by code', () => {
    const row = vanRow();
    const values = fromRow(row, new Set(['CL-HT', 'CL-TH']));
    expect(values.date?.format('DD/MM/YYYY')).toBe('28/07/2023');
    expect(values.endDate?.format('DD/MM/YYYY')).toBe('30/07/2023');
    expect(values.communes).toEqual(['CL-HT']);
    expect(values.language).toBe('tay');
    expect(values.measures).toEqual({ sessions: 3, km: 45, minutes: 240 });
    values.measures.km = 99;
    values.themes.push('crime');
    expect(row.measures).toEqual({ sessions: 3, km: 45, minutes: 240 });
    expect(row.themes).toEqual(['trafficking', 'drugs']);
  });

  it('saved again unchanged gives the same activity', () => {
    const row = vanRow();
    const input = toInput(row.channel, fromRow(row, new Set(row.communeCodes)));
    expect(input).toEqual({
      channel: 'van',
      date: '2023-07-28',
      endDate: '2023-07-30',
      communes: ['CL-HT', 'CL-CU'],
      village: row.village,
      themes: row.themes,
      language: 'tay',
      title: row.title,
      audience: 1200,
      costVnd: 1500000,
      notes: row.notes,
      measures: row.measures,
    });
    expect(ActivityInputSchema.safeParse(input).success).toBe(true);
  });

  it('gives no end date for a one-day activity', () => {
    const { endDate: _e, ...row } = vanRow();
    expect(fromRow(row, new Set()).endDate).toBeNull();
  });
});

describe('drafts', () => {
  it('keys new activities by channel and edits by id', () => {
    expect(draftKey('radio', null)).toBe('activity:new:radio');
    expect(draftKey('radio', 'a1')).toBe('activity:edit:a1');
  });

  it('survives JSON (as in localStorage) with its dates and measures', () => {
    const values = formValues({
      date: dayjs('2023-07-28'),
      endDate: dayjs('2023-07-30'),
      village: 'Bản Nà Lệnh',
      themes: ['drugs', 'crime'],
      audience: 300,
      measures: { items: 2, relayed: true },
    });
    const draft = toDraft(values);
    expect([draft.date, draft.endDate]).toEqual(['2023-07-28', '2023-07-30']);
    const back = fromDraft(JSON.parse(JSON.stringify(draft)) as ActivityDraft);
    expect(back.date?.isSame(values.date, 'day')).toBe(true);
    expect(back.endDate?.isSame(values.endDate, 'day')).toBe(true);
    const { date: _d, endDate: _e, ...rest } = back;
    const { date: _d2, endDate: _e2, ...expected } = values;
    expect(rest).toEqual(expected);
    expect(toInput('radio', back)).toEqual(toInput('radio', values));
  });

  it('fills a partial form with the defaults', () => {
    const draft = toDraft({ title: 'Chiếu phim' });
    expect(draft).toEqual({ ...defaultValues(), title: 'Chiếu phim', date: null, endDate: null });
  });

  it('reads an older or damaged draft without failing', () => {
    const back = fromDraft({ title: 'Cũ', date: 'không phải ngày' } as unknown as ActivityDraft);
    expect(back.title).toBe('Cũ');
    expect(back.date).toBeNull();
    expect(back.endDate).toBeNull();
    expect(back.themes).toEqual(['trafficking']);
    expect(back.measures).toEqual({});
  });
});

// ---------- audit entries in words ----------

function interchange(row: ActivityRow) {
  const {
    communeCodes: _c,
    photoCount: _p,
    createdAt: _a,
    updatedAt: _u,
    deletedAt: _d,
    ...activity
  } = row;
  return activity;
}

describe('changesOf', () => {
  it('lists what a new activity was created with, in form order, skipping blank text', () => {
    const after = { ...interchange(vanRow()), village: '', notes: '', audience: 0 };
    const changes = changesOf(null, after, {
      heading: 'Xã, thị trấn',
      placeLabel: 'Thôn, bản, tổ dân phố',
    });
    expect(changes.map((c) => [c.label, c.after])).toEqual([
      ['Hình thức', 'Xe thông tin lưu động'],
      ['Ngày thực hiện', '28/07/2023'],
      ['Đến ngày', '30/07/2023'],
      ['Xã, thị trấn', 'Xã Hợp Thành, Xã Cũ'],
      ['Chủ đề', 'Phòng, chống mua bán người, Phòng, chống ma túy'],
      ['Ngôn ngữ', 'Tiếng Tày'],
      ['Nội dung', after.title],
      ['Số người', '0'],
      ['Kinh phí (đồng)', '1.500.000'],
      ['Số buổi', '3'],
      ['Số km', '45'],
      ['Số phút', '240'],
    ]);
    expect(changes.every((c) => c.before === '(trống)')).toBe(true);
    expect(changes.some((c) => c.key === 'id')).toBe(false);
  });

  it('keeps form order whatever the order of the stored keys', () => {
    const after = {
      measures: { count: 2 },
      title: 'Câu lạc bộ',
      date: '2023-08-01',
      channel: 'model',
    };
    expect(changesOf(null, after).map((c) => c.key)).toEqual([
      'channel',
      'date',
      'title',
      'measures.count',
    ]);
  });

  it('lists only the fields an edit changed, from what to what', () => {
    const before = interchange(vanRow());
    const after = {
      ...before,
      endDate: undefined,
      title: before.title,
      audience: 1500,
      language: 'vi' as const,
      measures: { sessions: 3, km: 50, minutes: 240 },
    };
    expect(changesOf(before, after)).toEqual([
      { key: 'endDate', label: 'Đến ngày', before: '30/07/2023', after: '(trống)' },
      { key: 'language', label: 'Ngôn ngữ', before: 'Tiếng Tày', after: 'Tiếng Việt' },
      { key: 'audience', label: 'Số người', before: '1.200', after: '1.500' },
      { key: 'measures.km', label: 'Số km', before: '45', after: '50' },
    ]);
  });

  it('shows a change of channel with the measures that went and came', () => {
    const before = interchange(vanRow());
    const after = {
      ...before,
      channel: 'radio' as const,
      measures: { items: 2, broadcasts: 4, minutes: 240, relayed: true },
    };
    const changes = changesOf(before, after);
    expect(changes[0]).toEqual({
      key: 'channel',
      label: 'Hình thức',
      before: 'Xe thông tin lưu động',
      after: 'Đài truyền thanh cấp xã',
    });
    expect(changes.slice(1).map((c) => `${c.label}: ${c.before} → ${c.after}`)).toEqual([
      'Số buổi: 3 → (trống)',
      'Số km: 45 → (trống)',
      'Số tin, bài: (trống) → 2',
      'Số lượt phát: (trống) → 4',
      'Tiếp âm: (trống) → Có',
    ]);
  });

  it('finds nothing changed in an edit saved unchanged', () => {
    const before = interchange(vanRow());
    expect(changesOf(before, JSON.parse(JSON.stringify(before)))).toEqual([]);
  });
});

describe('fieldLabel / valueText / sourceLabel', () => {
  it.each([
    ['title', 'Nội dung'],
    ['costVnd', 'Kinh phí (đồng)'],
    ['measures.km', 'Số km'],
    ['measures.messageMinutes', 'Số phút tuyên truyền lồng ghép'],
    ['measures.permitNo', 'Số giấy phép xuất bản'],
    ['measures.other', 'other'],
    ['somethingElse', 'somethingElse'],
  ])('label of %s is %s', (key, label) => {
    expect(fieldLabel(key)).toBe(label);
  });

  it.each([
    ['date', '2023-07-28', '28/07/2023'],
    ['endDate', null, '(trống)'],
    ['village', '', '(trống)'],
    ['notes', undefined, '(trống)'],
    ['channel', 'cinema', 'Chiếu phim lưu động (lồng ghép trước buổi chiếu)'],
    ['channel', 'fax', 'fax'],
    ['language', 'hmong', "Tiếng H'Mông"],
    ['themes', ['crime', 'drugs'], 'Phòng, chống tội phạm, Phòng, chống ma túy'],
    ['measures.kind', 'poster', 'Áp phích'],
    ['measures.relayed', false, 'Không'],
    ['measures.relayed', true, 'Có'],
    ['costVnd', 12500000, '12.500.000'],
    ['audience', 0, '0'],
    ['communes', ['Xã Hợp Thành', 'Xã Thụy Hùng'], 'Xã Hợp Thành, Xã Thụy Hùng'],
  ])('%s = %j reads %s', (key, value, text) => {
    expect(valueText(key, value)).toBe(text);
  });

  it.each([
    ['app', 'ứng dụng trên máy'],
    ['browser', 'trình duyệt'],
    ['cli', 'dòng lệnh'],
    ['import-2023', 'import-2023'],
  ])('source %s reads %s', (source, label) => {
    expect(sourceLabel(source)).toBe(label);
  });
});

// ---------- an activity's figures as a phrase ----------

describe('measuresText', () => {
  it('writes the counts of a van with their units', () => {
    expect(measuresText(vanRow())).toBe('3 buổi, 45 km, 240 phút');
  });

  it('writes thousands the Vietnamese way and 0 for a missing count', () => {
    const row: ActivityRow = {
      ...vanRow(),
      channel: 'leaflet',
      measures: { copies: 12500, permitNo: '12/GP' },
    };
    expect(measuresText(row)).toBe('12.500 bản');
    const cinema: ActivityRow = {
      ...vanRow(),
      channel: 'cinema',
      measures: { screenings: 2 } as unknown as { screenings: number; messageMinutes: number },
    };
    expect(measuresText(cinema)).toBe('2 buổi chiếu, 0 phút');
  });

  it('adds the kind of a banner in lower case, and ignores an unknown kind', () => {
    const row: ActivityRow = {
      ...vanRow(),
      channel: 'banner',
      measures: { pieces: 12, kind: 'panel', slogan: 'Nói không với ma túy' },
    };
    expect(measuresText(row)).toBe('12 chiếc, pano');
    const odd = { ...row, measures: { pieces: 1, kind: 'flag' } } as unknown as ActivityRow;
    expect(measuresText(odd)).toBe('1 chiếc');
  });

  it('says "tiếp âm" for relayed radio airtime only', () => {
    const row: ActivityRow = {
      ...vanRow(),
      channel: 'radio',
      measures: { items: 5, broadcasts: 10, minutes: 30, relayed: true },
    };
    expect(measuresText(row)).toBe('5 tin, bài, 10 lượt phát, 30 phút, tiếp âm');
    expect(measuresText({ ...row, measures: { ...row.measures, relayed: false } })).toBe(
      '5 tin, bài, 10 lượt phát, 30 phút',
    );
  });
});

describe('pasting communes: spreadsheet marks and codes typed later', () => {
  it('reports a lone "x" as an unknown flag instead of reading it as "vùng xa"', () => {
    const r = parseCommuneList('Xã Hợp Thành;x', []);
    expect(r.rows[0]?.flags.remote).toBe(false);
    expect(r.unknownFlags).toEqual(['Xã Hợp Thành: "x"']);
  });

  it('does not generate a code that a later line types', () => {
    const r = parseCommuneList('Xã Hợp Thành\nHOP-THANH;Xã Hợp Thành mới', []);
    const codes = r.rows.map((row) => row.code);
    expect(new Set(codes.map((c) => c.toLowerCase())).size).toBe(2);
    expect(codes[1]).toBe('HOP-THANH');
  });
});

// ---------- locked periods, subjects on offer, package states ----------

function lock(patch: Partial<PeriodLock> = {}): PeriodLock {
  return {
    key: '2023-Q3',
    from: '2023-06-15',
    to: '2023-09-14',
    label: 'quý III năm 2023',
    lockedAt: '2023-10-05T03:00:00.000Z',
    packageSha256: 'a'.repeat(64),
    unlockedAt: null,
    unlockReason: null,
    subjects: ['trafficking', 'drugs'],
    ...patch,
  };
}

describe('lockOn / lockedReason', () => {
  it('finds the lock in force over a date, both ends included', () => {
    const locks = [lock(), lock({ key: '2023-Q2', from: '2023-03-15', to: '2023-06-14' })];
    expect(lockOn(locks, '2023-06-15')?.key).toBe('2023-Q3');
    expect(lockOn(locks, '2023-09-14')?.key).toBe('2023-Q3');
    expect(lockOn(locks, '2023-06-14')?.key).toBe('2023-Q2');
    expect(lockOn(locks, '2023-09-15')).toBeNull();
  });

  it('ignores a lock lifted for correction', () => {
    const lifted = lock({ unlockedAt: '2023-10-06T03:00:00.000Z', unlockReason: 'Bổ sung' });
    expect(lockOn([lifted], '2023-07-28')).toBeNull();
  });

  it('explains the lock in the words of the row tooltip', () => {
    expect(lockedReason(lock())).toBe(
      'Thuộc quý III năm 2023 đã xuất gói: muốn sửa, hãy mở khóa ở màn hình Báo cáo',
    );
  });
});

describe('offeredSubjects', () => {
  it("offers exactly the signed subjects of a locked period, in the app's order", () => {
    expect(offeredSubjects(lock({ subjects: ['drugs', 'trafficking'] }), ['crime'])).toEqual([
      'trafficking',
      'drugs',
    ]);
  });

  it("offers the profile's subjects when open, unlocked or signed before subjects", () => {
    const profile = ['all', 'drugs'] as const;
    expect(offeredSubjects(null, [...profile])).toEqual(['drugs', 'all']);
    const lifted = lock({ unlockedAt: '2023-10-06T03:00:00.000Z' });
    expect(offeredSubjects(lifted, [...profile])).toEqual(['drugs', 'all']);
    expect(offeredSubjects(lock({ subjects: [] }), [...profile])).toEqual(['drugs', 'all']);
  });

  it('always offers one, trafficking without a profile', () => {
    expect(offeredSubjects(null, undefined)).toEqual(['trafficking']);
    expect(offeredSubjects(null, [])).toEqual(['trafficking']);
  });
});

describe('packageStateText', () => {
  const at = '2023-10-05T03:04:00.000Z';
  const local = dayjs(at).format('DD/MM/YYYY HH:mm');

  it('never says "sent" before a delivery succeeded', () => {
    expect(packageStateText({ state: 'exported', deliveredAt: null, confirmedAt: null })).toBe(
      'Đã xuất, chờ gửi',
    );
    expect(packageStateText({ state: 'delivered', deliveredAt: at, confirmedAt: null })).toBe(
      `Đã gửi lúc ${local}`,
    );
    expect(packageStateText({ state: 'delivered', deliveredAt: null, confirmedAt: null })).toBe(
      'Đã gửi',
    );
  });

  it('says the province confirmed only when the office recorded it', () => {
    expect(packageStateText({ state: 'confirmed', deliveredAt: at, confirmedAt: at })).toBe(
      `Cấp trên đã xác nhận nhận (ghi lúc ${local})`,
    );
  });
});

// ---------- the report texts' draft, by period and subject ----------

function reportTexts(patch: Partial<ReportTexts> = {}): ReportTexts {
  return {
    number: '12',
    date: '2023-10-05',
    recipients: ['Sở Văn hóa'],
    request: '',
    directives: [],
    resultsBefore: '',
    resultsAfter: '',
    strengths: '',
    limitations: '',
    nextSteps: '',
    copies: ['Như trên'],
    filing: 'VT',
    drafter: '',
    ...patch,
  };
}

describe('createTextsSaver', () => {
  const storage = new Map<string, string>();
  let state: TextsState;
  let sent: { period: string; subject: string | undefined; texts: ReportTexts }[];

  beforeEach(() => {
    storage.clear();
    sent = [];
    vi.stubGlobal('window', {
      setTimeout: globalThis.setTimeout.bind(globalThis),
      clearTimeout: globalThis.clearTimeout.bind(globalThis),
      localStorage: {
        getItem: (k: string) => storage.get(k) ?? null,
        setItem: (k: string, v: string) => void storage.set(k, v),
        removeItem: (k: string) => void storage.delete(k),
      },
    });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  function saver() {
    const s = createTextsSaver({
      name: 'report',
      send: (period, texts, subject) => {
        sent.push({ period, subject, texts });
        return Promise.resolve();
      },
      get: () => state,
      set: (patch) => {
        state = { ...state, ...patch };
      },
    });
    state = {
      period: '2023-Q3',
      subject: 'drugs',
      readOnly: false,
      texts: reportTexts(),
      lastDate: '2023-10-05',
      save: IDLE_SAVE,
      editTexts: s.editTexts,
      flush: s.flush,
    };
    return s;
  }

  it('keys the local copy by period and subject', () => {
    expect(textsDraftKey('report', '2023-Q3', 'drugs')).toBe('report:2023-Q3:drugs');
    expect(textsDraftKey('merged', '2023-Q3')).toBe('merged:2023-Q3');
  });

  it('saves text typed for drugs under drugs, even once trafficking is on show', async () => {
    const s = saver();
    s.editTexts({ strengths: 'Tuyên truyền phòng, chống ma túy trong trường học' });
    expect(storage.has('tuyentruyen:draft:report:2023-Q3:drugs')).toBe(true);
    // The switch, as the report store does it: flush, then the other subject.
    const flushed = s.flush();
    state = { ...state, subject: 'trafficking', texts: reportTexts() };
    await flushed;
    expect(sent).toHaveLength(1);
    expect(sent[0]?.subject).toBe('drugs');
    expect(sent[0]?.texts.strengths).toBe('Tuyên truyền phòng, chống ma túy trong trường học');
    expect(storage.has('tuyentruyen:draft:report:2023-Q3:drugs')).toBe(false);
    // Saved for drugs while trafficking is on show: trafficking's status is left alone.
    expect(state.save.savedAt).toBeNull();
  });

  it('shows the unsaved local copy of its own subject only', async () => {
    const s = saver();
    storage.set(
      'tuyentruyen:draft:report:2023-Q3:drugs',
      JSON.stringify(reportTexts({ strengths: 'nháp ma túy' })),
    );
    let shown: ReportTexts | null = null;
    s.open('2023-Q3', reportTexts(), (t) => (shown = t), { subject: 'trafficking' });
    expect(shown!.strengths).toBe('');
    s.open('2023-Q3', reportTexts(), (t) => (shown = t), { subject: 'drugs' });
    expect(shown!.strengths).toBe('nháp ma túy');
    await s.flush();
    expect(sent.map((x) => x.subject)).toEqual(['drugs']);
  });

  it('neither edits nor saves a signed (read-only) report, and leaves its local copy', async () => {
    const s = saver();
    state = { ...state, readOnly: true };
    s.editTexts({ strengths: 'sửa sau khi ký' });
    expect(state.texts?.strengths).toBe('');
    storage.set(
      'tuyentruyen:draft:report:2023-Q3:drugs',
      JSON.stringify(reportTexts({ strengths: 'nháp cũ' })),
    );
    let shown: ReportTexts | null = null;
    s.open('2023-Q3', reportTexts({ strengths: 'đã ký' }), (t) => (shown = t), {
      subject: 'drugs',
      readOnly: true,
    });
    expect(shown!.strengths).toBe('đã ký');
    await s.flush();
    expect(sent).toEqual([]);
    expect(state.save).toEqual(IDLE_SAVE);
    expect(storage.has('tuyentruyen:draft:report:2023-Q3:drugs')).toBe(true);
  });
});
