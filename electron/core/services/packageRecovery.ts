// Taking work back from the office's own packages. A package on the USB stick holds every
// activity of its period (data.json) as it was signed; after a lost laptop or an old backup,
// the activities missing from the data come back from it, and the package itself is
// registered again (its row, its signed reports, the period's lock) so that the next export
// continues its numbering instead of reusing a sequence the province has already seen.
import fs from 'node:fs';
import path from 'node:path';
import type { PackageRecoveryPreview, PackageRecoveryResult } from '../../../shared/backup';
import type { ReportSubject } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { reportEntry, REPORT_FILE } from '../../../shared/package';
import type { ReportTexts } from '../../../shared/report';
import type { Context } from '../context';
import { sql } from '../db/statements';
import type { PackageData } from '../package/build';
import { latestPackageOf, insertPackage, packageBySha } from '../package/queries';
import { verifyPackageData } from '../package/verify';
import { readZip } from '../package/zip';
import { getProfile } from '../queries/profile';
import { insertSignedReport } from '../queries/reports';
import { writeAudit } from '../queries/audit';
import type { ActivityService } from './activities';
import type { LockService } from './locks';
import { PACKAGES_DIR } from './packages';
import type { ReportService } from './report';

interface Opened {
  sha256: string;
  bytes: Buffer;
  sequence: number;
  supersedes: string | null;
  createdAt: string;
  data: PackageData;
  missing: PackageData['activities'];
}

export class PackageRecovery {
  constructor(
    private readonly ctx: Context,
    private readonly dataDir: string,
    private readonly activities: ActivityService,
    private readonly report: ReportService,
    private readonly locks: LockService,
  ) {}

  private async open(file: string): Promise<Opened> {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      throw new AppError('not_found', {
        vi: `Không đọc được tệp ${file}.`,
        en: `Cannot read the file ${file}.`,
      });
    }
    const { check, data } = await verifyPackageData(file, bytes);
    if (!check.ok) {
      throw new AppError('invalid_input', {
        vi: `Gói ${file} không dùng được: ${check.reason.vi}`,
        en: `The package ${file} cannot be used: ${check.reason.en}`,
      });
    }
    const office = getProfile(this.ctx.db)?.office;
    const pkg = data as PackageData;
    if (!office || office.code !== check.manifest.office.code) {
      throw new AppError('invalid_input', {
        vi: `Gói ${path.basename(file)} là của đơn vị ${check.manifest.office.name} (${check.manifest.office.code}), không phải của đơn vị trên máy này${office ? ` (${office.code})` : ''}: không lấy lại hoạt động từ gói của đơn vị khác.`,
        en: `The package ${path.basename(file)} belongs to ${check.manifest.office.code}, not to this office${office ? ` (${office.code})` : ''}.`,
      });
    }
    const here = sql(this.ctx.db, 'SELECT 1 FROM activities WHERE id = ?').pluck();
    const missing = pkg.activities.filter((a) => a.id === undefined || !here.get(a.id));
    return {
      sha256: check.sha256,
      bytes,
      sequence: check.manifest.sequence,
      supersedes: check.manifest.supersedes ?? null,
      createdAt: check.manifest.createdAt,
      data: pkg,
      missing,
    };
  }

  async preview(file: string): Promise<PackageRecoveryPreview> {
    const o = await this.open(file);
    return {
      path: file,
      office: { code: o.data.profile.office.code, name: o.data.profile.office.name },
      period: { key: o.data.period.key, label: o.data.period.label },
      sequence: o.sequence,
      activities: o.data.activities.length,
      missing: o.missing.length,
      present: o.data.activities.length - o.missing.length,
      registersPackage: this.canRegister(o),
    };
  }

  private canRegister(o: Opened): boolean {
    if (packageBySha(this.ctx.db, o.sha256)) return false;
    return !sql(this.ctx.db, 'SELECT 1 FROM packages WHERE sequence = ?').get(o.sequence);
  }

  /** All or nothing: the missing activities, then the package, its reports and its lock. */
  async recover(file: string): Promise<PackageRecoveryResult> {
    const o = await this.open(file);
    const entries = new Map((await readZip(o.bytes)).map((e) => [e.name, e.bytes]));
    const { db } = this.ctx;
    const name = path.basename(file);
    return db
      .transaction((): PackageRecoveryResult => {
        const result = this.activities.importMany(o.missing, (index, id) => ({
          vi: `Gói ${name}, hoạt động số ${index}${id ? ` (mã ${id})` : ''}`,
          en: `Package ${name}, activity ${index}${id ? ` (id ${id})` : ''}`,
        }));
        if (!this.canRegister(o)) return { added: result.created, registeredPackage: false };
        const dir = path.join(this.dataDir, PACKAGES_DIR);
        const kept = path.join(dir, name);
        if (!fs.existsSync(kept)) {
          fs.mkdirSync(dir, { recursive: true });
          fs.copyFileSync(file, kept);
        }
        const period = this.report.period(o.data.period.key);
        const row = {
          sequence: o.sequence,
          period: { key: period.key, from: period.from, to: period.to },
          sha256: o.sha256,
          supersedes: o.supersedes,
          fileName: name,
          path: kept,
          createdAt: o.createdAt,
        };
        insertPackage(db, row);
        const reports: { subject: ReportSubject; file: string; texts: ReportTexts }[] =
          o.data.reports ?? [];
        for (const r of reports) {
          const docx = entries.get(r.file) ?? entries.get(reportEntry(r.subject));
          if (!docx) continue;
          insertSignedReport(db, o.sha256, {
            subject: r.subject,
            fileName: r.file,
            docx,
            data: this.report.liveData(period.key, r.subject),
            texts: r.texts,
          });
        }
        if (reports.length === 0 && !entries.has(REPORT_FILE)) {
          // A package always carries its report; one without is not ours to lock on.
          return { added: result.created, registeredPackage: true };
        }
        if (latestPackageOf(db, period.key)?.sha256 === o.sha256) this.locks.lock(period, o.sha256);
        writeAudit(db, {
          at: this.ctx.now(),
          entity: 'package',
          entityId: o.sha256,
          action: 'export',
          source: this.ctx.source,
          before: null,
          after: { ...row, recoveredFrom: file },
        });
        return { added: result.created, registeredPackage: true };
      })
      .immediate();
  }
}
