// Activities: create, edit, soft delete and restore, import; each change audited.
import type { ActivityPages, ActivityRow, ActivitySummary } from '../../../shared/contract';
import { CHANNEL_LABELS } from '../../../shared/domain';
import { AppError, type Msg } from '../../../shared/errors';
import { describeIssue } from '../../../shared/issues';
import type { ChannelLargest } from '../../../shared/plausibility';
import {
  ActivityInputSchema,
  DEFAULT_PAGE_SIZE,
  type ActivityData,
  type ActivityFilter,
  type ActivityKey,
  type ActivityPageInput,
  type ActivityPagesInput,
  type ActivityWindow,
} from '../../../shared/schemas';
import { fold, searchTerms } from '../../../shared/text';
import type { Context } from '../context';
import {
  communeIdsOf,
  getActivityRow,
  insertActivity,
  latestOfChannel,
  listActivities,
  setUpdatedAt,
  rowToActivity,
  setDeleted,
  toInterchange,
  updateActivity,
  type ResolvedFilter,
} from '../queries/activities';
import { writeAudit } from '../queries/audit';
import { totalsOf } from '../queries/totals';
import { keyLength, pageAnchors, pageFrom } from '../queries/logbookPages';
import { largestOfChannel } from '../queries/largest';
import { getOffice } from '../queries/profile';
import { CommuneIndex } from './communes';
import { LockService } from './locks';
import { resolvePeriod } from './period';

export const MAX_PAGE = 100_000;

export function notFound(id: string): AppError {
  return new AppError('not_found', {
    vi: `Không tìm thấy hoạt động có mã "${id}".`,
    en: `There is no activity with id "${id}".`,
  });
}

export function searchTextOf(data: ActivityData, communeNames: readonly string[]): string {
  const m = data.measures as Record<string, unknown>;
  const parts = [
    data.title,
    data.village,
    data.notes,
    CHANNEL_LABELS[data.channel],
    ...communeNames,
    ...['slogan', 'film', 'permitNo', 'url', 'outlet', 'programme'].map((k) =>
      typeof m[k] === 'string' ? m[k] : '',
    ),
  ];
  return fold(parts.filter((p) => p !== '').join(' | '));
}

export class ActivityService {
  private readonly locks: LockService;

  constructor(private readonly ctx: Context) {
    this.locks = new LockService(ctx);
  }

  private requireProfile(): void {
    if (!getOffice(this.ctx.db)) {
      throw new AppError('no_profile', {
        vi: 'Chưa có thông tin đơn vị và danh sách xã. Hãy khai báo đơn vị trước (tuyentruyen setup --profile TỆP.json).',
        en: 'The office profile and its communes are not set up yet (tuyentruyen setup --profile FILE.json).',
      });
    }
  }

  private row(id: string): ActivityRow {
    const row = getActivityRow(this.ctx.db, id);
    if (!row) throw notFound(id);
    return rowToActivity(row, CommuneIndex.of(this.ctx.db).byId);
  }

  get(id: string): ActivityRow {
    return this.row(id);
  }

  /** The yardstick for asking about an unusual figure before saving. */
  largest(channel: ActivityData['channel']): ChannelLargest {
    return largestOfChannel(this.ctx.db, channel);
  }

  latest(channel: ActivityData['channel']): ActivityRow | null {
    const row = latestOfChannel(this.ctx.db, channel);
    return row ? rowToActivity(row, CommuneIndex.of(this.ctx.db).byId) : null;
  }

  private resolve(filter: ActivityFilter): {
    resolved: ResolvedFilter;
    period: ActivitySummary['period'];
    communes: CommuneIndex;
  } {
    const { db } = this.ctx;
    const communes = CommuneIndex.of(db);
    const resolved: ResolvedFilter = { deleted: filter.deleted ?? false };
    let period: ActivitySummary['period'] = null;
    if (filter.period !== undefined && filter.period !== '') {
      const p = resolvePeriod(db, filter.period);
      period = { key: p.key, from: p.from, to: p.to, label: p.label };
      resolved.from = period.from;
      resolved.to = period.to;
    }
    if (filter.channels?.length) resolved.channels = filter.channels;
    if (filter.themes?.length) resolved.themes = filter.themes;
    if (filter.communes?.length) {
      // A merged area and the one that absorbed it are found by either name.
      resolved.communeIds = communes.withMerged(communes.resolve(filter.communes).map((c) => c.id));
    }
    const terms = searchTerms(filter.search ?? '');
    if (terms.length > 0) resolved.terms = terms;
    return { resolved, period, communes };
  }

  /** A window of the filtered logbook, newest first (the logbook pages through it). */
  list(window: ActivityWindow): ActivityRow[] {
    const { resolved, communes } = this.resolve(window);
    return listActivities(this.ctx.db, resolved, communes.byId, {
      offset: window.offset ?? 0,
      limit: window.limit ?? MAX_PAGE,
    });
  }

  /** Totals of everything the filter matches, per channel and measure. */
  summary(filter: ActivityFilter): ActivitySummary {
    const { resolved, period } = this.resolve(filter);
    return { totals: totalsOf(this.ctx.db, resolved), period };
  }

  /** What the logbook opens with; read in one transaction so the parts agree. */
  pages(input: ActivityPagesInput): ActivityPages {
    const { resolved, period, communes } = this.resolve(input);
    const pageSize = input.pageSize ?? DEFAULT_PAGE_SIZE;
    const { db } = this.ctx;
    return db.transaction(() => ({
      totals: totalsOf(db, resolved),
      period,
      pageSize,
      first: pageFrom(db, resolved, communes.byId, null, pageSize),
    }))();
  }

  /** The key of the first row of every page of the filtered logbook, in its order. */
  anchors(input: ActivityPagesInput): ActivityKey[] {
    const { resolved } = this.resolve(input);
    return pageAnchors(this.ctx.db, resolved, input.pageSize ?? DEFAULT_PAGE_SIZE);
  }

  /** A page of the logbook from a key `anchors` gave (rows changed since may shift it). */
  page(input: ActivityPageInput): ActivityRow[] {
    const { resolved, communes } = this.resolve(input);
    const n = keyLength(resolved);
    if (input.from.length !== n) {
      throw new AppError(
        'invalid_input',
        {
          vi: `Trường "from" phải có ${n} giá trị (${n === 3 ? 'ngày, thời điểm ghi, mã' : 'thời điểm xóa, mã'}) theo thứ tự của sổ.`,
          en: `Field "from" must hold ${n} values (${n === 3 ? 'date, createdAt, id' : 'deletedAt, id'}) in the logbook's order.`,
        },
        'from',
      );
    }
    const limit = input.limit ?? DEFAULT_PAGE_SIZE;
    return pageFrom(this.ctx.db, resolved, communes.byId, input.from, limit);
  }

  create(data: ActivityData): ActivityRow {
    this.requireProfile();
    const { db } = this.ctx;
    const id = data.id ?? this.ctx.newId();
    if (data.id !== undefined && getActivityRow(db, id)) {
      throw new AppError(
        'conflict',
        {
          vi: `Đã có hoạt động mang mã "${id}".`,
          en: `An activity with id "${id}" already exists.`,
        },
        'id',
      );
    }
    const index = CommuneIndex.of(db);
    const communes = index.resolve(data.communes, { channel: data.channel });
    const now = this.ctx.now();
    // The lock is checked under the write lock: another process (the CLI beside the app)
    // cannot lock the period between the check and the write.
    return db
      .transaction(() => {
        this.locks.assertOpen([data.date]);
        insertActivity(db, {
          id,
          data,
          communeIds: communes.map((c) => c.id),
          searchText: searchTextOf(data, index.searchNames(communes)),
          now,
        });
        const after = this.row(id);
        writeAudit(db, {
          at: now,
          entity: 'activity',
          entityId: id,
          action: 'create',
          source: this.ctx.source,
          before: null,
          after: toInterchange(after),
        });
        return after;
      })
      .immediate();
  }

  update(id: string, data: ActivityData): ActivityRow {
    const { db } = this.ctx;
    if (data.id !== undefined && data.id !== id) {
      throw new AppError(
        'invalid_input',
        { vi: 'Không được đổi mã của hoạt động.', en: 'The id of an activity cannot change.' },
        'id',
      );
    }
    const before = this.row(id);
    const index = CommuneIndex.of(db);
    const communes = index.resolve(data.communes, {
      channel: data.channel,
      keep: new Set(communeIdsOf(db, id)),
    });
    const now = this.ctx.now();
    return db
      .transaction(() => {
        this.locks.assertOpen([before.date, data.date]);
        updateActivity(db, {
          id,
          data,
          communeIds: communes.map((c) => c.id),
          searchText: searchTextOf(data, index.searchNames(communes)),
          now,
        });
        const after = this.row(id);
        writeAudit(db, {
          at: now,
          entity: 'activity',
          entityId: id,
          action: 'update',
          source: this.ctx.source,
          before: toInterchange(before),
          after: toInterchange(after),
        });
        return after;
      })
      .immediate();
  }

  remove(id: string): ActivityRow {
    return this.setDeleted(id, true);
  }

  restore(id: string): ActivityRow {
    return this.setDeleted(id, false);
  }

  private setDeleted(id: string, deleted: boolean): ActivityRow {
    const { db } = this.ctx;
    const before = this.row(id);
    if ((before.deletedAt !== null) === deleted) return before;
    const now = this.ctx.now();
    return db
      .transaction(() => {
        this.locks.assertOpen([before.date]);
        setDeleted(db, id, deleted ? now : null, now);
        writeAudit(db, {
          at: now,
          entity: 'activity',
          entityId: id,
          action: deleted ? 'delete' : 'restore',
          source: this.ctx.source,
          before: toInterchange(before),
          after: deleted ? null : toInterchange(before),
        });
        return this.row(id);
      })
      .immediate();
  }

  /**
   * All or nothing: every record is checked (schema, communes, duplicate ids) before the
   * first write, and all writes share one transaction. A record whose id exists already
   * updates it; an identical one changes nothing.
   */
  importMany(
    records: readonly unknown[],
    where: (index: number, id?: string) => Msg,
  ): ImportResult {
    this.requireProfile();
    const { db } = this.ctx;
    const communes = CommuneIndex.of(db);
    const seen = new Set<string>();
    const prepared = records.map((raw, index) => {
      const rawId =
        typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
      const at = where(index, typeof rawId === 'string' ? rawId : undefined);
      const parsed = ActivityInputSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = describeIssue(parsed.error.issues[0]!);
        throw new AppError(
          'invalid_input',
          { vi: `${at.vi}: ${issue.msg.vi}.`, en: `${at.en}: ${issue.msg.en}.` },
          issue.field,
        );
      }
      const data = parsed.data;
      let refs;
      try {
        const existing = data.id === undefined ? [] : communeIdsOf(db, data.id);
        refs = communes.resolve(data.communes, { channel: data.channel, keep: new Set(existing) });
      } catch (err) {
        if (err instanceof AppError) {
          throw new AppError(
            'invalid_input',
            { vi: `${at.vi}: ${err.msg.vi}`, en: `${at.en}: ${err.msg.en}` },
            err.field,
          );
        }
        throw err;
      }
      if (data.id !== undefined) {
        if (seen.has(data.id)) {
          throw new AppError(
            'invalid_input',
            {
              vi: `${at.vi}: Trường "id": mã "${data.id}" xuất hiện hai lần trong tệp.`,
              en: `${at.en}: Field "id": the id "${data.id}" appears twice in the file.`,
            },
            'id',
          );
        }
        seen.add(data.id);
      }
      return { data, refs, at };
    });

    const result: ImportResult = { created: 0, updated: 0, unchanged: 0 };
    const now = this.ctx.now();
    // Locks are checked under the write lock, as for a single save.
    db.transaction(() => {
      for (const { data, refs, at } of prepared) {
        const id = data.id ?? this.ctx.newId();
        const write = {
          id,
          data,
          communeIds: refs.map((c) => c.id),
          searchText: searchTextOf(data, communes.searchNames(refs)),
          now,
        };
        const existing = getActivityRow(db, id);
        this.locks.assertOpen(existing ? [existing.date, data.date] : [data.date], at);
        if (!existing) {
          insertActivity(db, write);
          writeAudit(db, {
            at: now,
            entity: 'activity',
            entityId: id,
            action: 'create',
            source: this.ctx.source,
            before: null,
            after: toInterchange(rowToActivity(getActivityRow(db, id)!, communes.byId)),
          });
          result.created++;
          continue;
        }
        const before = toInterchange(rowToActivity(existing, communes.byId));
        updateActivity(db, write);
        const after = toInterchange(rowToActivity(getActivityRow(db, id)!, communes.byId));
        if (JSON.stringify(before) === JSON.stringify(after)) {
          // Identical record: undo the touch of updated_at.
          setUpdatedAt(db, id, existing.updated_at);
          result.unchanged++;
          continue;
        }
        writeAudit(db, {
          at: now,
          entity: 'activity',
          entityId: id,
          action: 'update',
          source: this.ctx.source,
          before,
          after,
        });
        result.updated++;
      }
    }).immediate();
    return result;
  }
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}
