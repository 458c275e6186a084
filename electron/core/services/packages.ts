// Exporting the signed package of a period and the office key behind it. The sequence number
// is reserved first; the file is written and read back before the database records it; then
// one transaction adds the package row and its signed reports, locks the period and writes
// the audit row.
import fs from 'node:fs';
import path from 'node:path';
import { SUBJECT_PHRASES, subjectThemes, type Theme } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { formatDate, localToday } from '../../../shared/format';
import {
  packageFileName,
  type ExportPreview,
  type ExportResult,
  type KeyInfo,
  type PackageCheck,
  type PackageRow,
} from '../../../shared/package';
import type { Period } from '../../../shared/period';
import type { PeriodRef } from '../../../shared/report';
import type { Office } from '../../../shared/schemas';
import type { Context } from '../context';
import { failpoint, processAlive, removeTemporaries } from '../durable';
import { periodActivitiesJsonSoon } from '../package/activityJsonThread';
import { inputsStamp, packageDataJson } from '../package/contents';
import { exportPhotos, photoSummary } from '../package/photos';
import {
  allPackages,
  buildPackage,
  endAttempt,
  insertPackage,
  latestPackageOf,
  packageBySha,
  reserveSequence,
  setConfirmed,
  runningAttempts,
  sha256Of,
  verifyPackage,
  writeDurably,
  type EncodedPackageData,
} from '../package';
import type { NewPackage } from '../package/queries';
import { totalsOf } from '../queries/totals';
import { writeAudit } from '../queries/audit';
import { getLock } from '../queries/locks';
import { getProfile } from '../queries/profile';
import { insertSignedReport } from '../queries/reports';
import {
  createKeyStore,
  createPassphraseSealer,
  KEY_FILE,
  type KeyCertificate,
  type KeySealer,
  type OfficeKey,
} from '../signing';
import { certificateOnly, needPassphrase, type KeyAccess } from './keyAccess';
import type { LockService } from './locks';
import type { BuiltReport, ReportService } from './report';

export const KEYS_DIR = 'keys';
export const PACKAGES_DIR = 'packages';

/** The SHA-256 of the sealed key file as it is now. */
function keyFileStamp(keysDir: string): string {
  return sha256Of(fs.readFileSync(path.join(keysDir, KEY_FILE)));
}

const ref = (p: Period): PeriodRef => ({ key: p.key, from: p.from, to: p.to, label: p.label });

export type { KeyAccess, PassphraseSource } from './keyAccess';

export class PackageService {
  private readonly keysDir: string;
  /** Exports run one at a time: two at once would take the same sequence number. */
  private running: Promise<unknown> = Promise.resolve();
  /** The key unsealed this session, with the SHA-256 of the file it came from. */
  private unsealed: { stamp: string; key: OfficeKey } | null = null;

  constructor(
    private readonly ctx: Context,
    private readonly dataDir: string,
    private readonly report: ReportService,
    private readonly locks: LockService,
    private readonly access: KeyAccess,
  ) {
    this.keysDir = path.join(dataDir, KEYS_DIR);
  }

  // ---------- the key ----------

  private office(): Office {
    const profile = getProfile(this.ctx.db);
    if (!profile) {
      throw new AppError('no_profile', {
        vi: 'Chưa có thông tin đơn vị: hãy khai báo đơn vị trước khi tạo khóa ký hoặc xuất gói báo cáo.',
        en: 'The office profile is not set up yet; set it up before creating a key or exporting.',
      });
    }
    return profile.office;
  }

  private async sealer(purpose: 'create' | 'open'): Promise<KeySealer> {
    if (this.access.sealer) return this.access.sealer;
    const source = this.access.passphrase;
    const passphrase = typeof source === 'function' ? await source(purpose) : source;
    if (passphrase === undefined || passphrase === '') throw needPassphrase();
    return createPassphraseSealer(passphrase);
  }

  private kind(): KeySealer['kind'] {
    return this.access.sealer?.kind ?? 'passphrase';
  }

  /** The key, unsealed; created (with the profile's office) when there is none. */
  private async signingKey(): Promise<OfficeKey> {
    const certOnly = createKeyStore(this.keysDir, certificateOnly(this.kind()));
    if (certOnly.exists()) {
      // Unsealing costs a scrypt (a quarter of a second) and reading the certificate a parse:
      // the key opened once is kept for the session, as long as its file (which also holds
      // the retirement mark) is byte for byte the one opened. A restore, an import or a new
      // key changes the file and so opens it again.
      const stamp = keyFileStamp(this.keysDir);
      if (this.unsealed?.stamp === stamp) return this.unsealed.key;
      const retiredAt = certOnly.certificate().retiredAt;
      if (retiredAt) {
        throw new AppError('conflict', {
          vi:
            `Khóa ký của máy này đã được đánh dấu ngưng dùng lúc ${retiredAt} (dữ liệu đã chuyển sang máy khác): ` +
            'hãy xuất gói trên máy mới, hoặc bỏ đánh dấu ngưng dùng ở mục Sao lưu và khôi phục nếu đánh dấu nhầm.',
          en:
            `This computer's signing key was retired at ${retiredAt} (the data moved to another computer): ` +
            'export on the new computer, or undo the retirement under Backup and restore if it was a mistake.',
        });
      }
      // A key sealed another way cannot be opened here: say so before asking for anything.
      if (certOnly.certificate().sealedWith !== this.kind()) return certOnly.load();
      const key = createKeyStore(this.keysDir, await this.sealer('open')).load();
      this.unsealed = { stamp, key };
      return key;
    }
    const office = this.office();
    const key = createKeyStore(this.keysDir, await this.sealer('create')).create(office);
    this.unsealed = { stamp: keyFileStamp(this.keysDir), key };
    return key;
  }

  keyInfo(): KeyInfo {
    const store = createKeyStore(this.keysDir, certificateOnly(this.kind()));
    if (!store.exists()) {
      return {
        exists: false,
        subject: null,
        fingerprint: null,
        notAfter: null,
        origin: null,
        sealedWith: null,
        retiredAt: null,
      };
    }
    const c = store.certificate();
    return {
      exists: true,
      subject: c.subject.text,
      fingerprint: c.fingerprint,
      notAfter: c.notAfter.toISOString(),
      origin: c.origin,
      sealedWith: c.sealedWith,
      retiredAt: c.retiredAt,
    };
  }

  /** Marks the key as moved to another computer (or in use here again); nothing is deleted. */
  retireKey(retired: boolean): KeyInfo {
    const store = createKeyStore(this.keysDir, certificateOnly(this.kind()));
    if (!store.exists()) {
      throw new AppError('not_found', {
        vi: 'Máy này chưa có khóa ký nên không có gì để đánh dấu ngưng dùng.',
        en: 'This computer has no signing key, so there is nothing to retire.',
      });
    }
    store.retire(retired ? this.ctx.now() : null);
    return this.keyInfo();
  }

  /** The certificate, creating the key first when there is none (`key show`, `key cert`). */
  async certificate(): Promise<KeyCertificate> {
    const store = createKeyStore(this.keysDir, certificateOnly(this.kind()));
    if (store.exists()) return store.certificate();
    return this.signingKey();
  }

  /** The key sealed with a backup passphrase, as a file to keep apart (a USB stick). */
  async backupKey(backupPassphrase: string): Promise<{ fileName: string; bytes: Buffer }> {
    const store = createKeyStore(this.keysDir, certificateOnly(this.kind()));
    if (!store.exists()) {
      throw new AppError('not_found', {
        vi: 'Chưa có khóa ký để sao lưu: khóa được tạo khi xuất gói dữ liệu lần đầu.',
        en: 'There is no signing key to back up yet: it is created on the first export.',
      });
    }
    const bytes = createKeyStore(this.keysDir, await this.sealer('open')).backup(backupPassphrase);
    return { fileName: `KhoaKy_${this.office().code}.ttkey`, bytes };
  }

  /** Restores a backup made by backupKey; a wrong passphrase changes nothing. */
  async restoreKey(bytes: Buffer, backupPassphrase: string): Promise<KeyInfo> {
    createKeyStore(this.keysDir, await this.sealer('create')).restore(bytes, backupPassphrase);
    return this.keyInfo();
  }

  /**
   * The key of a transfer file, sealed here as this computer seals keys: by the OS, or with
   * the passphrase set for this process, or else with the transfer's own passphrase (browser
   * mode without one). A prompt is never shown here: the data is already restored.
   */
  restoreKeyFromTransfer(bytes: Buffer, passphrase: string): KeyInfo {
    const own = this.access.passphrase;
    const sealer =
      this.access.sealer ??
      createPassphraseSealer(typeof own === 'string' && own ? own : passphrase);
    createKeyStore(this.keysDir, sealer).restore(bytes, passphrase);
    return this.keyInfo();
  }

  /** Takes a key and certificate issued by a CA (.p12/.pfx); a wrong passphrase changes nothing. */
  async importPkcs12(bytes: Buffer, p12Passphrase: string): Promise<KeyInfo> {
    createKeyStore(this.keysDir, await this.sealer('create')).importPkcs12(bytes, p12Passphrase);
    return this.keyInfo();
  }

  // ---------- packages ----------

  list(): PackageRow[] {
    return allPackages(this.ctx.db);
  }

  verify(file: string): Promise<PackageCheck> {
    return verifyPackage(file);
  }

  /** data.json of the period: every activity of it, and the given reports' figures and texts. */
  data(period: Period, reports: readonly BuiltReport[]): EncodedPackageData {
    return packageDataJson(this.ctx.db, period, reports);
  }

  /** What an export of the period would sign and replace, for the confirmation. */
  preview(periodKey: string): ExportPreview {
    const { db } = this.ctx;
    const period = this.report.period(periodKey);
    const office = this.office();
    const latest = latestPackageOf(db, period.key);
    const lock = getLock(db, period.key);
    const locked =
      latest && lock && lock.unlocked_at === null && lock.package_sha256 === latest.sha256;
    const count = (themes?: readonly Theme[]) =>
      totalsOf(db, {
        deleted: false,
        from: period.from,
        to: period.to,
        ...(themes ? { themes } : {}),
      }).activities;
    return {
      period: ref(period),
      ended: localToday() > period.to,
      activities: count(),
      subjects: office.subjects.map((subject) => ({
        subject,
        activities: count(subjectThemes(subject)),
      })),
      replaces:
        latest && !locked
          ? { sequence: latest.sequence, fileName: latest.fileName, createdAt: latest.createdAt }
          : null,
      reuses: locked ? { sequence: latest.sequence, fileName: latest.fileName } : null,
      photos: photoSummary(db, period),
    };
  }

  /**
   * Writes the period's package into `outDir` (by default the data folder's packages/). A
   * period still locked by its last package gives that package again (`reused`). A period
   * without any activity is exported only when `allowEmpty` says the nil report is meant.
   */
  export(
    periodKey: string,
    options: { outDir?: string | undefined; allowEmpty?: boolean | undefined } = {},
  ): Promise<ExportResult> {
    const run = this.running.then(() =>
      this.exportNow(periodKey, options.outDir, options.allowEmpty ?? false),
    );
    this.running = run.catch(() => undefined);
    return run;
  }

  /** Records that the province confirmed it received the package (or takes that back). */
  confirm(sha256: string, confirmed: boolean, note: string): PackageRow {
    const { db } = this.ctx;
    const before = packageBySha(db, sha256);
    if (!before) {
      throw new AppError('not_found', {
        vi: 'Không tìm thấy gói dữ liệu này trong danh sách gói đã xuất.',
        en: 'There is no such exported package.',
      });
    }
    const now = this.ctx.now();
    return db.transaction(() => {
      setConfirmed(db, sha256, confirmed ? now : null, confirmed && note !== '' ? note : null);
      const after = packageBySha(db, sha256)!;
      writeAudit(db, {
        at: now,
        entity: 'package',
        entityId: sha256,
        action: 'update',
        source: this.ctx.source,
        before,
        after,
      });
      return after;
    })();
  }

  /**
   * Tidies what exports cut short by a crash left behind: their temporary files go, their
   * sequence numbers stay spent. Run at start, before anything can export.
   */
  recover(): void {
    const { db } = this.ctx;
    for (const attempt of runningAttempts(db)) {
      // The app and the CLI share the data folder: another live process's export goes on.
      if (attempt.pid !== process.pid && processAlive(attempt.pid)) continue;
      removeTemporaries(attempt.path);
      // A package written in full but never recorded must not travel: its number is spent
      // and the province would take it for a first report. Kept aside, not deleted.
      if (fs.existsSync(attempt.path)) fs.renameSync(attempt.path, `${attempt.path}.abandoned`);
      endAttempt(db, attempt.sequence, 'abandoned');
    }
  }

  private async exportNow(
    periodKey: string,
    outDir: string | undefined,
    allowEmpty: boolean,
  ): Promise<ExportResult> {
    const { db } = this.ctx;
    const dir = path.resolve(outDir ?? path.join(this.dataDir, PACKAGES_DIR));
    const period = this.report.period(periodKey);
    const office = this.office();
    const latest = latestPackageOf(db, period.key);
    const lock = getLock(db, period.key);
    if (latest && lock && lock.unlocked_at === null && lock.package_sha256 === latest.sha256) {
      return this.reuse(latest, period, dir);
    }

    // Written meanwhile, on the second core when there are many.
    const activities = periodActivitiesJsonSoon(db, period.from, period.to);
    activities.catch(() => undefined); // awaited below, unless a refusal comes first
    // A report with no activity is signed only when the nil report is meant, subject by
    // subject: a drugs report of zeros is as much a nil report as an empty period. The
    // figures are the ones the reports then print, computed once.
    const figures = office.subjects.map((subject) => ({
      subject,
      data: this.report.liveData(period.key, subject),
    }));
    const empty = figures.filter((f) => f.data.figures.activities === 0);
    if (!allowEmpty && empty.length > 0) {
      const names = empty.map((s) => SUBJECT_PHRASES[s.subject]).join('; ');
      throw new AppError(
        'empty_period',
        {
          vi: `${period.label} (${formatDate(period.from)} - ${formatDate(period.to)}) chưa có hoạt động nào về ${names}. Nếu đúng là kỳ này không có hoạt động, hãy chọn xuất báo cáo không có số liệu (báo cáo trắng).`,
          en: `${period.key} (${period.from} to ${period.to}) has no activity on ${empty.map((s) => s.subject).join(', ')}. If that is right, choose to export a nil report.`,
        },
        'period',
      );
    }

    // The key first: a wrong passphrase must leave no file and no row behind.
    const key = await this.signingKey();
    const createdAt = this.ctx.now();
    const read = inputsStamp(db, period.key);
    const reports: BuiltReport[] = [];
    for (const { subject, data } of figures) {
      reports.push(await this.report.build(period.key, subject, new Date(createdAt), data));
    }
    // An activity holding text XML cannot carry is refused here, named, before anything is
    // signed: the province would refuse the package.
    const data = packageDataJson(db, period, reports, await activities);
    // Read (and checked) before a number is reserved: a photo over the limit refuses here.
    const photos = exportPhotos(
      db,
      this.dataDir,
      period,
      data,
      reports.map((r) => r.docx),
    );
    fs.mkdirSync(dir, { recursive: true });
    const { sequence, path: file } = reserveSequence(
      db,
      period.key,
      (n) => path.join(dir, packageFileName(office.code, period.key, n)),
      createdAt,
    );
    const supersedes = latest?.sha256 ?? null;
    let written = false;
    try {
      const built = await buildPackage({
        data,
        reportDocx: reports.map((r) => r.docx),
        photoFiles: photos,
        sequence,
        supersedes,
        createdAt,
        key,
      });
      failpoint('export:before-write');
      writeDurably(file, built.bytes);
      written = true;
      failpoint('export:after-rename');
      const row: NewPackage = {
        sequence,
        period: { key: period.key, from: period.from, to: period.to },
        sha256: built.sha256,
        supersedes,
        fileName: path.basename(file),
        path: file,
        createdAt,
      };
      // Read back from the disk: every byte must be the one signed. (The bytes were built
      // here, so a full verify would only check this code against itself, at many times
      // the cost of a hash.)
      if (sha256Of(fs.readFileSync(file)) !== built.sha256) {
        throw new AppError('internal', {
          vi: `Gói vừa ghi vào ${file} đọc lại không khớp với gói đã ký; gói đã bị xóa. Hãy kiểm tra thư mục hoặc ổ đĩa rồi xuất lại.`,
          en: `The package just written to ${file} does not read back as signed; it was removed. Check the folder or drive and export again.`,
        });
      }
      db.transaction(() => {
        // Another process (the CLI beside the app) may have exported the period meanwhile:
        // this package would then correct a package it never saw.
        if ((latestPackageOf(db, period.key)?.sha256 ?? null) !== supersedes) {
          throw new AppError('conflict', {
            vi: `${period.label} vừa được xuất ở nơi khác (một cửa sổ hoặc lệnh khác); gói này đã bị hủy. Hãy xem lại kỳ báo cáo.`,
            en: `${period.key} was just exported elsewhere (another window or command); this package was discarded.`,
          });
        }
        // An activity, directive, profile or text saved while the package was being built
        // would be locked without being in it, and so never reported.
        if (inputsStamp(db, period.key) !== read) {
          throw new AppError('conflict', {
            vi: `Số liệu hoặc nội dung báo cáo ${period.label} vừa thay đổi trong lúc xuất gói; gói đã bị hủy. Hãy xuất lại để gói có đủ thay đổi đó.`,
            en: `The data or texts of ${period.key} changed while the package was being made; it was discarded. Export again.`,
          });
        }
        insertPackage(db, row);
        for (const r of reports) insertSignedReport(db, built.sha256, r);
        this.locks.lock(period, built.sha256);
        endAttempt(db, sequence, 'done');
        writeAudit(db, {
          at: createdAt,
          entity: 'package',
          entityId: built.sha256,
          action: 'export',
          source: this.ctx.source,
          before: null,
          after: { ...row, counts: built.manifest.counts, subjects: office.subjects },
        });
      }).immediate();
      return { ...row, period: ref(period), reused: false, state: 'exported' };
    } catch (err) {
      if (written) fs.rmSync(file, { force: true });
      endAttempt(db, sequence, 'abandoned');
      throw err;
    }
  }

  /** The period's last package again, copied into `dir` when it lives elsewhere. */
  private reuse(latest: PackageRow, period: Period, dir: string): ExportResult {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(latest.path);
    } catch {
      bytes = Buffer.alloc(0);
    }
    if (sha256Of(bytes) !== latest.sha256) {
      throw new AppError('conflict', {
        vi: `${period.label} đã được xuất và đang khóa, nhưng gói ${latest.fileName} không còn nguyên ở ${latest.path}. Muốn xuất lại, hãy "Mở khóa để sửa" kỳ này (ghi rõ lý do) rồi xuất gói đính chính.`,
        en: `${period.key} was exported and is locked, but the package ${latest.fileName} is no longer intact at ${latest.path}. To export again, unlock the period for correction (with a reason) and export a correction.`,
      });
    }
    const target = path.join(dir, latest.fileName);
    if (path.resolve(target) !== path.resolve(latest.path)) {
      fs.mkdirSync(dir, { recursive: true });
      writeDurably(target, bytes);
    }
    return { ...latest, path: target, period: ref(period), reused: true };
  }
}
