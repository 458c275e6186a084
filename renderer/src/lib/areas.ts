// How screens name the office's areas: by the kinds its current areas are of ("thôn, bản",
// "xã, thị trấn"), or "địa bàn" when it has none, so that nothing says "xã" to an office
// whose areas are villages (../../../shared/areas.ts, DOMAIN.md "Administrative reform").
// A report names them by the kinds its figures carry; one signed before areas had kinds
// names communes, as its sentences do.
import type { Commune } from '../../../shared/contract';
import {
  areaHeading,
  areaKind,
  areaNoun,
  COMMUNE_LEVEL_KINDS,
  LEGACY_KINDS,
  orderedKinds,
  type AreaKinds,
} from '../../../shared/areas';
import type { ReportData } from '../../../shared/report';

/**
 * An office whose areas are all communes or larger (a district-era office) still has
 * villages inside them to name as the activity's place.
 */
const COMMUNE_LEVEL = new Set(COMMUNE_LEVEL_KINDS);

export interface AreaWords {
  /** The kinds, in the order a list names them. */
  kinds: string[];
  /** After a number or "các": "thôn, bản"; "địa bàn" when there are none. */
  noun: string;
  /** As a label or column heading starts it: "Thôn, bản". */
  heading: string;
  /** The label of an activity's free-text place, below the area's level. */
  placeLabel: string;
  placeExample: string;
}

export function areaWords(kinds: readonly string[]): AreaWords {
  const ordered = orderedKinds(kinds);
  const communes = ordered.length > 0 && ordered.every((k) => COMMUNE_LEVEL.has(k));
  return {
    kinds: ordered,
    noun: areaNoun(ordered),
    heading: areaHeading(ordered),
    placeLabel: communes ? 'Thôn, bản, tổ dân phố' : 'Địa điểm cụ thể',
    placeExample: communes ? 'Ví dụ: Thôn Nà Lệnh' : 'Ví dụ: Nhà văn hóa, trường học, chợ',
  };
}

/** The kinds of the areas new activities may name (the profile's current list). */
export function currentKinds(communes: readonly Commune[]): string[] {
  return orderedKinds(communes.filter((c) => c.active).map((c) => areaKind(c)));
}

/** The kinds a report's figures are about. */
export function reportKinds(data: Pick<ReportData, 'areaKinds'>): AreaKinds {
  return data.areaKinds ?? LEGACY_KINDS;
}

/**
 * How an area reads where an activity names it: a merged-away one with the area it now
 * counts under ("Xã Cũ (nay là Xã Mới)"), so that old records read as recorded and still
 * say where their figures go.
 */
export function areaLabel(
  name: string,
  code: string,
  byCode: ReadonlyMap<string, Commune>,
): string {
  const target = byCode.get(code)?.countsAs;
  const into = target ? byCode.get(target) : undefined;
  return into ? `${name} (nay là ${into.name})` : name;
}

/** The areas of a logbook row as they read, in the order it names them. */
export function rowAreaLabels(
  row: { communes: readonly string[]; communeCodes: readonly string[] },
  byCode: ReadonlyMap<string, Commune>,
): string[] {
  return row.communes.map((name, i) => areaLabel(name, row.communeCodes[i] ?? '', byCode));
}

/** What the areas picker of an activity says for one area it offers. */
export function areaOptionLabel(c: Commune, byCode: ReadonlyMap<string, Commune>): string {
  if (c.active) return c.name;
  const merged = areaLabel(c.name, c.code, byCode);
  return merged !== c.name ? merged : `${c.name} (đã bỏ khỏi danh sách)`;
}

/** A profile's areas by code, for the labels above. */
export function byCodeOf(communes: readonly Commune[] | undefined): Map<string, Commune> {
  return new Map((communes ?? []).map((c) => [c.code, c]));
}
