// The contract's methods, each bound to the engine's service that answers it: what the
// desktop (IPC), browser mode (HTTP) and the CLI reach through `core.call`.

import path from 'node:path';
import { IMPORT_BACKUP_THRESHOLD } from '../../shared/backup';
import type { AppInfo, Handlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { ReportFileView } from '../../shared/report';
import type { Context } from './context';
import type { IntegrityState } from './db/integrity';
import { acquireInstanceLock, type InstanceLock } from './instance';
import { inboxPhotosOf } from './photos/queries';
import { auditOf } from './queries/audit';
import type { ActivityService } from './services/activities';
import type { BackupService } from './services/backups';
import type { DirectiveService } from './services/directives';
import type { InboxService } from './services/inbox';
import { unlockKey, type KeyAccess } from './services/keyAccess';
import type { LockService } from './services/locks';
import type { OutboxService } from './services/outbox';
import type { PackageRecovery } from './services/packageRecovery';
import { KEYS_DIR, type PackageService } from './services/packages';
import type { PhotoService } from './services/photos';
import type { ProfileService } from './services/profile';
import type { ReportFile, ReportService } from './services/report';
import type { SheetExportService } from './services/sheetExport';
import type { SheetImportService } from './services/sheetImport';
import type { TransferService } from './services/transfer';

const fileView = (f: ReportFile): ReportFileView => ({
  fileName: f.fileName,
  path: f.path,
  base64: f.bytes.toString('base64'),
});

/** What the handlers answer from: the engine's services and a few facts of its start. */
export interface Services {
  ctx: Context;
  dataDir: string;
  mode: Parameters<typeof acquireInstanceLock>[1];
  instance: InstanceLock | null;
  openFile: ((file: string) => Promise<void>) | undefined;
  keyAccess: KeyAccess;
  info(): AppInfo;
  integrity(): IntegrityState;
  activities: ActivityService;
  sheetImport: SheetImportService;
  sheetExport: SheetExportService;
  photos: PhotoService;
  profile: ProfileService;
  directives: DirectiveService;
  report: ReportService;
  locks: LockService;
  packages: PackageService;
  outbox: OutboxService;
  inbox: InboxService;
  transfer: TransferService;
  backups: BackupService;
  recovery: PackageRecovery;
}

export function contractHandlers(s: Services): Handlers {
  const { ctx, activities, sheetImport, sheetExport, photos, profile, directives, report } = s;
  const { locks, packages, outbox, inbox, transfer, backups, recovery, keyAccess } = s;
  return {
    'app:info': () => s.info(),
    'app:integrity': () => ({ state: s.integrity() }),
    'profile:get': () => profile.get(),
    'profile:save': (input) => profile.save(input),
    'activities:list': (input) => activities.list(input),
    'activities:summary': (input) => activities.summary(input),
    'activities:pages': (input) => activities.pages(input),
    'activities:anchors': (input) => activities.anchors(input),
    'activities:page': (input) => activities.page(input),
    'activities:get': ({ id }) => activities.get(id),
    'activities:create': (input) => activities.create(input),
    'activities:update': ({ id, activity }) => activities.update(id, activity),
    'activities:delete': ({ id }) => activities.remove(id),
    'activities:restore': ({ id }) => activities.restore(id),
    'activities:latest': ({ channel }) => activities.latest(channel),
    'activities:largest': ({ channel }) => activities.largest(channel),
    'activities:audit': ({ id }) => {
      activities.get(id); // not found → a clear error rather than an empty list
      return auditOf(ctx.db, 'activity', id);
    },
    'activities:import': async ({ fileName, records, lines }) => {
      if (records.length > IMPORT_BACKUP_THRESHOLD) await backups.make('import');
      return activities.importMany(records, (index, id) => {
        const idText = id === undefined ? '' : ` (id "${id}")`;
        const line = lines?.[index];
        return {
          vi: `Tệp ${fileName}, bản ghi số ${index}${idText}${line === undefined ? '' : `, dòng ${line}`}`,
          en: `File ${fileName}, record ${index}${idText}${line === undefined ? '' : `, line ${line}`}`,
        };
      });
    },
    'sheet:open': ({ token, fileName, base64, path: file }) =>
      sheetImport.open(
        token,
        file !== undefined
          ? { fileName, path: file }
          : { fileName, bytes: Buffer.from(base64 ?? '', 'base64') },
      ),
    'sheet:progress': ({ token }) => sheetImport.progress(token),
    'sheet:preview': ({ token, map, offset, limit, problemsOnly }) =>
      sheetImport.preview(token, map, {
        ...(offset !== undefined ? { offset } : {}),
        ...(limit !== undefined ? { limit } : {}),
        ...(problemsOnly !== undefined ? { problemsOnly } : {}),
      }),
    'sheet:close': ({ token }) => {
      sheetImport.close(token);
      return null;
    },
    'activities:importSheet': async ({ token, map }) => {
      if ((await sheetImport.rowsOf(token, map)) > IMPORT_BACKUP_THRESHOLD) {
        await backups.make('import');
      }
      return sheetImport.import(token, map);
    },
    'activities:sheet': async (filter) => fileView(await sheetExport.activitiesBook(filter)),
    'photos:add': ({ fileName, base64 }) => photos.add(fileName, Buffer.from(base64, 'base64')),
    'photos:image': ({ sha256, variant }) => photos.image(sha256, variant),
    'activities:photos': ({ id }) => photos.ofActivity(id),
    'activities:setPhotos': ({ id, photos: list }) => photos.setForActivity(id, list),
    'inbox:photos': ({ package: sha, activityId }) => inboxPhotosOf(ctx.db, sha, activityId),
    'directives:list': ({ deleted, search }) => directives.list(deleted ?? false, search ?? ''),
    'directives:save': (input) => directives.save(input),
    'directives:delete': ({ id }) => directives.setDeleted(id, true),
    'directives:restore': ({ id }) => directives.setDeleted(id, false),
    'report:data': ({ period, subject }) => report.data(period, subject),
    'report:series': ({ period, subject, count }) => report.series(period, count ?? 4, subject),
    'report:texts': ({ period, subject }) => report.texts(period, subject),
    'report:saveTexts': ({ period, subject, texts }) => report.saveTexts(period, subject, texts),
    'report:docx': async ({ period, subject }) => fileView(await report.docx(period, subject)),
    'report:sheet': async ({ period, subject }) => fileView(await report.sheet(period, subject)),
    'periods:locks': () => locks.list(),
    'periods:unlock': async ({ period, reason }) => {
      const key = report.period(period).key;
      locks.assertLocked(key);
      await backups.make('unlock');
      return locks.unlock(key, reason);
    },
    'package:export': ({ period, outDir, allowEmpty }) =>
      packages.export(period, { outDir, allowEmpty }),
    'package:preview': ({ period }) => packages.preview(period),
    'package:confirm': ({ sha256, confirmed, note }) => packages.confirm(sha256, confirmed, note),
    'package:list': () => packages.list(),
    'package:verify': ({ path: file }) => packages.verify(file),
    'key:info': () => packages.keyInfo(),
    'key:backup': async ({ passphrase }) => {
      const file = await packages.backupKey(passphrase);
      return { fileName: file.fileName, base64: file.bytes.toString('base64') };
    },
    'key:restore': ({ base64, passphrase }) =>
      packages.restoreKey(Buffer.from(base64, 'base64'), passphrase),
    'key:importPkcs12': ({ base64, passphrase }) =>
      packages.importPkcs12(Buffer.from(base64, 'base64'), passphrase),
    'key:retire': ({ retired }) => packages.retireKey(retired),
    'key:unlock': ({ passphrase }) => {
      unlockKey(keyAccess, path.join(s.dataDir, KEYS_DIR), passphrase);
      return packages.keyInfo();
    },
    'backup:status': () => backups.status(),
    'backup:list': () => backups.list(),
    'backup:make': () => backups.make('manual'),
    'backup:saveSettings': ({ mirrorDir }) => backups.saveSettings(mirrorDir),
    'backup:preview': ({ path: file }) => backups.preview(file),
    'backup:restore': ({ path: file, passphrase }) => {
      // Replacing the file under another running app would leave it writing to the old one.
      if (!s.instance) acquireInstanceLock(s.dataDir, s.mode).release();
      return backups.restore(file, passphrase);
    },
    'backup:packagePreview': ({ path: file }) => recovery.preview(file),
    'backup:recoverPackage': ({ path: file }) => recovery.recover(file),
    'backup:transfer': ({ outDir, outFile, passphrase }) =>
      transfer.transfer({ outDir, outFile }, passphrase),
    'outbox:list': () => outbox.list(),
    'outbox:enqueue': ({ sha256, ...to }) => outbox.enqueue(sha256, to),
    'outbox:sendNow': ({ id }) => outbox.sendNow(id),
    'outbox:cancel': ({ id }) => outbox.cancel(id),
    'outbox:drives': () => outbox.drives(),
    'settings:getDelivery': () => outbox.getSettings(),
    'settings:saveDelivery': (input) => outbox.saveSettings(input),
    'settings:getDesks': () => inbox.desks(),
    'settings:saveDesks': (input) => inbox.saveDesks(input),
    'trust:list': () => inbox.offices(),
    'trust:addCertificate': ({ base64, code, name }) =>
      inbox.addCertificate(Buffer.from(base64, 'base64'), code, name),
    'trust:addFingerprint': ({ code, name, fingerprint }) =>
      inbox.addFingerprint(code, name, fingerprint),
    'trust:fromPackage': ({ sha256, name }) => inbox.fromPackage(sha256, name),
    'trust:revoke': ({ fingerprint }) => inbox.revoke(fingerprint),
    'trust:restore': ({ fingerprint }) => inbox.restore(fingerprint),
    'trust:removeOffice': ({ code }) => inbox.removeOffice(code),
    'trust:restoreOffice': ({ code }) => inbox.restoreOffice(code),
    'trust:followFrom': ({ code, period }) => inbox.followFrom(code, period),
    'inbox:import': ({ fileName, base64 }) =>
      inbox.importBytes(fileName, Buffer.from(base64, 'base64')),
    'inbox:packages': ({ period }) => inbox.packages(period),
    'inbox:status': ({ period }) => inbox.status(period),
    'inbox:completeness': ({ period, count }) => inbox.completeness(period, count ?? 4),
    'inbox:figures': ({ period, subject }) => inbox.figures(period, subject),
    'inbox:drill': (input) => inbox.drill(input),
    'inbox:texts': ({ period, subject }) => inbox.texts(period, subject),
    'inbox:saveTexts': ({ period, subject, texts }) => inbox.saveTexts(period, subject, texts),
    'inbox:docx': async ({ period, subject }) => fileView(await inbox.docx(period, subject)),
    'inbox:sheet': async ({ period, subject }) => fileView(await inbox.sheet(period, subject)),
    'report:open': async ({ period, subject }) => {
      if (!s.openFile) {
        throw new AppError('unsupported', {
          vi: 'Chỉ mở được tệp Word trong ứng dụng trên máy tính; ở chế độ trình duyệt hãy dùng "Tải về".',
          en: 'Opening the Word file works in the desktop app only; use "Download" in browser mode.',
        });
      }
      const file = await report.docx(period, subject);
      await s.openFile(file.path);
      return fileView(file);
    },
  };
}
