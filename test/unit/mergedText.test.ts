import { describe, expect, it } from 'vitest';
import { CHANNELS, CHANNEL_MEASURES, type Channel } from '../../shared/domain';
import type { MergedData, OfficeFigures } from '../../shared/inbox';
import type { ChannelFigures } from '../../shared/report';
import {
  CHANNEL_COLUMNS,
  OFFICE_TABLE_HEADERS,
  coverageSentence,
  docxWarnings,
  emptySections,
  isCounted,
  mergedOpeningParagraph,
  officeNames,
  officeTable,
  officeTableChannels,
  officesNoun,
  periodsPhrase,
  reportingSentence,
  shortOfficeName,
} from '../../shared/mergedText';
import { MERGED_DATA, MERGED_TEXTS, OFFICES } from '../fixtures/mergedData';

const withOffices = (offices: OfficeFigures[], expected: number): MergedData => ({
  ...MERGED_DATA,
  offices,
  expected,
  reported: offices.filter((o) => isCounted(o.state)).length,
});

describe('who has reported', () => {
  it('counts the offices that reported and names the one missing', () => {
    expect(reportingSentence(MERGED_DATA)).toBe(
      // "các" cannot follow a count: "2/3 Phòng … huyện, thành phố".
      '- Đã nhận được báo cáo kết quả tuyên truyền quý III năm 2023 của 2/3 Phòng Văn hóa ' +
        'và Thông tin huyện, thành phố; chưa nhận được báo cáo của Phòng Văn hóa và Thông ' +
        'tin huyện Tràng Định.',
    );
  });

  it('says nothing is missing when every office reported', () => {
    const all = OFFICES.map((o) => ({ ...o, state: 'received' as const }));
    expect(reportingSentence(withOffices(all, 3))).toBe(
      '- Đã nhận được báo cáo kết quả tuyên truyền quý III năm 2023 của 3/3 Phòng Văn hóa ' +
        'và Thông tin huyện, thành phố.',
    );
  });

  it('tells a quarantined package from a missing one', () => {
    const [caoLoc, trangDinh, vanLang] = OFFICES as [OfficeFigures, OfficeFigures, OfficeFigures];
    const s = reportingSentence(
      withOffices([caoLoc, trangDinh, { ...vanLang, state: 'quarantined' }], 3),
    );
    expect(s).toContain(' của 1/3 Phòng');
    expect(s).toContain('chưa nhận được báo cáo của Phòng Văn hóa và Thông tin huyện Tràng Định');
    expect(s).toContain(
      'báo cáo của Phòng Văn hóa và Thông tin huyện Văn Lãng chưa được tổng hợp do chưa xác thực được chữ ký số',
    );
    expect(s).toBe(s.normalize('NFC'));
  });

  it("names the communes' offices together, whatever the tone placement", () => {
    const communal = OFFICES.map((o, i) => ({
      ...o,
      name: `Phòng Văn ${i === 1 ? 'hoá' : 'hóa'} - Xã hội xã ${['Đồng Đăng', 'Na Sầm', 'Thất Khê'][i]}`,
    }));
    const noun = 'Phòng Văn hóa - Xã hội các xã, phường, đặc khu';
    expect(officesNoun(communal)).toEqual({
      all: noun,
      counted: 'Phòng Văn hóa - Xã hội xã, phường, đặc khu',
    });
    expect(reportingSentence(withOffices(communal, 3))).toMatch(
      /năm 2023 của 2\/3 Phòng Văn hóa - Xã hội xã, phường, đặc khu; /,
    );
    expect(
      mergedOpeningParagraph(
        'Sở Văn hóa, Thể thao và Du lịch',
        'năm 2025',
        communal,
        'trafficking',
      ),
    ).toBe(
      `Trên cơ sở báo cáo của ${noun}, Sở Văn hóa, Thể thao và Du lịch tổng hợp, báo cáo kết ` +
        'quả tuyên truyền công tác phòng, chống mua bán người năm 2025 như sau:',
    );
  });

  it('says "đơn vị" when the offices are of several kinds', () => {
    const mixed = OFFICES.map((o, i) => ({
      ...o,
      name: ['Phòng Văn hóa - Xã hội xã Đồng Đăng', 'Báo Lạng Sơn', 'Phòng Văn hóa và Thông tin'][
        i
      ]!,
    }));
    expect(officesNoun(mixed)).toEqual({ all: 'các đơn vị', counted: 'đơn vị' });
    expect(reportingSentence(withOffices(mixed, 3))).toMatch(/năm 2023 của 2\/3 đơn vị; /);
  });

  it('handles a desk with no office registered', () => {
    expect(reportingSentence(withOffices([], 0))).toBe(
      '- Chưa có đơn vị nào được đăng ký gửi báo cáo kết quả tuyên truyền quý III năm 2023.',
    );
  });
});

describe('office names', () => {
  it('shortens the usual office names, whichever way "hóa" was typed', () => {
    expect(shortOfficeName('Phòng Văn hóa và Thông tin huyện Cao Lộc')).toBe(
      'Phòng VH&TT huyện Cao Lộc',
    );
    expect(shortOfficeName('Phòng Văn hoá và Thông tin huyện Cao Lộc'.normalize('NFD'))).toBe(
      'Phòng VH&TT huyện Cao Lộc',
    );
    expect(shortOfficeName('Trung tâm Văn hóa, Thể thao và Truyền thông huyện Lộc Bình')).toBe(
      'Trung tâm VHTT&TT huyện Lộc Bình',
    );
    expect(shortOfficeName('Công an tỉnh')).toBe('Công an tỉnh');
  });

  it('adds the code where two offices carry the same name', () => {
    const same = OFFICES.map((o) => ({ ...o, name: 'Phòng Văn hóa và Thông tin' }));
    expect(officeNames(same, true)).toEqual([
      'Phòng VH&TT (LS-CAOLOC-VHTT)',
      'Phòng VH&TT (LS-TRANGDINH-VHTT)',
      'Phòng VH&TT (LS-VANLANG-VHTT)',
    ]);
    expect(officeNames(OFFICES)).toEqual([
      'Phòng Văn hóa và Thông tin huyện Cao Lộc',
      'Phòng Văn hóa và Thông tin huyện Tràng Định',
      'Phòng Văn hóa và Thông tin huyện Văn Lãng',
    ]);
  });
});

/** An office that ran only the channels given, each with its activities and main figure. */
function officeWith(
  code: string,
  state: OfficeFigures['state'],
  given: Partial<Record<Channel, [activities: number, main: number]>>,
): OfficeFigures {
  const byChannel = Object.fromEntries(
    CHANNELS.map((c) => {
      const [activities, main] = given[c] ?? [0, 0];
      const measures = main > 0 ? { [CHANNEL_MEASURES[c].counts[0]!]: main } : {};
      return [c, { activities, audience: activities * 10, costVnd: 0, measures }];
    }),
  ) as Record<Channel, ChannelFigures>;
  const activities = CHANNELS.reduce((n, c) => n + byChannel[c].activities, 0);
  return {
    code,
    name: `Phòng Văn hóa - Xã hội xã ${code}`,
    state,
    sequence: state === 'missing' ? null : 1,
    activities,
    audience: activities * 10,
    costVnd: 0,
    byChannel,
  };
}

describe('table by office', () => {
  it('heads each channel by its main measure and unit, none repeating the channel', () => {
    expect(CHANNELS.map((c) => `${CHANNEL_COLUMNS[c].label} (${CHANNEL_COLUMNS[c].unit})`)).toEqual(
      [
        'Xe lưu động (buổi)',
        'Băng rôn (chiếc)',
        'Chiếu phim (buổi)',
        'Truyền thanh (tin, bài)',
        'Tờ rơi (bản)',
        'Hội nghị (buổi)',
        'Trực tuyến (tin, bài)',
        'Báo, đài (tin, bài)',
        'Tin nhắn (tin)',
        'Mô hình (số lượng)',
      ],
    );
    expect(OFFICE_TABLE_HEADERS.audience).toBe('Số lượt người');
  });

  it('has a column for each channel with figures at a counted office, none for the others', () => {
    // Leaflets and online at Cao Lộc, meetings at Văn Lãng; no press, SMS or model anywhere.
    expect(officeTableChannels(MERGED_DATA).map((c) => c.channel)).toEqual([
      'van',
      'banner',
      'cinema',
      'radio',
      'leaflet',
      'meeting',
      'online',
    ]);
    expect(officeTable(MERGED_DATA).columns).toEqual(officeTableChannels(MERGED_DATA));
  });

  it('shows online and SMS figures of communes’ offices with their sums', () => {
    const data = withOffices(
      [
        officeWith('A', 'received', { online: [4, 9] }),
        officeWith('B', 'corrected', { online: [2, 3], sms: [1, 12_000] }),
        // Figures of a package not counted make no column: the row says why it is empty.
        officeWith('C', 'quarantined', { model: [2, 2] }),
        officeWith('D', 'missing', {}),
      ],
      4,
    );
    const table = officeTable(data);
    expect(table.columns.map((c) => `${c.label} (${c.unit})`)).toEqual([
      'Trực tuyến (tin, bài)',
      'Tin nhắn (tin)',
    ]);
    expect(table.rows.map((r) => [r.label, r.note, r.figures])).toEqual([
      ['Xã A', null, { activities: 4, channels: [9, 0], audience: 40 }],
      ['Xã B', null, { activities: 3, channels: [3, 12_000], audience: 30 }],
      [
        'Xã C',
        'Chưa tổng hợp (chưa xác thực được chữ ký số)',
        { activities: 0, channels: [0, 0], audience: 0 },
      ],
      ['Xã D', 'Chưa báo cáo', { activities: 0, channels: [0, 0], audience: 0 }],
    ]);
    expect(table.total).toEqual({ activities: 7, channels: [12, 12_000], audience: 70 });
  });

  it('counts a channel only the department runs itself, in its own row', () => {
    const own = officeWith('S', 'received', { press: [5, 40] });
    const data: MergedData = {
      ...withOffices([officeWith('A', 'received', { van: [2, 2] })], 1),
      parts: {
        own: {
          code: 'LS-SVHTTDL',
          name: 'Sở Văn hóa, Thể thao và Du lịch',
          data: {
            ...MERGED_DATA,
            figures: {
              ...MERGED_DATA.figures,
              activities: own.activities,
              byChannel: own.byChannel,
            },
            audience: own.audience,
          },
        },
        offices: MERGED_DATA,
      },
    };
    const table = officeTable(data);
    expect(table.columns.map((c) => c.channel)).toEqual(['van', 'press']);
    expect(table.rows.map((r) => [r.label, r.figures.channels])).toEqual([
      ['Sở VHTT&DL (tự thực hiện)', [0, 40]],
      ['Phòng VH-XH xã A', [2, 0]],
    ]);
    expect(table.total.channels).toEqual([2, 40]);
  });

  it('has no channel column when no office’s figures are counted', () => {
    const table = officeTable(withOffices([officeWith('D', 'missing', {})], 1));
    expect(table.columns).toEqual([]);
    expect(table.total).toEqual({ activities: 0, channels: [], audience: 0 });
  });

  it('gives each office its figures, a note for the one missing, and totals', () => {
    const table = officeTable(MERGED_DATA);
    expect(table.rows.map((r) => [r.label, r.note, r.figures])).toEqual([
      [
        'Phòng VH&TT huyện Cao Lộc',
        null,
        { activities: 85, channels: [12, 45, 10, 46, 2000, 0, 22], audience: 22_850 },
      ],
      [
        'Phòng VH&TT huyện Tràng Định',
        'Chưa báo cáo',
        { activities: 0, channels: [0, 0, 0, 0, 0, 0, 0], audience: 0 },
      ],
      [
        'Phòng VH&TT huyện Văn Lãng',
        null,
        { activities: 50, channels: [9, 32, 7, 36, 0, 4, 0], audience: 16_230 },
      ],
    ]);
    expect(table.total).toEqual({
      activities: 135,
      channels: [21, 77, 17, 82, 2000, 4, 22],
      audience: 39_080,
    });
  });

  it('adds up to the merged figures (the fixture is consistent)', () => {
    const { columns, total } = officeTable(MERGED_DATA);
    const f = MERGED_DATA.figures;
    expect(total.activities).toBe(f.activities);
    expect(total.audience).toBe(MERGED_DATA.audience);
    expect(total.channels).toEqual(
      columns.map((c) => f.byChannel[c.channel].measures[c.measure] ?? 0),
    );
    const counted = MERGED_DATA.offices.filter((o) => isCounted(o.state));
    for (const c of CHANNELS) {
      const sum = counted.reduce((n, o) => n + o.byChannel[c].activities, 0);
      expect(sum, c).toBe(f.byChannel[c].activities);
    }
    expect(counted.reduce((n, o) => n + o.costVnd, 0)).toBe(MERGED_DATA.costVnd);
    expect(MERGED_DATA.reported).toBe(2);
  });
});

const H1 = { key: '2023-H1', from: '2022-12-15', to: '2023-06-14', label: '6 tháng đầu năm 2023' };

/** The fixture's offices over the first half of 2023, each with the periods given. */
function halfYear(coverage: Record<string, { included: string[]; missing: string[] }>) {
  const offices = OFFICES.map((o) => ({
    ...o,
    state: coverage[o.code]!.included.length > 0 ? ('received' as const) : ('missing' as const),
  }));
  return {
    ...MERGED_DATA,
    figures: { ...MERGED_DATA.figures, period: H1 },
    offices,
    coverage: offices.map((o) => ({ officeCode: o.code, name: o.name, ...coverage[o.code]! })),
  };
}

describe('a half year or year made of quarterly reports', () => {
  it('names quarters of one year together, and the period itself by its label', () => {
    expect(periodsPhrase(['2023-Q1', '2023-Q2'], H1)).toBe('quý I, quý II năm 2023');
    expect(periodsPhrase(['2023-Q2'], H1)).toBe('quý II năm 2023');
    expect(periodsPhrase(['2023-H1'], H1)).toBe('6 tháng đầu năm 2023');
    const year = { key: '2023-Y', label: 'năm 2023' };
    expect(periodsPhrase(['2023-H1', '2023-Q3'], year)).toBe(
      '6 tháng đầu năm 2023, quý III năm 2023',
    );
  });

  it('says which reports each office’s figures come from and which quarters are missing', () => {
    const data = halfYear({
      'LS-CAOLOC-VHTT': { included: ['2023-Q1', '2023-Q2'], missing: [] },
      'LS-TRANGDINH-VHTT': { included: ['2023-Q1'], missing: ['2023-Q2'] },
      'LS-VANLANG-VHTT': { included: ['2023-H1'], missing: [] },
    });
    expect(coverageSentence(data)).toBe(
      '- Số liệu 6 tháng đầu năm 2023 được tổng hợp từ báo cáo quý I, quý II năm 2023 của Phòng ' +
        'Văn hóa và Thông tin huyện Cao Lộc; báo cáo quý I năm 2023 của Phòng Văn hóa và ' +
        'Thông tin huyện Tràng Định; báo cáo 6 tháng đầu năm 2023 của Phòng Văn hóa và Thông ' +
        'tin huyện Văn Lãng; Phòng Văn hóa và Thông tin huyện Tràng Định chưa gửi báo cáo quý ' +
        'II năm 2023.',
    );
  });

  it('groups offices with the same reports, and leaves out those with none', () => {
    const data = halfYear({
      'LS-CAOLOC-VHTT': { included: ['2023-Q1'], missing: ['2023-Q2'] },
      'LS-TRANGDINH-VHTT': { included: [], missing: ['2023-Q1', '2023-Q2'] },
      'LS-VANLANG-VHTT': { included: ['2023-Q1'], missing: ['2023-Q2'] },
    });
    const s = coverageSentence(data)!;
    expect(s).toBe(
      '- Số liệu 6 tháng đầu năm 2023 được tổng hợp từ báo cáo quý I năm 2023 của Phòng Văn hóa ' +
        'và Thông tin huyện Cao Lộc, Phòng Văn hóa và Thông tin huyện Văn Lãng; các đơn vị ' +
        'này chưa gửi báo cáo quý II năm 2023.',
    );
    expect(s).not.toContain('Tràng Định');
    expect(s).toBe(s.normalize('NFC'));
  });

  it('says nothing for a quarter, or when every office sent the half year’s own report', () => {
    expect(coverageSentence(MERGED_DATA)).toBeNull();
    const own = halfYear({
      'LS-CAOLOC-VHTT': { included: ['2023-H1'], missing: [] },
      'LS-TRANGDINH-VHTT': { included: [], missing: ['2023-Q1', '2023-Q2'] },
      'LS-VANLANG-VHTT': { included: ['2023-H1'], missing: [] },
    });
    expect(coverageSentence(own)).toBeNull();
  });
});

describe('before the merged Word file is made', () => {
  const blank = {
    ...MERGED_TEXTS,
    directives: ['  '],
    strengths: '',
    limitations: ' \n ',
    nextSteps: '',
  };

  it('finds the written sections left empty, blank lines counting as empty', () => {
    expect(emptySections(MERGED_TEXTS)).toEqual([]);
    expect(emptySections(blank)).toEqual(['directives', 'strengths', 'limitations', 'nextSteps']);
    expect(emptySections({ ...MERGED_TEXTS, limitations: '' })).toEqual(['limitations']);
  });

  it('warns of each empty section by its heading, and of a period no office reported', () => {
    expect(docxWarnings(MERGED_TEXTS, MERGED_DATA)).toEqual([]);
    const nobody = withOffices(
      OFFICES.map((o) => ({ ...o, state: 'missing' as const })),
      3,
    );
    expect(docxWarnings(blank, nobody).map((w) => w.text)).toEqual([
      'Mục 1. Công tác chỉ đạo, triển khai thực hiện',
      'Mục 3.1. Ưu điểm',
      'Mục 3.2. Tồn tại, hạn chế',
      'Mục 4. Phương hướng, nhiệm vụ trong thời gian tới',
      'Chưa có đơn vị nào gửi báo cáo quý III năm 2023',
    ]);
    // A quarantined package is not a report either.
    const held = withOffices(
      OFFICES.map((o) => ({ ...o, state: 'quarantined' as const })),
      3,
    );
    expect(docxWarnings(MERGED_TEXTS, held).map((w) => w.what)).toEqual(['offices']);
  });
});
