// Who reports: since 1 July 2025 a commune's Phòng Văn hóa - Xã hội (its areas: villages),
// the province's Sở Văn hóa, Thể thao và Du lịch (no areas; it merges the communes' reports
// and does outreach itself), and the press agencies (no areas); before, district offices.
// The reporting line (parent, recipients, steering committee, signer) is profile data; these
// are the defaults each kind starts from (../shared/DOMAIN.md, "Administrative reform").

import { nameKey } from './text';

export const OFFICE_KINDS = ['commune', 'province', 'press', 'district'] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];

/** The department offices report to, from 2025 on. */
export const DEFAULT_DEPARTMENT = 'Sở Văn hóa, Thể thao và Du lịch';
/** The province's steering committee the department reports to. */
export const DEFAULT_STEERING = 'Ban Chỉ đạo 138 tỉnh';

export interface OfficeKindInfo {
  /** "Cơ quan tôi là": the choice on the first run. */
  label: string;
  hint: string;
  /** What the office is usually called. */
  name: string;
  /** The parent line, with "…" where the place goes. */
  parent: string;
  docSymbol: string;
  signerTitle: string;
  /** What the office's areas are called, for the profile screen's hints. */
  areas: string;
  /** An example area name. */
  areaExample: string;
  /** Whether the office covers areas at all (a department or press agency does not). */
  hasAreas: boolean;
  /** Turns on the province desk (taking in and merging the offices' packages). */
  province: boolean;
}

export const OFFICE_KIND_INFO: Record<OfficeKind, OfficeKindInfo> = {
  commune: {
    label: 'Phòng Văn hóa - Xã hội cấp xã',
    hint: 'xã, phường, đặc khu (từ 01/7/2025): ghi sổ hoạt động tại các thôn, bản, tổ dân phố, lập báo cáo và gửi lên Sở.',
    name: 'Phòng Văn hóa - Xã hội',
    parent: 'UBND xã …',
    docSymbol: 'BC-VHXH',
    signerTitle: 'KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG',
    areas: 'thôn, bản, tổ dân phố',
    areaExample: 'Thôn Nà Lệnh',
    hasAreas: true,
    province: false,
  },
  province: {
    label: 'Sở Văn hóa, Thể thao và Du lịch',
    hint: 'cấp tỉnh: nhận và tổng hợp báo cáo của các xã, phường, đồng thời ghi sổ hoạt động do Sở tự thực hiện.',
    name: DEFAULT_DEPARTMENT,
    parent: 'UBND tỉnh …',
    docSymbol: 'BC-SVHTTDL',
    signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
    areas: 'xã, phường, đặc khu',
    areaExample: 'Xã Hợp Thành',
    hasAreas: false,
    province: true,
  },
  press: {
    label: 'Cơ quan báo chí',
    hint: 'báo, đài phát thanh - truyền hình tỉnh: ghi tin, bài, chương trình đã đăng, phát và báo cáo Sở.',
    name: 'Báo …',
    parent: '',
    docSymbol: 'BC',
    signerTitle: 'TỔNG BIÊN TẬP',
    areas: 'địa bàn',
    areaExample: '',
    hasAreas: false,
    province: false,
  },
  district: {
    label: 'Phòng Văn hóa và Thông tin cấp huyện (trước 01/7/2025)',
    hint: 'để ghi lại và báo cáo số liệu của các kỳ trước khi bỏ cấp huyện.',
    name: 'Phòng Văn hóa và Thông tin',
    parent: 'UBND huyện …',
    docSymbol: 'BC-VHTT',
    signerTitle: 'KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG',
    areas: 'xã, thị trấn',
    areaExample: 'Xã Hợp Thành',
    hasAreas: true,
    province: false,
  },
};

/**
 * An office's kind: the profile's, else read from its names (profiles made before the kind
 * was asked): a "Sở" is the department, a newspaper or radio the press, a parent "UBND
 * huyện/quận/thị xã/thành phố" a district-era office; anything else a commune's office.
 */
export function officeKindOf(office: {
  kind?: OfficeKind | null;
  name: string;
  parent: string;
}): OfficeKind {
  if (office.kind) return office.kind;
  const name = office.name.normalize('NFC').trim();
  const parent = office.parent.normalize('NFC').trim();
  if (/^Sở\s/iu.test(name)) return 'province';
  if (/^(Báo|Đài|Tạp chí)\s/iu.test(name)) return 'press';
  if (/^UBND\s+(huyện|quận|thị xã|thành phố)\s/iu.test(parent)) return 'district';
  if (/^UBND\s+tỉnh\s/iu.test(parent)) return 'province';
  return 'commune';
}

/** Who a report goes to when the profile names no one: the department, or its committee. */
export function defaultRecipients(
  kind: OfficeKind,
  line: { department: string; steering: string },
): string[] {
  const to = kind === 'province' ? line.steering : line.department;
  return to.trim() ? [to.trim()] : [];
}

/** Who a new report is addressed to: the profile's recipients, else the kind's default. */
export function recipientsOf(office: {
  kind?: OfficeKind | null;
  name: string;
  parent: string;
  recipients: readonly string[];
  department: string;
  steering: string;
}): string[] {
  return office.recipients.length > 0
    ? [...office.recipients]
    : defaultRecipients(officeKindOf(office), office);
}

/**
 * How provincial reports name an office from its certificate: "Phòng Văn hóa và Thông tin"
 * of "UBND huyện Cao Lộc" reads "Phòng Văn hóa và Thông tin huyện Cao Lộc". A name that
 * already ends with its place ("Phòng VH&TT huyện Lộc Bình") is not given it twice.
 */
export function officeDisplayName(commonName: string, organization: string): string {
  const cn = commonName.trim();
  const org = organization.trim();
  if (!org) return cn;
  if (!cn) return org;
  const prefix = /^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/iu.exec(org);
  const place = prefix ? org.slice(prefix[0].length) : org;
  if (nameKey(cn).endsWith(nameKey(place))) return cn;
  return prefix ? `${cn} ${place}` : `${cn}, ${org}`;
}
