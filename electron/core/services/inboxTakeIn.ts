// The province desk's take-in: a package file is checked by the same `verifyPackageData` as
// `tuyentruyen verify`, its records once by readPackageData, then it is taken in by one
// transaction under the rules of trust and replay. A quarantined package is let in the same
// way when the register comes to vouch for its signer.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Msg } from '../../../shared/errors';
import { formatDate, formatNumber, vietnamDay } from '../../../shared/format';
import type { ImportResult, InboxPackageRow } from '../../../shared/inbox';
import { PACKAGE_EXTENSION, type Manifest } from '../../../shared/package';
import type { Period } from '../../../shared/period';
import type { Context } from '../context';
import { insertInboxPhotos } from '../inbox/photos';
import { readPackage, type PackageRead, type ReadPackageInput } from '../inbox/readPackage';
import type { PackageContents } from '../inbox/data';
import * as q from '../inbox/queries';
import { trustOf } from '../inbox/trust';
import { ZIP_LIMITS } from '../package/zip';
import { writeAudit } from '../queries/audit';
import { WorkerThread } from '../workers/thread';
import { resolvePeriod } from './period';

/** From this many files on, they are checked on a worker thread. */
const WORKER_FROM_FILES = 3;
/** How many files are checked ahead of the one being inserted. */
const FILES_AHEAD = 2;

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

/** The office's name as the register has it, else as the package gives it. */
const officeName = (db: Database, code: string, fallback: string): string =>
  q.trustedOffice(db, code)?.name ?? fallback;

/** A package that passed every check, ready for the transaction that takes it in. */
interface Admission {
  file: string;
  sha256: string;
  bytes: Buffer;
  manifest: Manifest;
  signer: { subject: string; fingerprint: string; signingTime: string };
  contents: PackageContents;
  receivedAt: string;
  /** Set when letting a quarantined package in: its row is replaced, its receipt time kept. */
  releasing?: boolean;
}

export class InboxTakeIn {
  constructor(private readonly ctx: Context) {}

  /** Takes in one package file's bytes; never throws for a bad package, only for a bug. */
  async importBytes(file: string, bytes: Buffer): Promise<ImportResult> {
    const checked = await this.check(file, bytes);
    return 'outcome' in checked ? checked : this.admit(checked);
  }

  /**
   * Everything before the transaction: the hash, a package already held, verify, the period,
   * every record. Gives the package ready to admit, or the result when it goes no further.
   * `reader` checks the file's contents, on a worker thread when many files come.
   */
  private async check(
    file: string,
    bytes: Buffer,
    reader: (input: ReadPackageInput) => Promise<PackageRead> = readPackage,
  ): Promise<ImportResult | Admission> {
    const sha256 = sha256Of(bytes);
    const held = q.inboxPackage(this.ctx.db, sha256);
    if (held) return this.duplicate(file, held);
    const read = await reader({ file, bytes });
    if (read.state === 'unverified') return result(file, 'refused', read.reason, null, { sha256 });
    const { check } = read;
    const mismatch = this.periodMismatch(check.manifest);
    if (mismatch) return result(file, 'refused', mismatch, check.manifest, { sha256 });
    if (read.state === 'refused') {
      return result(file, 'refused', read.reason, check.manifest, { sha256 });
    }
    return {
      file,
      sha256,
      bytes,
      manifest: check.manifest,
      signer: check.signer,
      contents: read.contents,
      receivedAt: this.ctx.now(),
    };
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
      officeName: officeName(this.ctx.db, held.officeCode, held.officeName),
      period: held.period,
      sequence: held.sequence,
      fingerprint: held.fingerprint,
    };
  }

  /** Trust, then the rules of replay, in one transaction. */
  private admit(p: Admission): ImportResult {
    const { db } = this.ctx;
    const m = p.manifest;
    const name = officeName(this.ctx.db, m.office.code, p.contents.officeName);
    const base = { sha256: p.sha256, fingerprint: p.signer.fingerprint, officeName: name };
    const what = `${name} ${m.period.label}`;
    const row: q.NewPackage = {
      sha256: p.sha256,
      fileName: path.basename(p.file),
      manifest: m,
      officeName: p.contents.officeName,
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
      const id = q.insertInboxPackage(db, row);
      q.insertContents(db, id, p.contents);
      insertInboxPhotos(db, id, p.contents.photos);
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
  async release(officeCode: string): Promise<ImportResult[]> {
    const out: ImportResult[] = [];
    for (const held of q.quarantinedOf(this.ctx.db, officeCode)) {
      if (!trustOf(this.ctx.db, held.fingerprint, officeCode).trusted) continue;
      const bytes = q.packageBytes(this.ctx.db, held.sha256)!;
      const read = await readPackage({ file: held.fileName, bytes });
      // It was read when taken in, and the stored bytes never change.
      if (read.state !== 'read') continue;
      const { check, contents } = read;
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
    // Files ahead are checked (their ZIP, signature and records) on a worker thread while
    // this thread inserts the one before: each is still admitted in order, by its own
    // transaction, which looks again for the same package come in meanwhile (a copy of it
    // in the folder). For a file or two, a thread's start would cost more than it saves.
    const thread =
      files.length >= WORKER_FROM_FILES
        ? new WorkerThread<ReadPackageInput, PackageRead>('inbox-worker.cjs', readPackage)
        : null;
    const reader = thread ? (input: ReadPackageInput) => thread.run(input) : readPackage;
    const out: ImportResult[] = [];
    const ahead: Promise<ImportResult | Admission>[] = [];
    const queue = (i: number) => {
      if (i >= files.length) return;
      const checked = this.checkFile(files[i]!, reader);
      // A bug thrown below must not leave a file ahead's failure unhandled.
      checked.catch(() => undefined);
      ahead.push(checked);
    };
    try {
      for (let i = 0; i < FILES_AHEAD && i < files.length; i++) queue(i);
      for (let i = 0; i < files.length; i++) {
        const checked = await ahead.shift()!;
        queue(i + FILES_AHEAD);
        const r = 'outcome' in checked ? checked : this.admit(checked);
        out.push(r);
        onResult?.(r, out.length, files.length);
      }
    } finally {
      thread?.close();
    }
    return out;
  }

  private checkFile(
    file: string,
    reader: (input: ReadPackageInput) => Promise<PackageRead>,
  ): Promise<ImportResult | Admission> {
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
    return this.check(file, bytes, reader);
  }
}
