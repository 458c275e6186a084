// Which counted packages make a period's merged figures, office by office: the period's own
// package, or for a half year or year an office has not sent as such, the office's packages
// of the periods inside it (Decree 09's halves and year are made of its quarters, so their
// sum is the period's figures). One rule, used by the figures, the drill-down and the status.
import type { Database } from 'better-sqlite3';
import { subjectThemes, type ReportSubject } from '../../../shared/domain';
import { periodParts, periodPieces, subPeriods } from '../../../shared/inbox';
import { sql } from '../db/statements';
import { themesToMask } from '../queries/activities';

export interface CountedRef {
  /** The package's key in the inbox tables (inbox_packages.id). */
  id: number;
  sha256: string;
  officeCode: string;
  periodKey: string;
}

/**
 * Per office, the packages among `counted` (packages with status 'current') that make its
 * figures for `periodKey`: the period's own when there is one; else, for each period one
 * level down (a year's halves, a half's quarters), chosen the same way. In time order.
 */
export function chooseCounted<T extends Pick<CountedRef, 'officeCode' | 'periodKey'>>(
  periodKey: string,
  counted: readonly T[],
): Map<string, T[]> {
  const wanted = new Set([periodKey, ...periodPieces(periodKey)]);
  const byOffice = new Map<string, Map<string, T>>();
  for (const r of counted) {
    if (!wanted.has(r.periodKey)) continue;
    const keys = byOffice.get(r.officeCode) ?? new Map<string, T>();
    keys.set(r.periodKey, r);
    byOffice.set(r.officeCode, keys);
  }
  const out = new Map<string, T[]>();
  for (const [code, keys] of byOffice) {
    const pick = (key: string): T[] => {
      const own = keys.get(key);
      return own ? [own] : subPeriods(key).flatMap(pick);
    };
    out.set(code, pick(periodKey));
  }
  return out;
}

/** The counted packages of the period and of the periods inside it, chosen per office. */
export function countedPackages(db: Database, periodKey: string): Map<string, CountedRef[]> {
  const rows = sql(
    db,
    `SELECT id, sha256, office_code AS officeCode, period_key AS periodKey FROM inbox_packages
     WHERE status = 'current' AND period_key IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify([periodKey, ...periodPieces(periodKey)])) as CountedRef[];
  return chooseCounted(periodKey, rows);
}

/** The quarters a set of periods covers (a half covers its two). */
export function coveredQuarters(keys: readonly string[]): Set<string> {
  return new Set(keys.flatMap((k) => (periodParts(k).length > 0 ? periodParts(k) : [k])));
}

/** What a merge counts: the activities of these packages tagged with one of the mask's themes. */
export interface MergeScope {
  /** inbox_packages.id of each package. */
  packages: number[];
  mask: number;
}

export function mergeScope(
  db: Database,
  periodKey: string,
  subject: ReportSubject,
): MergeScope & { byOffice: Map<string, CountedRef[]> } {
  const byOffice = countedPackages(db, periodKey);
  return {
    packages: [...byOffice.values()].flat().map((r) => r.id),
    mask: themesToMask(subjectThemes(subject)),
    byOffice,
  };
}

/** Bound parameters of a scope, as the figures' SQL names them. */
export const scopeParams = (s: MergeScope): { packages: string; mask: number } => ({
  packages: JSON.stringify(s.packages),
  mask: s.mask,
});

/**
 * The activities a scope counts, as a WHERE condition on `a` (inbox_activities): the package
 * list drives the primary key's range per package; the theme test is one AND on the row.
 */
export const IN_SCOPE = `a.package_id IN (SELECT value FROM json_each(@packages))
  AND (a.theme_mask & @mask) != 0`;
