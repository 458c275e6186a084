// The filtered logbook as a spreadsheet, kept under the data folder's exports/ like the
// reports, and handed over as bytes (the screen's download) or copied by the CLI.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ActivityFilter } from '../../../shared/schemas';
import type { Context } from '../context';
import { getOffice } from '../queries/profile';
import { MAX_PAGE, type ActivityService } from './activities';

export interface SheetFile {
  fileName: string;
  path: string;
  bytes: Buffer;
}

export class SheetExportService {
  constructor(
    private readonly ctx: Context,
    private readonly dataDir: string,
    private readonly activities: ActivityService,
  ) {}

  async activitiesBook(filter: ActivityFilter): Promise<SheetFile> {
    const office = getOffice(this.ctx.db);
    if (!office) {
      throw new AppError('no_profile', {
        vi: 'Chưa có thông tin đơn vị. Hãy khai báo đơn vị trước.',
        en: 'The office profile is not set up yet.',
      });
    }
    const summary = this.activities.summary(filter);
    const rows = [];
    for (let offset = 0; ; offset += MAX_PAGE) {
      const page = this.activities.list({ ...filter, offset, limit: MAX_PAGE });
      rows.push(...page);
      if (page.length < MAX_PAGE) break;
    }
    const span = summary.period ? summary.period.label : 'tất cả các kỳ';
    const titles = [
      office.name.toLocaleUpperCase('vi'),
      `Sổ hoạt động tuyên truyền: ${span}${filter.deleted ? ' (đã xóa)' : ''}, ${rows.length.toLocaleString('vi-VN')} hoạt động`,
    ];
    const stamp = summary.period ? summary.period.key.replace('..', '_') : 'TatCa';
    const fileName = `SoTuyenTruyen_${office.code}_${stamp}.xlsx`;
    const dir = path.join(this.dataDir, 'exports');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, fileName);
    // Written beside and renamed: a half-written workbook never stands under the name.
    const partial = `${file}.partial`;
    // exceljs loads on first use, not with the app: a second of start on a slow laptop.
    const { writeActivityBook } = await import('../sheets/activityBook');
    await writeActivityBook(partial, rows, titles);
    fs.renameSync(partial, file);
    return { fileName, path: file, bytes: fs.readFileSync(file) };
  }
}
