// The province desk's register of trusted offices: certificates added from a file, a typed
// fingerprint or a quarantined package's signer, revoked and restored; offices removed by
// mistake and put back. Each change that vouches for an office lets its quarantined packages
// in (the take-in's release).
import { AppError } from '../../../shared/errors';
import {
  normalizeFingerprint,
  type ImportResult,
  type TrustedOffice,
  type TrustResult,
} from '../../../shared/inbox';
import type { Context } from '../context';
import * as q from '../inbox/queries';
import { officeNameOf, readCertificateFile } from '../inbox/trust';
import { verifyPackageBytes } from '../package/verify';
import { writeAudit } from '../queries/audit';
import { resolvePeriod } from './period';
import { parseEnrolmentQr } from '../signing';

export class InboxRegister {
  constructor(
    private readonly ctx: Context,
    /** Lets in the office's quarantined packages that the register now vouches for. */
    private readonly release: (officeCode: string) => Promise<ImportResult[]>,
  ) {}

  offices(): TrustedOffice[] {
    return q.trustedOffices(this.ctx.db);
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
   * Sets the period from which the office must report (its first day is kept), or clears it
   * (null): the desk then follows the office from its first package, or the first report due
   * after its registration.
   * Completeness and the merged figures' "expected" count read it at once.
   */
  followFrom(code: string, periodKey: string | null): TrustedOffice {
    const { db } = this.ctx;
    const before = q.trustedOffice(db, code);
    if (!before) {
      throw new AppError(
        'not_found',
        { vi: `Không có đơn vị ${code} trong danh sách.`, en: `Office ${code} is not registered.` },
        'code',
      );
    }
    // A key the desk cannot read is refused in Vietnamese by resolvePeriod, naming it.
    const day = periodKey === null ? null : resolvePeriod(db, periodKey).from;
    db.transaction(() => {
      q.setFollowFrom(db, code, day);
      writeAudit(db, {
        at: this.ctx.now(),
        entity: 'office',
        entityId: code,
        action: 'update',
        source: this.ctx.source,
        before,
        after: q.trustedOffice(db, code),
      });
    })();
    return q.trustedOffice(db, code)!;
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
}
