// Audit entries in words: which fields changed, from what to what, as users read them.
import type { AuditAction } from '../../../../shared/contract';
import {
  BANNER_KIND_LABELS,
  CHANNEL_LABELS,
  LANGUAGE_LABELS,
  MEASURE_LABELS,
  THEME_LABELS,
  type BannerKind,
  type Channel,
  type CountMeasure,
  type ExtraMeasure,
  type Language,
  type Theme,
} from '../../../../shared/domain';
import { formatDate, formatNumber } from '../../../../shared/format';

export const ACTION_LABELS: Record<AuditAction, string> = {
  create: 'Tạo mới',
  update: 'Sửa',
  delete: 'Xóa',
  restore: 'Khôi phục',
  lock: 'Khóa kỳ',
  unlock: 'Mở khóa để sửa',
  export: 'Xuất gói dữ liệu',
  trust: 'Đăng ký đơn vị tin cậy',
  revoke: 'Thu hồi chứng thư',
  receive: 'Tiếp nhận gói',
  replace: 'Thay bản cũ',
  quarantine: 'Cách ly gói',
  release: 'Tiếp nhận gói đã cách ly',
};

export const ACTION_COLORS: Record<AuditAction, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  restore: 'gold',
  lock: 'purple',
  unlock: 'orange',
  export: 'cyan',
  trust: 'green',
  revoke: 'red',
  receive: 'cyan',
  replace: 'blue',
  quarantine: 'orange',
  release: 'gold',
};

// The sources the core writes: 'app' (desktop window), 'browser' (browser mode), 'cli'.
const SOURCE_LABELS: Record<string, string> = {
  app: 'ứng dụng trên máy',
  browser: 'trình duyệt',
  cli: 'dòng lệnh',
};

export function sourceLabel(source: string): string {
  return Object.hasOwn(SOURCE_LABELS, source) ? SOURCE_LABELS[source]! : source;
}

/** How the office names its areas and the place within them (lib/areas.ts, areaWords). */
export interface AuditWords {
  heading: string;
  placeLabel: string;
}

const NEUTRAL_WORDS: AuditWords = { heading: 'Địa bàn', placeLabel: 'Địa điểm' };

const FIELD_LABELS: Record<string, string> = {
  channel: 'Hình thức',
  date: 'Ngày thực hiện',
  endDate: 'Đến ngày',
  communes: 'Địa bàn',
  village: 'Địa điểm',
  themes: 'Chủ đề',
  language: 'Ngôn ngữ',
  title: 'Nội dung',
  audience: 'Số người',
  audienceEstimated: 'Số người là ước tính',
  costVnd: 'Kinh phí (đồng)',
  notes: 'Ghi chú',
  photos: 'Ảnh',
};

const ORDER = Object.keys(FIELD_LABELS);

function flatten(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k === 'id') continue;
    if (k === 'measures' && typeof v === 'object' && v !== null) {
      for (const [mk, mv] of Object.entries(v as Record<string, unknown>))
        out[`measures.${mk}`] = mv;
    } else out[k] = v;
  }
  return out;
}

export function fieldLabel(key: string, words: AuditWords = NEUTRAL_WORDS): string {
  if (key.startsWith('measures.')) {
    const m = key.slice('measures.'.length) as CountMeasure | ExtraMeasure;
    return MEASURE_LABELS[m] ?? m;
  }
  if (key === 'communes') return words.heading;
  if (key === 'village') return words.placeLabel;
  return FIELD_LABELS[key] ?? key;
}

function plain(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) return value.map(plain).join(', ');
  return JSON.stringify(value);
}

function labelled<K extends string>(labels: Record<K, string>, value: unknown): string {
  return typeof value === 'string' && value in labels ? labels[value as K] : plain(value);
}

export function valueText(key: string, value: unknown): string {
  // An activity naming no area is work of the whole office.
  if (key === 'communes' && Array.isArray(value) && value.length === 0) return 'Toàn đơn vị';
  if (value === undefined || value === null || value === '') return '(trống)';
  if (key === 'date' || key === 'endDate')
    return typeof value === 'string' ? formatDate(value) : plain(value);
  if (key === 'channel') return labelled<Channel>(CHANNEL_LABELS, value);
  if (key === 'language') return labelled<Language>(LANGUAGE_LABELS, value);
  if (key === 'themes' && Array.isArray(value)) {
    return value.map((t) => labelled<Theme>(THEME_LABELS, t)).join(', ');
  }
  if (key === 'measures.kind') return labelled<BannerKind>(BANNER_KIND_LABELS, value);
  return plain(value);
}

export interface Change {
  key: string;
  label: string;
  before: string;
  after: string;
  /** Said in words instead of before → after (the photos: what was added, removed, set). */
  summary?: string;
}

interface AuditPhoto {
  sha256: string;
  fileName: string;
  send: boolean;
  inReport: boolean;
}

function auditPhotos(value: unknown): AuditPhoto[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (p): p is AuditPhoto =>
      typeof p === 'object' && p !== null && typeof (p as AuditPhoto).sha256 === 'string',
  );
}

/** "thêm IMG_2041.JPG; bỏ a.jpg; b.jpg: không gửi kèm gói; đổi thứ tự ảnh". */
export function photoChanges(before: unknown, after: unknown): string {
  const b = auditPhotos(before);
  const a = auditPhotos(after);
  const inBefore = new Map(b.map((p) => [p.sha256, p]));
  const inAfter = new Set(a.map((p) => p.sha256));
  const added = a.filter((p) => !inBefore.has(p.sha256)).map((p) => p.fileName);
  const removed = b.filter((p) => !inAfter.has(p.sha256)).map((p) => p.fileName);
  const parts: string[] = [];
  if (added.length > 0) parts.push(`thêm ${added.join(', ')}`);
  if (removed.length > 0) parts.push(`bỏ ${removed.join(', ')}`);
  for (const p of a) {
    const was = inBefore.get(p.sha256);
    if (!was) continue;
    const flags: string[] = [];
    if (was.send !== p.send) flags.push(p.send ? 'gửi kèm gói' : 'không gửi kèm gói');
    if (was.inReport !== p.inReport)
      flags.push(p.inReport ? 'in trong báo cáo' : 'không in trong báo cáo');
    if (flags.length > 0) parts.push(`${p.fileName}: ${flags.join(', ')}`);
  }
  const kept = a.filter((p) => inBefore.has(p.sha256)).map((p) => p.sha256);
  const keptBefore = b.filter((p) => inAfter.has(p.sha256)).map((p) => p.sha256);
  if (kept.join() !== keptBefore.join()) parts.push('đổi thứ tự ảnh');
  return parts.join('; ');
}

/** Fields whose value differs between `before` and `after` (created: all that are set). */
export function changesOf(
  before: unknown,
  after: unknown,
  words: AuditWords = NEUTRAL_WORDS,
): Change[] {
  const b = flatten(before);
  const a = flatten(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  keys.sort((x, y) => {
    const ix = ORDER.indexOf(x.startsWith('measures.') ? 'notes' : x);
    const iy = ORDER.indexOf(y.startsWith('measures.') ? 'notes' : y);
    return ix - iy;
  });
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .filter((k) => before !== null || (a[k] !== '' && a[k] !== undefined))
    .map((k) => ({
      key: k,
      label: fieldLabel(k, words),
      before: valueText(k, b[k]),
      after: valueText(k, a[k]),
      ...(k === 'photos' ? { summary: photoChanges(b[k], a[k]) } : {}),
    }));
}
