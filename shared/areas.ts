// An office's areas (the `communes` of its profile) are of any kind: the communes, wards and
// special zones a district-era office or a province covers, or the villages and residential
// groups of a commune's office since the 2025 reform (../shared/DOMAIN.md). Every label and
// sentence names them by the kinds the office has, never by a hard-coded "xã".

import { COMMUNE_FLAGS, type CommuneFlag } from './domain';
import { nameKey } from './text';

/** Kinds that are communes or larger; the others are villages and groups inside a commune. */
export const COMMUNE_LEVEL_KINDS: readonly string[] = [
  'xã',
  'phường',
  'thị trấn',
  'đặc khu',
  'thị xã',
  'thành phố',
  'huyện',
  'quận',
];

/**
 * Kinds people write at the start of an area's name, in the order a list of several names
 * them ("xã, phường, thị trấn"). Longer ones first where one starts another ("tổ dân phố"
 * before "tổ"), which `kindFromName` relies on.
 */
export const AREA_KINDS: readonly string[] = [
  ...COMMUNE_LEVEL_KINDS,
  'thôn',
  'bản',
  'làng',
  'ấp',
  'buôn',
  'plei',
  'bon',
  'sóc',
  'xóm',
  'tổ dân phố',
  'khu phố',
  'tiểu khu',
  'khu dân cư',
  'khối',
  'khóm',
  'khu',
  'tổ',
];

/** What an area whose name starts with no known kind is called. */
export const GENERIC_AREA = 'địa bàn';

/** Before 2025 every office's areas were communes and towns: old signed reports say "xã". */
export const LEGACY_AREA = 'xã';

const byLength = [...AREA_KINDS].sort((a, b) => b.length - a.length);
const ORDER = new Map<string, number>(AREA_KINDS.map((k, i) => [nameKey(k), i]));

/** A kind as typed ("Thôn", "TỔ DÂN PHỐ") in the form sentences use: lower case, NFC. */
export function normalKind(kind: string): string {
  return kind.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

/** The kind a name starts with ("Thôn Nà Lệnh" → "thôn"), or null. */
export function kindFromName(name: string): string | null {
  const key = nameKey(name);
  for (const kind of byLength) {
    const k = nameKey(kind);
    if (key === k || key.startsWith(`${k} `)) return kind;
  }
  return null;
}

/** An area's kind: the one its profile gives, else its name's leading word, else "địa bàn". */
export function areaKind(area: { name: string; kind?: string | null }): string {
  const given = area.kind ? normalKind(area.kind) : '';
  return given || kindFromName(area.name) || GENERIC_AREA;
}

/** Distinct kinds, in the order AREA_KINDS lists them, others after in the order met. */
export function orderedKinds(kinds: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const kind of kinds) {
    const k = normalKind(kind);
    if (k && !seen.has(nameKey(k))) seen.set(nameKey(k), k);
  }
  const rank = (key: string) => ORDER.get(key) ?? AREA_KINDS.length;
  return [...seen]
    .map(([key, kind], i) => ({ kind, r: rank(key), i }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((e) => e.kind);
}

/**
 * How a sentence names areas of these kinds after a number: "xã", "thôn, bản",
 * "xã, phường, thị trấn"; "địa bàn" when there are none to go by.
 */
export function areaNoun(kinds: readonly string[]): string {
  const list = orderedKinds(kinds);
  return list.length > 0 ? list.join(', ') : GENERIC_AREA;
}

/** The noun as a column heading or label starts it: "Thôn, bản", "Xã, thị trấn". */
export function areaHeading(kinds: readonly string[]): string {
  const noun = areaNoun(kinds);
  return noun.charAt(0).toLocaleUpperCase('vi') + noun.slice(1);
}

/** The kinds a report's sentences need: of all areas, of those reached, of each flag's. */
export interface AreaKinds {
  /** Every area of the office's current list. */
  all: string[];
  /** The areas with at least one activity in the period. */
  reached: string[];
  /** The current areas carrying each flag. */
  flagged: Record<CommuneFlag, string[]>;
}

/** A legacy report's kinds (made before areas had kinds): communes. */
export const LEGACY_KINDS: AreaKinds = {
  all: [LEGACY_AREA],
  reached: [LEGACY_AREA],
  flagged: Object.fromEntries(COMMUNE_FLAGS.map((f) => [f, [LEGACY_AREA]])) as Record<
    CommuneFlag,
    string[]
  >,
};

/** The kinds of a list of areas with their flags and their activities in the period. */
export function areaKindsOf(
  areas: readonly {
    kind: string;
    flags: readonly CommuneFlag[];
    active: boolean;
    activities: number;
  }[],
): AreaKinds {
  const current = areas.filter((a) => a.active);
  return {
    all: orderedKinds(current.map((a) => a.kind)),
    reached: orderedKinds(areas.filter((a) => a.activities > 0).map((a) => a.kind)),
    flagged: Object.fromEntries(
      COMMUNE_FLAGS.map((f) => [
        f,
        orderedKinds(current.filter((a) => a.flags.includes(f)).map((a) => a.kind)),
      ]),
    ) as Record<CommuneFlag, string[]>,
  };
}

/**
 * Channels whose work belongs to the whole office rather than to a place: news on websites,
 * the press, messages through telecom companies, and leaflets published under a permit.
 * Their activities may name no area.
 */
export const OFFICE_WIDE_CHANNELS = ['online', 'press', 'sms', 'leaflet'] as const;

export function isOfficeWide(channel: string): boolean {
  return (OFFICE_WIDE_CHANNELS as readonly string[]).includes(channel);
}

/**
 * Which area each merged-away one counts under: the area whose `absorbed` names it, followed
 * through older mergers to a current one (A into B, B later into C: A counts as C). Only
 * areas that are no longer current are ever merged away; a current one's claim wins over
 * an old list's. Returns code → code, for the merged-away areas only.
 */
export function mergeTargets(
  areas: readonly { code: string; absorbed: readonly string[]; active: boolean }[],
): Map<string, string> {
  const byKey = new Map(areas.map((a) => [nameKey(a.code), a]));
  const absorber = new Map<string, string>();
  for (const a of [...areas].sort((x, y) => Number(y.active) - Number(x.active))) {
    for (const code of a.absorbed) {
      const old = byKey.get(nameKey(code));
      if (old && old !== a && !old.active && !absorber.has(old.code))
        absorber.set(old.code, a.code);
    }
  }
  const out = new Map<string, string>();
  for (const a of areas) {
    let target = a.code;
    const seen = new Set([target]);
    for (
      let next = absorber.get(target);
      next !== undefined && !seen.has(next);
      next = absorber.get(target)
    ) {
      seen.add(next);
      target = next;
    }
    if (target !== a.code) out.set(a.code, target);
  }
  return out;
}
