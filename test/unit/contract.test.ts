import { describe, expect, it } from 'vitest';
import { methods, METHOD_NAMES, type Input, type Method } from '../../shared/contract';
import { describeIssue } from '../../shared/issues';
import { READS } from '../../renderer/src/api';
import { ActivityInputSchema, ProfileSchema } from '../../shared/schemas';

const activity: Input<'activities:create'> = {
  channel: 'van',
  date: '2023-07-28',
  endDate: '2023-07-30',
  communes: ['Xã Hợp Thành'],
  village: 'Thôn Nà Lệnh',
  themes: ['trafficking'],
  language: 'vi',
  title: 'Tuyên truyền lưu động',
  audience: 1200,
  costVnd: 1500000,
  notes: '',
  measures: { sessions: 3, km: 45, minutes: 240 },
};

/** One valid input per method; a new method without a sample does not compile. */
const samples: { [M in Method]: Input<M> } = {
  'app:info': {},
  'app:integrity': {},
  'profile:get': {},
  'profile:save': {
    office: {
      code: 'LS-CAOLOC-VHTT',
      name: 'Phòng Văn hóa và Thông tin',
      recipients: ['Sở TT&TT'],
    },
    communes: [{ code: 'CL-HT', name: 'Xã Hợp Thành', flags: ['border'] }],
  },
  'activities:list': {
    period: '2023-Q3',
    channels: ['van'],
    search: 'bang ron',
    offset: 0,
    limit: 500,
  },
  'activities:summary': { period: '2023-Q3', themes: ['drugs'], communes: ['CL-HT'] },
  'activities:pages': { period: '2023-Q3', channels: ['van'], pageSize: 200 },
  'activities:anchors': { period: '2023-Q3', channels: ['van'], pageSize: 200 },
  'activities:page': {
    search: 'luu dong',
    from: ['2023-07-28', '2023-09-01T00:00:00.000Z', 'act-1'],
    limit: 200,
  },
  'activities:get': { id: 'a1' },
  'activities:create': activity,
  'activities:update': { id: 'a1', activity },
  'activities:delete': { id: 'a1' },
  'activities:restore': { id: 'a1' },
  'activities:latest': { channel: 'radio' },
  'activities:largest': { channel: 'van' },
  'activities:audit': { id: 'a1' },
  // Records are parsed one by one by the service (so an error names the record), not here:
  // the sample's record holds no number for the negative-number check to set.
  'activities:import': { fileName: 'a.jsonl', records: [{ id: 'a1', title: 'x' }], lines: [2] },
  'sheet:open': { token: 'tok-12345678', fileName: 'so.xlsx', base64: 'UEsDBA==' },
  'sheet:progress': { token: 'tok-12345678' },
  'sheet:preview': { token: 'tok-12345678', map: { 'Đơn vị': 'notes', STT: null }, limit: 50 },
  'sheet:close': { token: 'tok-12345678' },
  'activities:importSheet': { token: 'tok-12345678', map: {} },
  'activities:sheet': { period: '2023-Q3', channels: ['van'] },
  'photos:add': { fileName: 'IMG_0001.jpg', base64: '/9j/4AAQ' },
  'photos:image': { sha256: 'a'.repeat(64), variant: 'thumb' },
  'activities:photos': { id: 'a1' },
  'activities:setPhotos': { id: 'a1', photos: [{ sha256: 'b'.repeat(64), inReport: true }] },
  'inbox:photos': { package: 'c'.repeat(64), activityId: 'a1' },
  'directives:list': { search: '4502' },
  'directives:save': {
    number: '4502/BCĐ-CAT',
    date: '2023-09-08',
    issuer: 'Ban Chỉ đạo 138 tỉnh',
    subject: 'báo cáo công tác phòng, chống mua bán người quý III năm 2023',
    direction: 'incoming',
  },
  'directives:delete': { id: 'd1' },
  'directives:restore': { id: 'd1' },
  'report:data': { period: '2023-Q3' },
  'report:series': { period: '2023-Q3', count: 4 },
  'report:texts': { period: '2023-Q3' },
  'report:saveTexts': {
    period: '2023-Q3',
    texts: {
      number: '12',
      date: '2023-09-20',
      recipients: ['Sở Văn hóa, Thể thao và Du lịch'],
      directives: ['Thực hiện Công văn số 4502/BCĐ-CAT ngày 08/9/2023 của Ban Chỉ đạo 138 tỉnh.'],
      strengths: 'Tuyên truyền kịp thời.',
      limitations: 'Kinh phí còn hạn chế.',
      nextSteps: 'Tiếp tục tuyên truyền.',
    },
  },
  'report:docx': { period: '2023-Q3' },
  'report:sheet': { period: '2023-Q3' },
  'report:open': { period: '2023-Q3' },
  'key:backup': { passphrase: 'mật khẩu sao lưu' },
  'key:restore': { base64: 'eyJmb3JtYXQiOiJ4In0=', passphrase: 'mật khẩu sao lưu' },
  'key:importPkcs12': { base64: 'MIIBAA==', passphrase: 'p12' },
  'key:unlock': { passphrase: 'mật khẩu khóa ký' },
  'periods:locks': {},
  'periods:unlock': { period: '2023-Q3', reason: 'Bổ sung hoạt động bị sót' },
  'package:export': { period: '2023-Q3' },
  'package:preview': { period: '2023-Q3' },
  'package:confirm': { sha256: 'a'.repeat(64), confirmed: true },
  'package:list': {},
  'package:verify': { path: '/tmp/LS-CAOLOC-VHTT_2023-Q3_0001.ttpkg' },
  'key:info': {},
  'outbox:list': {},
  'outbox:enqueue': {
    sha256: 'a'.repeat(64),
    folder: '/media/usb/BAOCAO',
    email: true,
    upload: true,
  },
  'outbox:sendNow': { id: 'd1' },
  'outbox:cancel': { id: 'd1' },
  'outbox:drives': {},
  'settings:getDelivery': {},
  'settings:saveDelivery': {
    smtpHost: 'smtp.langson.gov.vn',
    smtpPort: 587,
    smtpSecurity: 'starttls',
    smtpUser: 'vhtt.caoloc@langson.gov.vn',
    smtpPassword: 'mật khẩu thư',
    sender: 'vhtt.caoloc@langson.gov.vn',
    recipients: ['stttt@langson.gov.vn'],
    uploadUrl: 'https://baocao.langson.gov.vn/api/packages',
  },
  'settings:getDesks': {},
  'settings:saveDesks': { office: false, province: true, deadlineDays: 10 },
  'trust:list': {},
  'trust:addCertificate': { base64: 'MIIB', code: 'LS-CAOLOC-VHTT', name: 'Phòng VH&TT Cao Lộc' },
  'trust:addFingerprint': {
    code: 'LS-CAOLOC-VHTT',
    name: 'Phòng VH&TT Cao Lộc',
    fingerprint: 'AB:CD',
  },
  'trust:fromPackage': { sha256: 'a'.repeat(64) },
  'trust:revoke': { fingerprint: 'AB:CD' },
  'trust:restore': { fingerprint: 'AB:CD' },
  'trust:removeOffice': { code: 'LS-CAOLOC-VHT' },
  'trust:restoreOffice': { code: 'LS-CAOLOC-VHT' },
  'trust:followFrom': { code: 'LS-CAOLOC-VHT', period: '2025-Q3' },
  'inbox:import': { fileName: 'LS-CAOLOC-VHTT_2023-Q3_0001.ttpkg', base64: 'UEsDBA==' },
  'inbox:packages': { period: '2023-Q3' },
  'inbox:status': { period: '2023-Q3' },
  'inbox:completeness': { period: '2023-Q3', count: 4 },
  'inbox:figures': { period: '2023-Q3' },
  'inbox:drill': {
    period: '2023-Q3',
    channel: 'van',
    measure: 'sessions',
    office: 'LS-CAOLOC-VHTT',
  },
  'inbox:texts': { period: '2023-Q3' },
  'inbox:saveTexts': {
    period: '2023-Q3',
    texts: {
      number: '12',
      date: '2023-09-20',
      recipients: ['Ban Chỉ đạo 138 tỉnh'],
      directives: [],
      strengths: '',
      limitations: '',
      nextSteps: '',
    },
  },
  'inbox:docx': { period: '2023-Q3' },
  'inbox:sheet': { period: '2023-Q3' },
  'key:retire': { retired: true },
  'backup:status': {},
  'backup:list': {},
  'backup:make': {},
  'backup:saveSettings': { mirrorDir: 'E:\\' },
  'backup:preview': { path: '/tmp/20261202-081500-daily.sqlite' },
  'backup:restore': { path: '/tmp/CL_chuyen-may.ttmove', passphrase: 'mật khẩu chuyển máy' },
  'backup:packagePreview': { path: '/tmp/LS-CAOLOC-VHTT_2023-Q3_0001.ttpkg' },
  'backup:recoverPackage': { path: '/tmp/LS-CAOLOC-VHTT_2023-Q3_0001.ttpkg' },
  'backup:transfer': { passphrase: 'mật khẩu chuyển máy' },
};

function wrongTypeOf(value: unknown): unknown {
  if (typeof value === 'string') return 42;
  if (typeof value === 'number') return 'mười';
  if (typeof value === 'boolean') return 'có';
  if (Array.isArray(value)) return 'không phải danh sách';
  return 7;
}

/** Paths of every number inside a value. */
function numberPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'number') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => numberPaths(v, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => numberPaths(v, [...path, k]));
  }
  return [];
}

function setAt(value: unknown, path: (string | number)[], leaf: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  path.slice(0, -1).forEach((p) => (node = node[p] as Record<string | number, unknown>));
  node[path[path.length - 1]!] = leaf;
  return copy;
}

describe.each(METHOD_NAMES)('contract input of %s', (method) => {
  const schema = methods[method].input;
  const sample = samples[method] as Record<string, unknown>;

  it('accepts its sample', () => {
    expect(schema.safeParse(sample).success).toBe(true);
  });

  it('refuses an unknown field, naming it', () => {
    const result = schema.safeParse({ ...sample, mysteryField: 1 });
    expect(result.success).toBe(false);
    const issue = describeIssue(result.error!.issues[0]!);
    expect(issue.field).toBe('mysteryField');
    expect(issue.msg.vi).toContain('không được phép');
  });

  it('refuses a wrong type in each field', () => {
    for (const key of Object.keys(sample)) {
      const result = schema.safeParse({ ...sample, [key]: wrongTypeOf(sample[key]) });
      expect(result.success, `${method}.${key}`).toBe(false);
    }
  });

  it('refuses a negative number wherever it takes a number', () => {
    for (const path of numberPaths(sample)) {
      const result = schema.safeParse(setAt(sample, path, -1));
      expect(result.success, `${method} ${path.join('.')}`).toBe(false);
    }
  });
});

describe('activity schema', () => {
  it('refuses unknown channels and measure keys of another channel', () => {
    expect(ActivityInputSchema.safeParse({ ...activity, channel: 'tv' }).success).toBe(false);
    const r = ActivityInputSchema.safeParse({
      ...activity,
      measures: { sessions: 1, km: 2, minutes: 3, pieces: 4 },
    });
    expect(r.success).toBe(false);
    expect(describeIssue(r.error!.issues[0]!).field).toBe('measures.pieces');
  });

  it('refuses an end date before the start, on the endDate field, in Vietnamese', () => {
    const r = ActivityInputSchema.safeParse({ ...activity, endDate: '2023-07-01' });
    expect(r.success).toBe(false);
    const issue = describeIssue(r.error!.issues[0]!);
    expect(issue.field).toBe('endDate');
    expect(issue.msg.vi).toBe('Trường "endDate" ngày kết thúc trước ngày bắt đầu');
  });

  it('refuses fractions, dates that do not exist and empty theme lists', () => {
    expect(ActivityInputSchema.safeParse({ ...activity, audience: 1.5 }).success).toBe(false);
    expect(ActivityInputSchema.safeParse({ ...activity, date: '2023-02-30' }).success).toBe(false);
    expect(ActivityInputSchema.safeParse({ ...activity, themes: [] }).success).toBe(false);
  });

  it('stores text NFC', () => {
    const r = ActivityInputSchema.parse({ ...activity, title: 'Treo băng rôn'.normalize('NFD') });
    expect(r.title).toBe('Treo băng rôn'.normalize('NFC'));
  });

  it('defaults the optional fields of the import format', () => {
    const {
      village: _v,
      language: _l,
      audience: _a,
      costVnd: _c,
      notes: _n,
      endDate: _e,
      ...minimal
    } = activity;
    const r = ActivityInputSchema.parse(minimal);
    expect([r.village, r.language, r.audience, r.costVnd, r.notes]).toEqual(['', 'vi', 0, 0, '']);
  });
});

describe('profile schema', () => {
  it('refuses duplicate commune codes and unknown flags', () => {
    const profile = samples['profile:save'];
    const dup = { ...profile, communes: [...profile.communes, { code: 'cl-ht', name: 'Xã Khác' }] };
    const r = ProfileSchema.safeParse(dup);
    expect(r.success).toBe(false);
    expect(describeIssue(r.error!.issues[0]!).field).toBe('communes[1].code');
    const flag = { ...profile, communes: [{ code: 'A', name: 'Xã A', flags: ['coastal'] }] };
    expect(ProfileSchema.safeParse(flag).success).toBe(false);
  });
});

describe("the renderer's list of calls that change nothing", () => {
  it('holds only methods the contract marks as reads', () => {
    expect(READS.size).toBeGreaterThan(10);
    for (const name of READS) {
      expect(name in methods, name).toBe(true);
      expect(methods[name as keyof typeof methods].writes, name).toBe(false);
    }
  });
});
