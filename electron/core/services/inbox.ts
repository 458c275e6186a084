// The province desk: desk settings, the register of trusted offices (inboxRegister.ts),
// taking packages in under the rules of replay (inboxTakeIn.ts), the packages held, and who
// has reported and the merged report (inbox/merged.ts). This service composes them behind
// one surface, `core.inbox`.
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SUBJECT, type ReportSubject } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type {
  Completeness,
  DeskSettings,
  Drill,
  DrillInput,
  ImportResult,
  InboxPackageRow,
  InboxStatus,
  MergedData,
  TrustedOffice,
  TrustResult,
} from '../../../shared/inbox';
import type { ReportTexts } from '../../../shared/report';
import type { ReportTextsInput } from '../../../shared/schemas';
import type { Context } from '../context';
import { MergedReports, type MergedFile } from '../inbox/merged';
import * as q from '../inbox/queries';
import { writeAudit } from '../queries/audit';
import { getOffice } from '../queries/profile';
import { InboxRegister } from './inboxRegister';
import { InboxTakeIn } from './inboxTakeIn';
import { resolvePeriod } from './period';
import type { ReportFile } from './report';

export class InboxService {
  private readonly merged: MergedReports;
  private readonly takeIn: InboxTakeIn;
  private readonly register: InboxRegister;

  constructor(
    private readonly ctx: Context,
    private readonly dataDir: string,
  ) {
    this.merged = new MergedReports(ctx, dataDir, () => this.desks());
    this.takeIn = new InboxTakeIn(ctx);
    this.register = new InboxRegister(ctx, (code) => this.takeIn.release(code));
  }

  // ---------- desks ----------

  desks(): DeskSettings {
    return q.getDeskSettings(this.ctx.db);
  }

  saveDesks(next: DeskSettings): DeskSettings {
    if (!next.office && !next.province) {
      throw new AppError(
        'invalid_input',
        {
          vi: 'Cần bật ít nhất một vai trò: đơn vị báo cáo hoặc tiếp nhận báo cáo.',
          en: 'Turn on at least one desk: the office or the province.',
        },
        'office',
      );
    }
    const { db } = this.ctx;
    db.transaction(() => {
      const before = q.getDeskSettings(db);
      q.saveDeskSettings(db, next, this.ctx.now());
      writeAudit(db, {
        at: this.ctx.now(),
        entity: 'settings',
        entityId: 'desks',
        action: 'update',
        source: this.ctx.source,
        before,
        after: next,
      });
    })();
    return this.desks();
  }

  // ---------- the register (inboxRegister.ts) ----------

  offices(): TrustedOffice[] {
    return this.register.offices();
  }

  addCertificate(bytes: Buffer, code?: string, name?: string): Promise<TrustResult> {
    return this.register.addCertificate(bytes, code, name);
  }

  addFingerprint(code: string, name: string, typed: string): Promise<TrustResult> {
    return this.register.addFingerprint(code, name, typed);
  }

  /** Registers the signer of a quarantined package, as the officer confirmed against the sheet. */
  fromPackage(sha256: string, name?: string): Promise<TrustResult> {
    return this.register.fromPackage(sha256, name);
  }

  /** Withdraws a certificate: packages signed with it from now on are quarantined. */
  revoke(fingerprint: string): TrustedOffice {
    return this.register.revoke(fingerprint);
  }

  /** Undoes a revocation, and lets in what was quarantined meanwhile. */
  restore(fingerprint: string): Promise<TrustResult> {
    return this.register.restore(fingerprint);
  }

  /** Removes an office registered by mistake (one whose packages were counted stays). */
  followFrom(code: string, period: string | null): TrustedOffice {
    return this.register.followFrom(code, period);
  }

  removeOffice(code: string): TrustedOffice {
    return this.register.removeOffice(code);
  }

  /** Undoes removeOffice: the office and its certificates as the audit log kept them. */
  restoreOffice(code: string): Promise<TrustResult> {
    return this.register.restoreOffice(code);
  }

  // ---------- taking packages in (inboxTakeIn.ts) ----------

  /** Takes in one package file's bytes; never throws for a bad package, only for a bug. */
  importBytes(file: string, bytes: Buffer): Promise<ImportResult> {
    return this.takeIn.importBytes(file, bytes);
  }

  /**
   * Takes in files and folders (folders: every `.ttpkg` inside, recursively), one result per
   * file, in order. `onResult` reports progress.
   */
  importPaths(
    paths: readonly string[],
    onResult?: (r: ImportResult, done: number, total: number) => void,
  ): Promise<ImportResult[]> {
    return this.takeIn.importPaths(paths, onResult);
  }

  packages(periodKey?: string): InboxPackageRow[] {
    const key = periodKey === undefined ? undefined : resolvePeriod(this.ctx.db, periodKey).key;
    const names = new Map(q.trustedOffices(this.ctx.db).map((o) => [o.code, o.name]));
    return q.inboxPackages(this.ctx.db, key).map((r) => ({
      ...r,
      officeName: names.get(r.officeCode) ?? r.officeName,
    }));
  }

  // ---------- who has reported, the merged report (inbox/merged.ts) ----------

  status(periodKey: string): InboxStatus {
    return this.merged.status(periodKey);
  }

  completeness(periodKey: string, count: number): Completeness {
    return this.merged.completeness(periodKey, count);
  }

  figures(periodKey: string, subject: ReportSubject = DEFAULT_SUBJECT): MergedData {
    return this.merged.figures(periodKey, subject);
  }

  drill(input: DrillInput): Drill {
    return this.merged.drill(input);
  }

  texts(periodKey: string, subject: ReportSubject = DEFAULT_SUBJECT): ReportTexts {
    return this.merged.texts(periodKey, subject);
  }

  saveTexts(periodKey: string, subject: ReportSubject, texts: ReportTextsInput): ReportTexts {
    return this.merged.saveTexts(periodKey, subject, texts);
  }

  docx(
    periodKey: string,
    subject: ReportSubject = DEFAULT_SUBJECT,
    createdAt: Date = new Date(),
  ): Promise<MergedFile> {
    return this.merged.docx(periodKey, subject, createdAt);
  }

  /** The period's completeness, merged figures and table by office as a spreadsheet. */
  async sheet(
    periodKey: string,
    subject: ReportSubject = DEFAULT_SUBJECT,
    createdAt: Date = new Date(),
  ): Promise<ReportFile> {
    const office = getOffice(this.ctx.db);
    const status = this.status(periodKey);
    const data = this.figures(status.period.key, subject);
    const desk = office ? [office.name, office.parent].filter((s) => s.trim()).join(' – ') : null;
    // exceljs loads on first use, not with the app.
    const { buildProvinceBook, provinceSheetName } = await import('../sheets/provinceBook');
    const bytes = await buildProvinceBook({ desk, status, data, createdAt });
    const fileName = provinceSheetName(office?.code ?? null, status.period.key, subject);
    const dir = path.join(this.dataDir, 'reports');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, fileName);
    fs.writeFileSync(file, bytes);
    return { fileName, path: file, bytes };
  }
}
