// The office profile and its communes (first run, settings, `tuyentruyen setup`).
import type { ProfileView } from '../../../shared/contract';
import type { Profile } from '../../../shared/schemas';
import type { Context } from '../context';
import {
  communeIdsOf,
  getActivityRow,
  idsOfCommunes,
  rowToActivity,
  setSearchText,
} from '../queries/activities';
import { writeAudit } from '../queries/audit';
import { getProfile, replaceCommunes, saveOffice, settleMergers } from '../queries/profile';
import { searchTextOf } from './activities';
import { CommuneIndex } from './communes';

export class ProfileService {
  constructor(private readonly ctx: Context) {}

  get(): ProfileView | null {
    return getProfile(this.ctx.db);
  }

  save(profile: Profile): ProfileView {
    const { db } = this.ctx;
    const now = this.ctx.now();
    return db.transaction(() => {
      const before = getProfile(db);
      saveOffice(db, profile.office, now);
      const renamed = replaceCommunes(db, profile.communes);
      const remapped = settleMergers(db);
      if (renamed.length + remapped.length > 0) this.refreshSearchText([...renamed, ...remapped]);
      const after = getProfile(db)!;
      writeAudit(db, {
        at: now,
        entity: 'profile',
        entityId: 'office',
        action: before ? 'update' : 'create',
        source: this.ctx.source,
        before,
        after,
      });
      return after;
    })();
  }

  /**
   * A renamed area must still be found by its new name in the logbook search, and an area
   * merged into another by the other's name too.
   */
  private refreshSearchText(communeIds: number[]): void {
    const { db } = this.ctx;
    // One index for every activity: a merger can touch thousands of them.
    const index = CommuneIndex.of(db);
    for (const id of idsOfCommunes(db, index.withMerged(communeIds))) {
      const row = rowToActivity(getActivityRow(db, id)!, index.byId);
      const refs = communeIdsOf(db, id).flatMap((c) => index.byId.get(c) ?? []);
      setSearchText(db, id, searchTextOf(row, index.searchNames(refs)));
    }
  }
}
