// Finding a commune by the name or code a user typed: any Unicode normal form, any case.
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { nameKey } from '../../../shared/text';
import { allCommunes, type CommuneDbRow } from '../queries/profile';
import type { CommuneRef } from '../queries/activities';

export class CommuneIndex {
  readonly byId = new Map<number, CommuneRef>();
  private readonly byKey = new Map<string, CommuneRef>();

  static of(db: Database): CommuneIndex {
    return new CommuneIndex(allCommunes(db));
  }

  constructor(rows: readonly CommuneDbRow[]) {
    // Inactive communes first, so that an active one sharing a name overrides them.
    for (const row of [...rows].sort((a, b) => a.active - b.active)) {
      const ref = { id: row.id, code: row.code, name: row.name };
      this.byId.set(row.id, ref);
      this.byKey.set(nameKey(row.name), ref);
      this.byKey.set(nameKey(row.code), ref);
    }
  }

  find(nameOrCode: string): CommuneRef | undefined {
    return this.byKey.get(nameKey(nameOrCode));
  }

  /** Resolves every entry or throws naming the field ("communes[1]"). */
  resolve(values: readonly string[], fieldPrefix = 'communes'): CommuneRef[] {
    return values.map((value, i) => {
      const ref = this.find(value);
      if (!ref) {
        const field = `${fieldPrefix}[${i}]`;
        throw new AppError(
          'invalid_input',
          {
            vi: `Trường "${field}": không có xã "${value}" trong danh sách xã của đơn vị.`,
            en: `Field "${field}": there is no commune "${value}" in the office's list.`,
          },
          field,
        );
      }
      return ref;
    });
  }
}
