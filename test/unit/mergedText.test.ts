import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/domain';
import type { MergedData, OfficeFigures } from '../../shared/inbox';
import {
  CORE_COLUMNS,
  OFFICE_TABLE_HEADERS,
  isCounted,
  mergedOpeningParagraph,
  officeNames,
  officeTable,
  officesNoun,
  reportingSentence,
  shortOfficeName,
} from '../../shared/mergedText';
import { MERGED_DATA, OFFICES } from '../fixtures/mergedData';

const withOffices = (offices: OfficeFigures[], expected: number): MergedData => ({
  ...MERGED_DATA,
  offices,
  expected,
  reported: offices.filter((o) => isCounted(o.state)).length,
});

describe('who has reported', () => {
  it('counts the offices that reported and names the one missing', () => {
    expect(reportingSentence(MERGED_DATA)).toBe(
      '- Có 2/3 Phòng Văn hóa và Thông tin các huyện, thành phố gửi báo cáo kết quả tuyên ' +
        'truyền quý III năm 2023; chưa nhận được báo cáo của Phòng Văn hóa và Thông tin ' +
        'huyện Tràng Định.',
    );
  });

  it('says nothing is missing when every office reported', () => {
    const all = OFFICES.map((o) => ({ ...o, state: 'received' as const }));
    expect(reportingSentence(withOffices(all, 3))).toBe(
      '- Có 3/3 Phòng Văn hóa và Thông tin các huyện, thành phố gửi báo cáo kết quả tuyên ' +
        'truyền quý III năm 2023.',
    );
  });

  it('tells a quarantined package from a missing one', () => {
    const [caoLoc, trangDinh, vanLang] = OFFICES as [OfficeFigures, OfficeFigures, OfficeFigures];
    const s = reportingSentence(
      withOffices([caoLoc, trangDinh, { ...vanLang, state: 'quarantined' }], 3),
    );
    expect(s).toContain('Có 1/3 ');
    expect(s).toContain('chưa nhận được báo cáo của Phòng Văn hóa và Thông tin huyện Tràng Định');
    expect(s).toContain(
      'báo cáo của Phòng Văn hóa và Thông tin huyện Văn Lãng chưa được tổng hợp do chưa xác thực được chữ ký số',
    );
    expect(s).toBe(s.normalize('NFC'));
  });

  it('says "đơn vị" for offices that are not district culture offices', () => {
    const communal = OFFICES.map((o, i) => ({
      ...o,
      name: `Phòng Văn hóa - Xã hội xã ${['Đồng Đăng', 'Na Sầm', 'Thất Khê'][i]}`,
    }));
    expect(officesNoun(communal)).toEqual({ all: 'các đơn vị', counted: 'đơn vị' });
    expect(reportingSentence(withOffices(communal, 3))).toMatch(/^- Có 2\/3 đơn vị gửi báo cáo/);
    expect(
      mergedOpeningParagraph(
        'Sở Văn hóa, Thể thao và Du lịch',
        'năm 2025',
        communal,
        'trafficking',
      ),
    ).toBe(
      'Trên cơ sở báo cáo của các đơn vị, Sở Văn hóa, Thể thao và Du lịch tổng hợp, báo cáo kết ' +
        'quả tuyên truyền công tác phòng, chống mua bán người năm 2025 như sau:',
    );
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

describe('table by office', () => {
  it('counts the core channels by their main measure', () => {
    expect(CORE_COLUMNS.map((c) => `${c.label} (${c.unit})`)).toEqual([
      'Xe lưu động (buổi)',
      'Băng rôn (chiếc)',
      'Chiếu phim (buổi)',
      'Truyền thanh (tin, bài)',
    ]);
    expect(OFFICE_TABLE_HEADERS.audience).toBe('Số lượt người');
  });

  it('gives each office its figures, a note for the one missing, and totals', () => {
    const table = officeTable(MERGED_DATA);
    expect(table.rows.map((r) => [r.label, r.note, r.figures])).toEqual([
      [
        'Phòng VH&TT huyện Cao Lộc',
        null,
        { activities: 85, core: [12, 45, 10, 46], audience: 22_850 },
      ],
      [
        'Phòng VH&TT huyện Tràng Định',
        'Chưa báo cáo',
        { activities: 0, core: [0, 0, 0, 0], audience: 0 },
      ],
      [
        'Phòng VH&TT huyện Văn Lãng',
        null,
        { activities: 50, core: [9, 32, 7, 36], audience: 16_230 },
      ],
    ]);
    expect(table.total).toEqual({ activities: 135, core: [21, 77, 17, 82], audience: 39_080 });
  });

  it('adds up to the merged figures (the fixture is consistent)', () => {
    const { total } = officeTable(MERGED_DATA);
    const f = MERGED_DATA.figures;
    expect(total.activities).toBe(f.activities);
    expect(total.audience).toBe(MERGED_DATA.audience);
    expect(total.core).toEqual(
      CORE_COLUMNS.map((c) => f.byChannel[c.channel].measures[c.measure] ?? 0),
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
