// The office profile and its communes (first run, settings, `tuyentruyen setup`).
import type { ProfileView } from '../../../shared/contract';
import type { Profile } from '../../../shared/schemas';
import type { Context } from '../context';
import { idsOfCommunes, setSearchText } from '../queries/activities';
import { writeAudit } from '../queries/audit';
import { getProfile, replaceCommunes, saveOffice } from '../queries/profile';
import { ActivityService, searchTextOf } from './activities';

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
      if (renamed.length > 0) this.refreshSearchText(renamed);
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

  /** A renamed commune must still be found by its new name in the logbook search. */
  private refreshSearchText(communeIds: number[]): void {
    const activities = new ActivityService(this.ctx);
    for (const id of idsOfCommunes(this.ctx.db, communeIds)) {
      const row = activities.get(id);
      setSearchText(this.ctx.db, id, searchTextOf(row, row.communes));
    }
  }
}
