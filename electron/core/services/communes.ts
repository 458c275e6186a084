// Finding an area by the name or code a user typed: any Unicode normal form, any case, any
// tone placement; and which current area an old one counts under since a merger.
import type { Database } from 'better-sqlite3';
import { areaKind, areaNoun, isOfficeWide, kindFromName } from '../../../shared/areas';
import { CHANNEL_SHORT_LABELS, type Channel } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { nameKey } from '../../../shared/text';
import { allCommunes, type CommuneDbRow } from '../queries/profile';
import type { CommuneRef } from '../queries/activities';

export class CommuneIndex {
  readonly byId = new Map<number, CommuneRef>();
  private readonly byKey = new Map<string, CommuneRef>();
  /**
   * Names without their kind word ("Hợp Thành" for "Xã Hợp Thành"), as older sheets write
   * them; null where two areas share the bare name, which then names neither.
   */
  private readonly bareKey = new Map<string, CommuneRef | null>();
  /** Codes merged away with no row of their own (an import may still name them). */
  private readonly absorbedKey = new Map<string, CommuneRef>();
  /** Each area's current area: an absorbed one's absorber, else itself. */
  private readonly target = new Map<number, CommuneRef>();
  /** The current list's kinds, for messages ("thôn, bản"). */
  readonly noun: string;
  readonly hasCurrent: boolean;

  static of(db: Database): CommuneIndex {
    return new CommuneIndex(allCommunes(db));
  }

  constructor(rows: readonly CommuneDbRow[]) {
    // Inactive communes first, so that an active one sharing a name overrides them.
    const sorted = [...rows].sort((a, b) => a.active - b.active);
    const inactive = new Set<number>();
    for (const row of sorted) {
      const ref = { id: row.id, code: row.code, name: row.name };
      this.byId.set(row.id, ref);
      this.byKey.set(nameKey(row.name), ref);
      this.byKey.set(nameKey(row.code), ref);
      const kind = kindFromName(row.name);
      if (kind) {
        const bare = nameKey(row.name.trim().split(/\s+/).slice(kind.split(' ').length).join(' '));
        const seen = this.bareKey.get(bare);
        // Rows come inactive first: a current area takes the bare name over an old one.
        const free = seen === undefined || (seen !== null && inactive.has(seen.id));
        if (bare !== '') this.bareKey.set(bare, free ? ref : null);
        if (row.active !== 1) inactive.add(row.id);
      }
      // "Khuổi Phầy" of kind "bản" is also what people call "Bản Khuổi Phầy".
      if (row.kind && !kindFromName(row.name)) {
        const spoken = nameKey(`${row.kind} ${row.name}`);
        if (!this.byKey.has(spoken)) this.byKey.set(spoken, ref);
      }
    }
    for (const row of rows) {
      this.target.set(row.id, this.byId.get(row.counts_as ?? row.id) ?? this.byId.get(row.id)!);
    }
    for (const row of sorted) {
      const to = this.target.get(row.id)!;
      for (const code of JSON.parse(row.absorbed) as string[]) {
        if (!this.byKey.has(nameKey(code))) this.absorbedKey.set(nameKey(code), to);
      }
    }
    const current = rows.filter((r) => r.active === 1);
    this.hasCurrent = current.length > 0;
    this.noun = areaNoun(current.map((r) => areaKind(r)));
  }

  /** The area named (its own row, even when merged since), or null. */
  find(nameOrCode: string): CommuneRef | undefined {
    const key = nameKey(nameOrCode);
    return this.byKey.get(key) ?? this.absorbedKey.get(key) ?? this.bareKey.get(key) ?? undefined;
  }

  /** The current area an area's figures count under (itself unless merged away). */
  countsAs(id: number): CommuneRef | undefined {
    return this.target.get(id);
  }

  /** Every area counting under the same current area as any of `ids` (a filter's reach). */
  withMerged(ids: readonly number[]): number[] {
    const targets = new Set(ids.map((id) => this.target.get(id)?.id ?? id));
    return [...this.target].filter(([, t]) => targets.has(t.id)).map(([id]) => id);
  }

  /** The names an activity is found by: its areas', and those they now count under. */
  searchNames(refs: readonly CommuneRef[]): string[] {
    const names = refs.flatMap((r) => [r.name, this.target.get(r.id)?.name ?? r.name]);
    return [...new Set(names)];
  }

  /**
   * Resolves every entry or throws naming the field ("communes[1]"). An area merged away is
   * taken as the one that absorbed it, unless the activity already names it (`keep`): what
   * was recorded stays as recorded. With `channel`, an empty list is refused where the
   * office has areas and the channel's work happens in a place.
   */
  resolve(
    values: readonly string[],
    options: { field?: string; keep?: ReadonlySet<number>; channel?: Channel } = {},
  ): CommuneRef[] {
    const prefix = options.field ?? 'communes';
    if (
      options.channel &&
      values.length === 0 &&
      this.hasCurrent &&
      !isOfficeWide(options.channel)
    ) {
      throw new AppError(
        'invalid_input',
        {
          vi:
            `Trường "${prefix}": hãy chọn ít nhất một ${this.noun} nơi tổ chức hoạt động ` +
            `"${CHANNEL_SHORT_LABELS[options.channel]}"; chỉ tin, bài trực tuyến, báo, đài, ` +
            'tin nhắn và tờ rơi mới được để trống.',
          en:
            `Field "${prefix}": name at least one area where the ${options.channel} activity took ` +
            'place; only online, press, SMS and leaflet activities may name none.',
        },
        prefix,
      );
    }
    return values.map((value, i) => {
      const ref = this.find(value);
      if (!ref) {
        const field = `${prefix}[${i}]`;
        throw new AppError(
          'invalid_input',
          {
            vi: `Trường "${field}": không có ${this.noun} "${value}" trong danh sách ${this.noun} của đơn vị.`,
            en: `Field "${field}": there is no area "${value}" in the office's list.`,
          },
          field,
        );
      }
      if (options.keep?.has(ref.id)) return ref;
      return this.target.get(ref.id) ?? ref;
    });
  }
}
