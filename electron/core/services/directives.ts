// The directives register: documents behind the work, cited in section 1 of the report.
import type { DirectiveRow } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Directive, DirectiveInputSchema } from '../../../shared/schemas';
import { fold, searchTerms } from '../../../shared/text';
import type { z } from 'zod';
import type { Context } from '../context';
import { writeAudit } from '../queries/audit';
import { LockService } from './locks';
import {
  getDirective,
  listDirectives,
  setDirectiveDeleted,
  upsertDirective,
} from '../queries/directives';

function plain(row: DirectiveRow): Directive {
  const { createdAt: _c, updatedAt: _u, deletedAt: _d, ...directive } = row;
  return directive;
}

/** Section 1 of a signed report lists the period's directives: they lock with it. */
const LOCKED_PREFIX = { vi: 'Văn bản chỉ đạo', en: 'Directive' };

export class DirectiveService {
  private readonly locks: LockService;

  constructor(private readonly ctx: Context) {
    this.locks = new LockService(ctx);
  }

  list(deleted: boolean, search: string): DirectiveRow[] {
    return listDirectives(this.ctx.db, deleted, searchTerms(search));
  }

  private row(id: string): DirectiveRow {
    const row = getDirective(this.ctx.db, id);
    if (!row) {
      throw new AppError('not_found', {
        vi: `Không tìm thấy văn bản có mã "${id}".`,
        en: `There is no directive with id "${id}".`,
      });
    }
    return row;
  }

  save(input: z.output<typeof DirectiveInputSchema>): DirectiveRow {
    const { db } = this.ctx;
    const now = this.ctx.now();
    const before = input.id === undefined ? undefined : this.row(input.id);

    const directive: Directive = { ...input, id: input.id ?? this.ctx.newId() };
    const searchText = fold([directive.number, directive.issuer, directive.subject].join(' | '));
    // Checked under the write lock: no other process locks the period in between.
    return db
      .transaction(() => {
        this.locks.assertOpen(before ? [before.date, input.date] : [input.date], LOCKED_PREFIX);
        upsertDirective(db, directive, searchText, now);
        const after = this.row(directive.id);
        writeAudit(db, {
          at: now,
          entity: 'directive',
          entityId: directive.id,
          action: before ? 'update' : 'create',
          source: this.ctx.source,
          before: before ? plain(before) : null,
          after: plain(after),
        });
        return after;
      })
      .immediate();
  }

  setDeleted(id: string, deleted: boolean): DirectiveRow {
    const { db } = this.ctx;
    const before = this.row(id);
    if ((before.deletedAt !== null) === deleted) return before;
    const now = this.ctx.now();
    return db
      .transaction(() => {
        this.locks.assertOpen([before.date], LOCKED_PREFIX);
        setDirectiveDeleted(db, id, deleted ? now : null, now);
        writeAudit(db, {
          at: now,
          entity: 'directive',
          entityId: id,
          action: deleted ? 'delete' : 'restore',
          source: this.ctx.source,
          before: plain(before),
          after: deleted ? null : plain(before),
        });
        return this.row(id);
      })
      .immediate();
  }
}
