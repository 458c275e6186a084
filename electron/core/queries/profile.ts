// Office profile (one row) and its communes.
import { sql } from '../db/statements';
import type { Database } from 'better-sqlite3';
import type { Commune, ProfileView } from '../../../shared/contract';
import {
  COMMUNE_FLAGS,
  type CommuneFlag,
  type Cutoff,
  type ReportSubject,
} from '../../../shared/domain';
import { mergeTargets } from '../../../shared/areas';
import type { OfficeKind } from '../../../shared/offices';
import type { CommuneInput, Office } from '../../../shared/schemas';
import { nameKey } from '../../../shared/text';

interface OfficeDbRow {
  code: string;
  name: string;
  parent: string;
  province: string;
  place: string;
  doc_symbol: string;
  recipients: string;
  signer_title: string;
  signer_name: string;
  cutoff: Cutoff;
  subjects: string;
  kind: OfficeKind | null;
  department: string;
  steering: string;
  copies: string;
  filing: string;
  drafter: string;
}

export interface CommuneDbRow {
  id: number;
  code: string;
  name: string;
  border: number;
  remote: number;
  ethnic: number;
  key_area: number;
  active: number;
  kind: string;
  absorbed: string;
  counts_as: number | null;
}

const FLAG_COLUMNS: Record<CommuneFlag, 'border' | 'remote' | 'ethnic' | 'key_area'> = {
  border: 'border',
  remote: 'remote',
  ethnic: 'ethnic',
  key: 'key_area',
};

export function rowToCommune(
  row: CommuneDbRow,
  codeOf: (id: number) => string | undefined,
): Commune {
  return {
    code: row.code,
    name: row.name,
    ...(row.kind ? { kind: row.kind } : {}),
    flags: COMMUNE_FLAGS.filter((f) => row[FLAG_COLUMNS[f]] === 1),
    absorbed: JSON.parse(row.absorbed) as string[],
    active: row.active === 1,
    countsAs: row.counts_as === null ? null : (codeOf(row.counts_as) ?? null),
  };
}

export function getOffice(db: Database): Office | null {
  const row = sql(db, 'SELECT * FROM office WHERE id = 1').get() as OfficeDbRow | undefined;
  if (!row) return null;
  return {
    code: row.code,
    name: row.name,
    parent: row.parent,
    province: row.province,
    place: row.place,
    docSymbol: row.doc_symbol,
    recipients: JSON.parse(row.recipients) as string[],
    signer: { title: row.signer_title, name: row.signer_name },
    copies: JSON.parse(row.copies) as string[],
    filing: row.filing,
    drafter: row.drafter,
    cutoff: row.cutoff,
    subjects: JSON.parse(row.subjects) as ReportSubject[],
    ...(row.kind ? { kind: row.kind } : {}),
    department: row.department,
    steering: row.steering,
  };
}

export function allCommunes(db: Database): CommuneDbRow[] {
  return sql(
    db,
    'SELECT * FROM communes ORDER BY active DESC, position, id',
  ).all() as CommuneDbRow[];
}

export function getProfile(db: Database): ProfileView | null {
  const office = getOffice(db);
  if (!office) return null;
  const rows = allCommunes(db);
  const codes = new Map(rows.map((r) => [r.id, r.code]));
  return { office, communes: rows.map((r) => rowToCommune(r, (id) => codes.get(id))) };
}

export function saveOffice(db: Database, office: Office, now: string): void {
  sql(
    db,
    `INSERT INTO office (id, code, name, parent, province, place, doc_symbol, recipients,
       signer_title, signer_name, cutoff, subjects, kind, department, steering, copies, filing,
       drafter, updated_at)
     VALUES (1, @code, @name, @parent, @province, @place, @docSymbol, @recipients, @signerTitle,
       @signerName, @cutoff, @subjects, @kind, @department, @steering, @copies, @filing,
       @drafter, @now)
     ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name,
       parent = excluded.parent, province = excluded.province, place = excluded.place,
       doc_symbol = excluded.doc_symbol, recipients = excluded.recipients,
       signer_title = excluded.signer_title, signer_name = excluded.signer_name,
       cutoff = excluded.cutoff, subjects = excluded.subjects, kind = excluded.kind,
       department = excluded.department, steering = excluded.steering,
       copies = excluded.copies, filing = excluded.filing, drafter = excluded.drafter,
       updated_at = excluded.updated_at`,
  ).run({
    code: office.code,
    name: office.name,
    parent: office.parent,
    province: office.province,
    place: office.place,
    docSymbol: office.docSymbol,
    recipients: JSON.stringify(office.recipients),
    signerTitle: office.signer.title,
    signerName: office.signer.name,
    cutoff: office.cutoff,
    subjects: JSON.stringify(office.subjects),
    kind: office.kind ?? null,
    department: office.department,
    steering: office.steering,
    copies: JSON.stringify(office.copies),
    filing: office.filing,
    drafter: office.drafter,
    now,
  });
}

/**
 * Makes the active communes exactly `communes` (matched by code): new ones inserted,
 * existing ones updated, the rest kept but marked inactive, since old activities name them.
 * Returns the ids whose name changed (their activities' search text is stale).
 */
export function replaceCommunes(db: Database, communes: readonly CommuneInput[]): number[] {
  const existing = new Map(allCommunes(db).map((c) => [nameKey(c.code), c]));
  const renamed: number[] = [];
  sql(db, 'UPDATE communes SET active = 0').run();
  const upsert = sql(
    db,
    `INSERT INTO communes (code, name, code_key, name_key, kind, border, remote, ethnic, key_area,
       absorbed, active, position)
     VALUES (@code, @name, @codeKey, @nameKey, @kind, @border, @remote, @ethnic, @key, @absorbed, 1,
       @position)
     ON CONFLICT (code_key) DO UPDATE SET code = excluded.code, name = excluded.name,
       name_key = excluded.name_key, kind = excluded.kind, border = excluded.border,
       remote = excluded.remote, ethnic = excluded.ethnic, key_area = excluded.key_area,
       absorbed = excluded.absorbed, active = 1, position = excluded.position`,
  );
  communes.forEach((c, position) => {
    const before = existing.get(nameKey(c.code));
    if (before && before.name !== c.name) renamed.push(before.id);
    upsert.run({
      code: c.code,
      name: c.name,
      codeKey: nameKey(c.code),
      nameKey: nameKey(c.name),
      kind: c.kind ?? '',
      absorbed: JSON.stringify(c.absorbed),
      border: c.flags.includes('border') ? 1 : 0,
      remote: c.flags.includes('remote') ? 1 : 0,
      ethnic: c.flags.includes('ethnic') ? 1 : 0,
      key: c.flags.includes('key') ? 1 : 0,
      position,
    });
  });
  return renamed;
}

/**
 * Sets each area's `counts_as`: the current area that absorbed it, directly or through an
 * older merger (Xã A into Xã B in 2025, Xã B into Xã C later: A counts as C). Current areas
 * count as themselves. Returns the ids whose mapping changed (their activities' search text
 * names the area they now count under).
 */
export function settleMergers(db: Database): number[] {
  const rows = allCommunes(db);
  const targets = mergeTargets(
    rows.map((r) => ({
      code: r.code,
      absorbed: JSON.parse(r.absorbed) as string[],
      active: r.active === 1,
    })),
  );
  const idOf = new Map(rows.map((r) => [r.code, r.id]));
  const changed: number[] = [];
  const set = sql(db, 'UPDATE communes SET counts_as = ? WHERE id = ?');
  for (const r of rows) {
    const target = targets.get(r.code);
    const countsAs = target === undefined ? null : (idOf.get(target) ?? null);
    if (countsAs !== r.counts_as) {
      set.run(countsAs, r.id);
      changed.push(r.id);
    }
  }
  return changed;
}
