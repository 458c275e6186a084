// The province desk: the register of trusted offices and taking packages in with
// the rules of replay. Every package is checked by the same `verifyPackageBytes` as
// `tuyentruyen verify`, then taken in by one transaction. Who has reported and the merged
// report are inbox/merged.ts's; this service hands them on.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SUBJECT, type ReportSubject } from '../../../shared/domain';
import { AppError, type Msg } from '../../../shared/errors';
import { formatDate, formatNumber, vietnamDay } from '../../../shared/format';
import {
  normalizeFingerprint,
  type Completeness,
  type DeskSettings,
  type Drill,
  type DrillInput,
  type ImportResult,
  type InboxPackageRow,
  type InboxStatus,
  type MergedData,
  type TrustedOffice,
  type TrustResult,
} from '../../../shared/inbox';
import { PACKAGE_EXTENSION, type Manifest } from '../../../shared/package';
import type { Period } from '../../../shared/period';
import type { ReportTexts } from '../../../shared/report';
import type { ReportTextsInput } from '../../../shared/schemas';
import type { Context } from '../context';
import { readPackageData, DataRefused } from '../inbox/data';
import { insertInboxPhotos, readPackagePhotos } from '../inbox/photos';
import { MergedReports, type MergedFile } from '../inbox/merged';
import * as q from '../inbox/queries';
import { officeNameOf, readCertificateFile, trustOf } from '../inbox/trust';
import { verifyPackageBytes, verifyPackageData } from '../package/verify';
import { ZIP_LIMITS } from '../package/zip';
import { writeAudit } from '../queries/audit';
import { getOffice } from '../queries/profile';
import { buildProvinceBook, provinceSheetName } from '../sheets/provinceBook';
import { parseEnrolmentQr } from '../signing';
import { resolvePeriod } from './period';
import type { ReportFile } from './report';

const sha256Of = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

function result(
  file: string,
  outcome: ImportResult['outcome'],
  message: Msg,
  m: Manifest | null,
  extra: { sha256?: string | null; fingerprint?: string | null; officeName?: string } = {},
): ImportResult {
  return {
    file,
    outcome,
    message,
    sha256: extra.sha256 ?? null,
    officeCode: m?.office.code ?? null,
    officeName: extra.officeName ?? m?.office.name ?? null,
    period: m ? m.period : null,
    sequence: m?.sequence ?? null,
    fingerprint: extra.fingerprint ?? null,
  };
}

export class InboxService {
  private readonly merged: MergedReports;

  constructor(
    private readonly ctx: Context,
    private readonly dataDir: string,
  ) {
    this.merged = new MergedReports(ctx, dataDir, () => this.desks());
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

  // ---------- the register ----------

  offices(): TrustedOffice[] {
    return q.trustedOffices(this.ctx.db);
  }

  private officeName(code: string, fallback: string): string {
    return q.trustedOffice(this.ctx.db, code)?.name ?? fallback;
  }

  /** Registers a certificate for an office (created when new), then lets its quarantined packages in. */
  private async register(c: {
    code: string;
    name: string;
    fingerprint: string;
    subject: string | null;
    notAfter: string | null;
    der: Buffer | null;
    source: 'certificate' | 'sheet' | 'package';
  }): Promise<TrustResult> {
    const { db } = this.ctx;
    const owner = q.certificateRow(db, c.fingerprint);
    // A certificate belongs to one office. One registered under the wrong code is fixed by
    // revoking it there (the officer sees that step) and registering it under the right one.
    if (owner && owner.office_code !== c.code && owner.revoked_at === null) {
      throw new AppError(
        'conflict',
        {
          vi: `Chứng thư ${c.fingerprint} đã được đăng ký cho đơn vị ${owner.office_code}; một chứng thư chỉ thuộc một đơn vị. Nếu đăng ký nhầm, hãy thu hồi chứng thư ở đơn vị ${owner.office_code} rồi đăng ký lại.`,
          en: `The certificate ${c.fingerprint} is already registered for office ${owner.office_code}; if that was a mistake, revoke it there and register it again.`,
        },
        'fingerprint',
      );
    }
    if (owner && owner.office_code === c.code && owner.revoked_at !== null) {
      throw new AppError(
        'conflict',
        {
          vi: `Chứng thư ${c.fingerprint} của đơn vị ${c.code} đã bị thu hồi; nếu thu hồi nhầm, hãy bấm "Khôi phục" ở danh sách đơn vị tin cậy.`,
          en: `The certificate ${c.fingerprint} of office ${c.code} was revoked; restore it from the register if that was a mistake.`,
        },
        'fingerprint',
      );
    }
    db.transaction(() => {
      const at = this.ctx.now();
      const before = q.trustedOffice(db, c.code);
      q.upsertTrustedOffice(db, c.code, c.name, at);
      if (owner) {
        const from = q.trustedOffice(db, owner.office_code);
        q.moveCertificate(db, c.fingerprint, c.code);
        writeAudit(db, {
          at,
          entity: 'office',
          entityId: owner.office_code,
          action: 'revoke',
          source: this.ctx.source,
          before: from,
          after: q.trustedOffice(db, owner.office_code),
          reason: `moved to ${c.code}`,
        });
      } else {
        q.insertCertificate(db, { ...c, officeCode: c.code, at });
      }
      writeAudit(db, {
        at,
        entity: 'office',
        entityId: c.code,
        action: 'trust',
        source: this.ctx.source,
        before,
        after: q.trustedOffice(db, c.code),
      });
    })();
    const released = await this.release(c.code);
    return { office: q.trustedOffice(db, c.code)!, fingerprint: c.fingerprint, released };
  }

  addCertificate(bytes: Buffer, code?: string, name?: string): Promise<TrustResult> {
    const cert = readCertificateFile(bytes);
    const officeCode = code ?? cert.subject.officeCode;
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(officeCode)) {
      throw new AppError(
        'invalid_input',
        {
          vi: 'Chứng thư không ghi mã đơn vị: hãy nhập mã đơn vị.',
          en: 'The certificate does not carry an office code: give one.',
        },
        'code',
      );
    }
    return this.register({
      code: officeCode,
      name: name ?? q.trustedOffice(this.ctx.db, officeCode)?.name ?? officeNameOf(cert.subject),
      fingerprint: cert.fingerprint,
      subject: cert.subject.text,
      notAfter: cert.notAfter,
      der: cert.der,
      source: 'certificate',
    });
  }

  addFingerprint(code: string, name: string, typed: string): Promise<TrustResult> {
    const qr = parseEnrolmentQr(typed);
    if (qr && qr.officeCode !== code) {
      throw new AppError(
        'invalid_input',
        {
          vi: `Mã QR là của đơn vị ${qr.officeCode}, không phải ${code}.`,
          en: `The QR code belongs to office ${qr.officeCode}, not ${code}.`,
        },
        'fingerprint',
      );
    }
    const fingerprint = qr?.fingerprint ?? normalizeFingerprint(typed);
    if (!fingerprint) {
      throw new AppError(
        'invalid_input',
        {
          vi: 'Dấu vân tay SHA-256 phải gồm 64 chữ số hex (0–9, A–F), như in trên phiếu đăng ký.',
          en: 'The SHA-256 fingerprint must be 64 hex digits, as printed on the enrolment sheet.',
        },
        'fingerprint',
      );
    }
    return this.register({
      code,
      name,
      fingerprint,
      subject: null,
      notAfter: null,
      der: null,
      source: 'sheet',
    });
  }

  /** Registers the signer of a quarantined package, as the officer confirmed against the sheet. */
  async fromPackage(sha256: string, name?: string): Promise<TrustResult> {
    const row = q.inboxPackage(this.ctx.db, sha256);
    if (!row || row.status !== 'quarantined') {
      throw new AppError('not_found', {
        vi: 'Không có gói đang cách ly với mã này.',
        en: 'There is no quarantined package with this hash.',
      });
    }
    const check = await verifyPackageBytes(row.fileName, q.packageBytes(this.ctx.db, sha256)!);
    if (!check.ok) throw new AppError('invalid_input', check.reason);
    const cn = /(?:^|, )CN=((?:[^,\\]|\\.)*)/.exec(row.subject)?.[1] ?? row.officeName;
    const org = /(?:^|, )O=((?:[^,\\]|\\.)*)/.exec(row.subject)?.[1] ?? '';
    return this.register({
      code: row.officeCode,
      name:
        name ??
        q.trustedOffice(this.ctx.db, row.officeCode)?.name ??
        officeNameOf({ commonName: cn, organization: org }),
      fingerprint: row.fingerprint,
      subject: row.subject,
      notAfter: null,
      der: null,
      source: 'package',
    });
  }

  private setRevoked(typed: string, revoke: boolean): TrustedOffice {
    const { db } = this.ctx;
    const fingerprint = normalizeFingerprint(typed) ?? typed;
    const cert = q.certificateRow(db, fingerprint);
    if (!cert) {
      throw new AppError(
        'not_found',
        {
          vi: 'Không có chứng thư này trong danh sách.',
          en: 'This certificate is not registered.',
        },
        'fingerprint',
      );
    }
    db.transaction(() => {
      const at = this.ctx.now();
      const before = q.trustedOffice(db, cert.office_code);
      q.setCertificateRevoked(db, fingerprint, revoke ? at : null);
      writeAudit(db, {
        at,
        entity: 'office',
        entityId: cert.office_code,
        action: revoke ? 'revoke' : 'trust',
        source: this.ctx.source,
        before,
        after: q.trustedOffice(db, cert.office_code),
      });
    })();
    return q.trustedOffice(db, cert.office_code)!;
  }

  /** Withdraws a certificate: packages signed with it from now on are quarantined. */
  revoke(fingerprint: string): TrustedOffice {
    return this.setRevoked(fingerprint, true);
  }

  /** Undoes a revocation, and lets in what was quarantined meanwhile. */
  async restore(fingerprint: string): Promise<TrustResult> {
    const office = this.setRevoked(fingerprint, false);
    const released = await this.release(office.code);
    return {
      office: q.trustedOffice(this.ctx.db, office.code)!,
      fingerprint: normalizeFingerprint(fingerprint) ?? fingerprint,
      released,
    };
  }

  /**
   * Removes an office registered by mistake. One whose packages were ever counted stays (its
   * figures must keep a name); its certificates can be revoked instead. The audit row keeps
   * the office as it was, which is what restoreOffice puts back.
   */
  removeOffice(code: string): TrustedOffice {
    const { db } = this.ctx;
    const office = q.trustedOffice(db, code);
    if (!office) {
      throw new AppError(
        'not_found',
        { vi: `Không có đơn vị ${code} trong danh sách.`, en: `Office ${code} is not registered.` },
        'code',
      );
    }
    if (q.hasCountedPackages(db, code)) {
      throw new AppError(
        'conflict',
        {
          vi: `Đơn vị ${office.name} đã có gói được tính vào tổng hợp nên không xóa được; nếu khóa ký bị lộ, hãy thu hồi chứng thư.`,
          en: `Office ${code} has packages counted, so it cannot be removed; revoke its certificate instead.`,
        },
        'code',
      );
    }
    db.transaction(() => {
      q.deleteTrustedOffice(db, code);
      writeAudit(db, {
        at: this.ctx.now(),
        entity: 'office',
        entityId: code,
        action: 'delete',
        source: this.ctx.source,
        before: office,
        after: null,
      });
    })();
    return office;
  }

  /** Undoes removeOffice: the office and its certificates as the audit log kept them. */
  async restoreOffice(code: string): Promise<TrustResult> {
    const { db } = this.ctx;
    const before = q.removedOffice(db, code);
    if (!before || q.trustedOffice(db, code)) {
      throw new AppError(
        'not_found',
        {
          vi: `Không có đơn vị ${code} đã xóa để khôi phục.`,
          en: `There is no removed office ${code} to restore.`,
        },
        'code',
      );
    }
    db.transaction(() => {
      q.upsertTrustedOffice(db, before.code, before.name, before.createdAt);
      for (const c of before.certificates) {
        // A certificate registered meanwhile for another office stays there.
        if (q.certificateRow(db, c.fingerprint)) continue;
        q.insertCertificate(db, {
          fingerprint: c.fingerprint,
          officeCode: code,
          subject: c.subject,
          notAfter: c.notAfter,
          der: null,
          source: c.source,
          at: c.addedAt,
        });
        if (c.revokedAt !== null) q.setCertificateRevoked(db, c.fingerprint, c.revokedAt);
      }
      writeAudit(db, {
        at: this.ctx.now(),
        entity: 'office',
        entityId: code,
        action: 'restore',
        source: this.ctx.source,
        before: null,
        after: q.trustedOffice(db, code),
      });
    })();
    const released = await this.release(code);
    const office = q.trustedOffice(db, code)!;
    return { office, fingerprint: office.certificates[0]?.fingerprint ?? '', released };
  }

  // ---------- taking packages in ----------

  /** Takes in one package file's bytes; never throws for a bad package, only for a bug. */
  async importBytes(file: string, bytes: Buffer): Promise<ImportResult> {
    const sha256 = sha256Of(bytes);
    const held = q.inboxPackage(this.ctx.db, sha256);
    if (held) return this.duplicate(file, held);
    const { check, data, entries } = await verifyPackageData(file, bytes);
    if (!check.ok) return result(file, 'refused', check.reason, null, { sha256 });
    const mismatch = this.periodMismatch(check.manifest);
    if (mismatch) return result(file, 'refused', mismatch, check.manifest, { sha256 });
    let contents;
    try {
      contents = readPackageData(check.manifest, data, await readPackagePhotos(data, entries));
    } catch (err) {
      if (err instanceof DataRefused)
        return result(file, 'refused', err.msg, check.manifest, { sha256 });
      throw err;
    }
    return this.admit({
      file,
      sha256,
      bytes,
      manifest: check.manifest,
      signer: check.signer,
      contents,
      receivedAt: this.ctx.now(),
    });
  }

  /**
   * A package's period must be the desk's period of the same key: an office on another
   * cut-off rule (calendar quarters where the province uses Decree 09's) would otherwise be
   * counted over other dates.
   */
  private periodMismatch(m: Manifest): Msg | null {
    let desk: Period;
    try {
      desk = resolvePeriod(this.ctx.db, m.period.key);
    } catch {
      return {
        vi: `Kỳ báo cáo "${m.period.key}" của gói không hợp lệ; gói bị từ chối.`,
        en: `The package's period "${m.period.key}" is not valid; refused.`,
      };
    }
    if (desk.from === m.period.from && desk.to === m.period.to) return null;
    return {
      vi: `Gói ghi ${m.period.label} từ ${formatDate(m.period.from)} đến ${formatDate(m.period.to)}, nhưng theo quy tắc chốt số liệu của cơ quan, kỳ này từ ${formatDate(desk.from)} đến ${formatDate(desk.to)}; đơn vị cần dùng cùng quy tắc chốt số liệu rồi xuất lại gói.`,
      en: `The package's ${m.period.key} runs ${m.period.from} to ${m.period.to}, but under this desk's cut-off rule it runs ${desk.from} to ${desk.to}; the office must use the same rule and export again.`,
    };
  }

  private duplicate(file: string, held: InboxPackageRow): ImportResult {
    const when = formatDate(vietnamDay(held.receivedAt));
    const state: Msg =
      held.status === 'current'
        ? { vi: 'đang được tính vào tổng hợp', en: 'it is counted' }
        : held.status === 'replaced'
          ? { vi: 'đã được thay bằng bản sửa sau đó', en: 'a later correction replaced it' }
          : { vi: 'đang bị cách ly', en: 'it is quarantined' };
    return {
      file,
      outcome: 'duplicate',
      message: {
        vi: `Gói này đã được tiếp nhận ngày ${when} (${state.vi}); không có gì thay đổi.`,
        en: `This package was already received on ${held.receivedAt.slice(0, 10)} (${state.en}); nothing changed.`,
      },
      sha256: held.sha256,
      officeCode: held.officeCode,
      officeName: this.officeName(held.officeCode, held.officeName),
      period: held.period,
      sequence: held.sequence,
      fingerprint: held.fingerprint,
    };
  }

  /** Trust, then the rules of replay, in one transaction. */
  private admit(p: {
    file: string;
    sha256: string;
    bytes: Buffer;
    manifest: Manifest;
    signer: { subject: string; fingerprint: string; signingTime: string };
    contents: ReturnType<typeof readPackageData>;
    receivedAt: string;
    /** Set when letting a quarantined package in: its row is replaced, its receipt time kept. */
    releasing?: boolean;
  }): ImportResult {
    const { db } = this.ctx;
    const m = p.manifest;
    const name = this.officeName(m.office.code, m.office.name);
    const base = { sha256: p.sha256, fingerprint: p.signer.fingerprint, officeName: name };
    const what = `${name} ${m.period.label}`;
    const row: q.NewPackage = {
      sha256: p.sha256,
      fileName: path.basename(p.file),
      manifest: m,
      fingerprint: p.signer.fingerprint,
      subject: p.signer.subject,
      signingTime: p.signer.signingTime,
      receivedAt: p.receivedAt,
      status: 'current',
      reason: null,
      bytes: p.bytes,
    };
    const audit = (action: 'receive' | 'replace' | 'quarantine' | 'release', extra: object = {}) =>
      writeAudit(db, {
        at: this.ctx.now(),
        entity: 'inbox',
        entityId: p.sha256,
        action,
        source: this.ctx.source,
        before: null,
        after: {
          file: row.fileName,
          office: m.office.code,
          period: m.period.key,
          sequence: m.sequence,
          ...extra,
        },
      });

    return db.transaction((): ImportResult => {
      // Checked again here: the same file may have come in by another door meanwhile.
      const held = p.releasing ? null : q.inboxPackage(db, p.sha256);
      if (held) return this.duplicate(p.file, held);
      const trust = trustOf(db, p.signer.fingerprint, m.office.code);
      if (!trust.trusted) {
        if (p.releasing) {
          q.setQuarantineReason(db, p.sha256, trust.reason);
          return result(p.file, 'quarantined', trust.reason, m, base);
        }
        q.insertInboxPackage(db, { ...row, status: 'quarantined', reason: trust.reason });
        audit('quarantine', { reason: trust.reason.vi });
        return result(
          p.file,
          'quarantined',
          {
            vi: `${trust.reason.vi} Gói được giữ lại (cách ly), chưa tính vào tổng hợp.`,
            en: `${trust.reason.en} The package is kept in quarantine and not counted.`,
          },
          m,
          base,
        );
      }
      const current = q.currentPackage(db, m.office.code, m.period.key);
      const refusal = current ? this.notNewer(current, m, p.signer.fingerprint, what) : null;
      if (current && refusal) {
        if (p.releasing) {
          // Genuine now, but older than what counts: it leaves quarantine, never counted.
          q.markReplaced(db, p.sha256, current.sha256, 'stale');
          audit('release', { staleAgainst: current.sha256 });
        }
        return result(p.file, 'refused', refusal, m, base);
      }
      if (p.releasing) q.deleteInboxPackage(db, p.sha256);
      // The old one stops counting first: one current package per office and period.
      if (current) q.markReplaced(db, current.sha256, p.sha256);
      q.insertInboxPackage(db, row);
      q.insertContents(db, p.sha256, p.contents);
      insertInboxPhotos(db, p.sha256, p.contents.photos);
      const n = formatNumber(p.contents.activities.length);
      if (current) {
        audit('replace', { replaces: current.sha256 });
        return result(
          p.file,
          'corrected',
          {
            vi: `Đã tiếp nhận bản sửa của ${what} (lần gửi ${m.sequence}, ${n} hoạt động), thay cho lần gửi ${current.sequence}.`,
            en: `Took in the correction from ${m.office.code} for ${m.period.key} (sequence ${m.sequence}, ${p.contents.activities.length} activities), replacing sequence ${current.sequence}.`,
          },
          m,
          base,
        );
      }
      audit(p.releasing ? 'release' : 'receive');
      return result(
        p.file,
        'accepted',
        {
          vi: `Đã tiếp nhận gói của ${what} (lần gửi ${m.sequence}, ${n} hoạt động).`,
          en: `Took in the package from ${m.office.code} for ${m.period.key} (sequence ${m.sequence}, ${p.contents.activities.length} activities).`,
        },
        m,
        base,
      );
    })();
  }

  /**
   * Why `m` may not replace the counted package, or null when it is newer. Sequence numbers
   * order one key's exports; a package signed with another key (a reinstalled computer
   * starts again at 1) is ordered by the time it was made.
   */
  private notNewer(
    current: InboxPackageRow,
    m: Manifest,
    fingerprint: string,
    what: string,
  ): Msg | null {
    if (current.fingerprint !== fingerprint) {
      if (m.createdAt > current.createdAt) return null;
      return {
        vi: `Gói lần gửi ${m.sequence} của ${what} được ký bằng khóa khác và lập lúc ${m.createdAt}, trước gói đang tính (lần gửi ${current.sequence}, lập lúc ${current.createdAt}); gói bị từ chối.`,
        en: `Package sequence ${m.sequence} from ${m.office.code} for ${m.period.key} is signed with another key and was made at ${m.createdAt}, before the counted one (sequence ${current.sequence}, made at ${current.createdAt}); refused.`,
      };
    }
    if (m.sequence > current.sequence) return null;
    return current.sequence > m.sequence
      ? {
          vi: `Gói lần gửi ${m.sequence} cũ hơn gói lần gửi ${current.sequence} đã tiếp nhận của ${what}; gói bị từ chối.`,
          en: `Package sequence ${m.sequence} is older than sequence ${current.sequence} already received from ${m.office.code} for ${m.period.key}; refused.`,
        }
      : {
          vi: `Đã có một gói khác cùng lần gửi ${m.sequence} của ${what}; gói bị từ chối.`,
          en: `Another package with the same sequence ${m.sequence} from ${m.office.code} for ${m.period.key} is already received; refused.`,
        };
  }

  /** Lets in the office's quarantined packages that its register now vouches for. */
  private async release(officeCode: string): Promise<ImportResult[]> {
    const out: ImportResult[] = [];
    for (const held of q.quarantinedOf(this.ctx.db, officeCode)) {
      if (!trustOf(this.ctx.db, held.fingerprint, officeCode).trusted) continue;
      const bytes = q.packageBytes(this.ctx.db, held.sha256)!;
      const { check, data, entries } = await verifyPackageData(held.fileName, bytes);
      if (!check.ok) continue; // it verified when taken in; the stored bytes never change
      const photos = await readPackagePhotos(data, entries);
      const contents = readPackageData(check.manifest, data, photos);
      out.push(
        this.admit({
          file: held.fileName,
          sha256: held.sha256,
          bytes,
          manifest: check.manifest,
          signer: check.signer,
          contents,
          receivedAt: held.receivedAt,
          releasing: true,
        }),
      );
    }
    return out;
  }

  /**
   * Takes in files and folders (folders: every `.ttpkg` inside, recursively), one result per
   * file, in order. `onResult` reports progress.
   */
  async importPaths(
    paths: readonly string[],
    onResult?: (r: ImportResult, done: number, total: number) => void,
  ): Promise<ImportResult[]> {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs
        .readdirSync(dir, { withFileTypes: true })
        .sort((a, b) => a.name.localeCompare(b.name))) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (e.isFile() && e.name.toLowerCase().endsWith(PACKAGE_EXTENSION)) files.push(full);
      }
    };
    for (const p of paths) {
      if (fs.existsSync(p) && fs.statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
    const out: ImportResult[] = [];
    for (const file of files) {
      const r = await this.importFile(file);
      out.push(r);
      onResult?.(r, out.length, files.length);
    }
    return out;
  }

  private importFile(file: string): Promise<ImportResult> {
    let bytes: Buffer;
    try {
      const stat = fs.statSync(file);
      if (stat.size > ZIP_LIMITS.fileBytes) {
        return Promise.resolve(
          result(
            file,
            'refused',
            {
              vi: `Tệp ${path.basename(file)} quá lớn để là một gói báo cáo.`,
              en: `The file ${path.basename(file)} is too large to be a package.`,
            },
            null,
          ),
        );
      }
      bytes = fs.readFileSync(file);
    } catch {
      return Promise.resolve(
        result(
          file,
          'refused',
          { vi: `Không đọc được tệp ${file}.`, en: `Cannot read the file ${file}.` },
          null,
        ),
      );
    }
    return this.importBytes(file, bytes);
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
    const bytes = await buildProvinceBook({ desk, status, data, createdAt });
    const fileName = provinceSheetName(office?.code ?? null, status.period.key, subject);
    const dir = path.join(this.dataDir, 'reports');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, fileName);
    fs.writeFileSync(file, bytes);
    return { fileName, path: file, bytes };
  }
}
