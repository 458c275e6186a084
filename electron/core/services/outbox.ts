// The outbox: every package leaves by a queue kept in SQLite, one delivery
// per destination (a folder or drive, each email recipient, the upload address). `runOnce`
// performs the deliveries that are due; `start` runs it on a timer that survives restarts
// because the queue is in the database: a delivery left 'sending' by a crash goes back to
// 'pending' on the next start. A delivery is claimed (pending → sending) in one statement
// before anything leaves the machine, and nothing ever moves a 'sent' one back. A package a
// correction replaced leaves the queue (see outbox/queries); people read packages by their
// number ("gói số 1"), so every sentence here names them that way.
import fs from 'node:fs';
import type {
  DeliveryKind,
  DeliveryRow,
  DeliverySettings,
  DriveInfo,
  ParsedInput,
} from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { PackageRow } from '../../../shared/package';
import type { Context } from '../context';
import { allPackages, sha256Of } from '../package';
import { getProfile } from '../queries/profile';
import { signedReportsOf } from '../queries/reports';
import { DEFAULT_BACKOFF, retryDelay, type Backoff } from '../outbox/backoff';
import { listDrives } from '../outbox/drives';
import { messageIdOf, sendMail, type MailPackage } from '../outbox/email';
import { deliverToFolder } from '../outbox/folder';
import { failed, technicalText, type Outcome } from '../outbox/outcome';
import { signedReportsIn } from '../outbox/reports';
import {
  allDeliveries,
  cancelDelivery,
  claim,
  deliveryById,
  deliveryOf,
  dueDeliveries,
  insertDelivery,
  markFailed,
  markRetry,
  markSent,
  nextDue,
  requeueSending,
  revive,
} from '../outbox/queries';
import { uploadPackage, uploadUrlProblem } from '../outbox/upload';
import type { KeyAccess } from './packages';
import { OutboxSettings } from './outboxSettings';
import type { ReportService } from './report';

export interface OutboxTuning {
  backoff?: Partial<Backoff>;
  /** The loop looks at the queue at least this often, in ms (default one minute). */
  pollMs?: number;
  /** Connection and answer timeouts for SMTP and upload, in ms (default 30 s). */
  timeoutMs?: number;
  /** Deliveries performed per run (default 20). */
  batch?: number;
}

const MIN_TICK_MS = 5;

const notFound = (id: string): AppError =>
  new AppError('not_found', {
    vi: `Không tìm thấy lượt gửi "${id}" trong hộp thư đi.`,
    en: `There is no delivery "${id}" in the outbox.`,
  });

/** A replaced package is not sent any more: the correction is what the province should get. */
const replacedError = (sequence: number, by: number): AppError =>
  new AppError('conflict', {
    vi: `Gói số ${sequence} đã được thay bằng gói số ${by} (bản đính chính) nên không gửi nữa: hãy gửi gói số ${by}.`,
    en: `Package ${sequence} was replaced by package ${by} (a correction); send package ${by} instead.`,
  });

export class OutboxService {
  private readonly backoff: Backoff;
  private readonly pollMs: number;
  private readonly timeoutMs: number;
  private readonly batch: number;
  private timer: NodeJS.Timeout | null = null;
  private started = false;
  /** Runs never overlap: the loop, "send now" and tests queue behind one another. */
  private running: Promise<unknown> = Promise.resolve();
  private readonly settings: OutboxSettings;

  constructor(
    private readonly ctx: Context,
    private readonly report: ReportService,
    access: KeyAccess,
    tuning: OutboxTuning = {},
  ) {
    this.settings = new OutboxSettings(ctx, access);
    this.backoff = { ...DEFAULT_BACKOFF, ...tuning.backoff };
    this.pollMs = tuning.pollMs ?? 60_000;
    this.timeoutMs = tuning.timeoutMs ?? 30_000;
    this.batch = tuning.batch ?? 20;
  }

  // ---------- settings ----------

  getSettings(): DeliverySettings {
    return this.settings.get();
  }

  saveSettings(input: ParsedInput<'settings:saveDelivery'>): Promise<DeliverySettings> {
    return this.settings.save(input);
  }

  // ---------- the queue ----------

  list(): DeliveryRow[] {
    return allDeliveries(this.ctx.db);
  }

  drives(): DriveInfo[] {
    return listDrives();
  }

  get(id: string): DeliveryRow {
    const row = deliveryById(this.ctx.db, id);
    if (!row) throw notFound(id);
    return row;
  }

  private packageOf(sha256: string): PackageRow {
    const pkg = allPackages(this.ctx.db).find((p) => p.sha256 === sha256);
    if (!pkg) {
      throw new AppError(
        'not_found',
        {
          vi: `Không có gói báo cáo nào có mã SHA-256 ${sha256}: hãy xuất gói trước khi gửi.`,
          en: `There is no package with SHA-256 ${sha256}; export it first.`,
        },
        'sha256',
      );
    }
    return pkg;
  }

  /**
   * One delivery per destination; a destination already queued for this package keeps its
   * row (a failed or cancelled one is queued again; a sent one stays sent).
   */
  enqueue(
    sha256: string,
    to: { folder?: string | undefined; email?: boolean | undefined; upload?: boolean | undefined },
  ): DeliveryRow[] {
    const pkg = this.packageOf(sha256);
    const correction = allPackages(this.ctx.db).find((p) => p.supersedes === sha256);
    if (correction) throw replacedError(pkg.sequence, correction.sequence);
    const targets: { kind: DeliveryKind; destination: string }[] = [];
    if (to.folder !== undefined) {
      // A drive not plugged in yet is fine (retried); a relative path is not.
      if (!/^([A-Za-z]:[\\/]|\/|\\\\)/.test(to.folder)) {
        throw new AppError(
          'invalid_input',
          {
            vi: `Thư mục "${to.folder}" phải là đường dẫn đầy đủ (ví dụ E:\\ hoặc /media/usb).`,
            en: `The folder "${to.folder}" must be a full path (e.g. E:\\ or /media/usb).`,
          },
          'folder',
        );
      }
      targets.push({ kind: 'folder', destination: to.folder });
    }
    if (to.email) {
      const recipients = this.getSettings().effectiveRecipients;
      if (recipients.length === 0) {
        throw new AppError(
          'invalid_input',
          {
            vi: 'Chưa có địa chỉ email người nhận: hãy ghi địa chỉ email vào "Nơi nhận" của đơn vị hoặc vào cài đặt gửi thư.',
            en: 'There is no recipient email address: add one to the profile recipients or the delivery settings.',
          },
          'email',
        );
      }
      // Addresses are compared lower-cased: one delivery (and one Message-ID) per mailbox.
      for (const r of new Set(recipients.map((a) => a.trim().toLowerCase()))) {
        targets.push({ kind: 'email', destination: r });
      }
    }
    if (to.upload) {
      const url = this.getSettings().uploadUrl;
      if (url === '') {
        throw new AppError(
          'invalid_input',
          {
            vi: 'Chưa có địa chỉ tải lên của tỉnh trong cài đặt gửi gói.',
            en: 'There is no upload address in the delivery settings.',
          },
          'upload',
        );
      }
      targets.push({ kind: 'upload', destination: url });
    }
    if (targets.length === 0) {
      throw new AppError('invalid_input', {
        vi: 'Hãy chọn ít nhất một nơi gửi: thư mục (ổ USB), email hoặc tải lên.',
        en: 'Choose at least one destination: a folder (USB drive), email or upload.',
      });
    }
    const { db } = this.ctx;
    const at = this.ctx.now();
    const rows = db.transaction(() =>
      targets.map(({ kind, destination }) => {
        const old = deliveryOf(db, sha256, kind, destination);
        if (old) {
          if (old.state === 'failed' || old.state === 'cancelled') revive(db, old.id, at);
          return old.id;
        }
        const id = this.ctx.newId();
        const messageId = kind === 'email' ? messageIdOf(sha256, destination) : null;
        insertDelivery(db, { id, sha256, kind, destination, messageId, at });
        return id;
      }),
    )();
    this.poke();
    return rows.map((id) => this.get(id));
  }

  cancel(id: string): DeliveryRow {
    const row = this.get(id);
    if (!cancelDelivery(this.ctx.db, id, this.ctx.now())) {
      throw new AppError('conflict', {
        vi:
          row.state === 'sent'
            ? 'Gói đã được gửi đến nơi này, không hủy được nữa.'
            : row.state === 'sending'
              ? 'Gói đang được gửi, chưa hủy được; hãy thử lại sau giây lát.'
              : 'Lượt gửi này đã được hủy.',
        en: `The delivery is ${row.state} and cannot be cancelled.`,
      });
    }
    return this.get(id);
  }

  /** Due now (a failed one is queued again), then performed. */
  async sendNow(id: string): Promise<DeliveryRow> {
    const row = this.get(id);
    if (row.state === 'sent') return row;
    if (row.replacedBy !== null) throw replacedError(row.packageSequence, row.replacedBy);
    if (row.state === 'cancelled') {
      throw new AppError('conflict', {
        vi: 'Lượt gửi này đã bị hủy; hãy thêm lại nơi gửi nếu muốn gửi.',
        en: 'This delivery was cancelled; queue the destination again to send it.',
      });
    }
    if (row.state !== 'sending') revive(this.ctx.db, id, this.ctx.now());
    await this.runOnce();
    return this.get(id);
  }

  /** Performs the deliveries due at `now` (one batch); resolves to those it attempted. */
  runOnce(now?: Date | string): Promise<DeliveryRow[]> {
    const run = this.running.then(() => this.runNow(now));
    this.running = run.catch(() => undefined);
    return run;
  }

  private async runNow(now?: Date | string): Promise<DeliveryRow[]> {
    const { db } = this.ctx;
    if (!db.open) return [];
    const at = now === undefined ? this.ctx.now() : new Date(now).toISOString();
    const done: DeliveryRow[] = [];
    for (const d of dueDeliveries(db, at, this.batch)) {
      if (!db.open) break;
      if (!claim(db, d.id, this.ctx.now())) continue;
      let outcome: Outcome;
      try {
        outcome = await this.perform(d);
      } catch (err) {
        // The error's own words are kept for whoever looks into it, behind a sentence the
        // office can read.
        outcome =
          err instanceof AppError
            ? failed(err.msg.vi)
            : failed(
                'Gặp lỗi không lường trước khi gửi gói: hãy bấm "Gửi ngay" để thử lại; nếu vẫn lỗi, hãy chép phần chi tiết gửi cho người hỗ trợ phần mềm.',
                err instanceof Error && err.stack ? err.stack : technicalText(err),
              );
      }
      if (!db.open) break; // closed while sending: the next start finds it 'sending' and retries
      const end = this.ctx.now();
      if (outcome.kind === 'sent') markSent(db, d.id, end);
      else {
        const problem = { message: outcome.error, detail: outcome.detail };
        if (outcome.kind === 'failed') markFailed(db, d.id, end, problem);
        else {
          const wait = retryDelay(this.backoff, d.attempts + 1);
          const next = new Date(Math.max(Date.parse(end), Date.parse(at)) + wait).toISOString();
          markRetry(db, d.id, end, next, problem);
        }
      }
      done.push(this.get(d.id));
    }
    return done;
  }

  private async perform(d: DeliveryRow): Promise<Outcome> {
    const pkg = this.packageOf(d.packageSha256);
    let bytes: Buffer;
    const name = `gói số ${pkg.sequence}`;
    try {
      bytes = fs.readFileSync(pkg.path);
    } catch (err) {
      return failed(
        `Không đọc được tệp của ${name} (${pkg.path}): tệp đã bị xóa hoặc di chuyển. Hãy đặt tệp trở lại chỗ cũ rồi bấm "Gửi ngay", hoặc mở khóa kỳ báo cáo và xuất gói mới.`,
        technicalText(err),
      );
    }
    if (sha256Of(bytes) !== pkg.sha256) {
      return failed(
        `Tệp của ${name} (${pkg.path}) đã bị thay đổi sau khi xuất nên không gửi được: hãy mở khóa kỳ báo cáo và xuất gói mới.`,
        `SHA-256 ghi lúc xuất ${pkg.sha256}, SHA-256 của tệp ${sha256Of(bytes)}`,
      );
    }
    const file = { sha256: pkg.sha256, fileName: pkg.fileName, bytes };
    switch (d.kind) {
      case 'folder':
        return deliverToFolder(d.destination, file);
      case 'upload': {
        const problem = uploadUrlProblem(d.destination);
        if (problem) {
          return failed(
            `${problem} Hãy sửa địa chỉ tải lên ở màn hình "Khóa ký và gửi" rồi gửi lại gói.`,
            d.destination,
          );
        }
        return uploadPackage(d.destination, file, this.timeoutMs);
      }
      case 'email': {
        const account = await this.settings.account();
        if ('message' in account) return failed(account.message, account.detail);
        const mail = await this.mailPackage(pkg, bytes);
        if (typeof mail === 'string') {
          return failed(
            `Không gửi được ${name} qua email vì gói không đọc được: hãy mở khóa kỳ báo cáo và xuất gói mới.`,
            mail,
          );
        }
        return sendMail(account, mail, d.destination, this.timeoutMs);
      }
    }
  }

  private async mailPackage(pkg: PackageRow, bytes: Buffer): Promise<MailPackage | string> {
    // Names as the export gave them; the bytes from the package itself (see outbox/reports).
    const names = new Map(
      signedReportsOf(this.ctx.db, pkg.sha256).map((r) => [r.subject, r.fileName] as const),
    );
    const reports = await signedReportsIn(bytes, names);
    if (typeof reports === 'string') return reports;
    const office = getProfile(this.ctx.db)?.office;
    let label = pkg.period.key;
    try {
      label = this.report.period(pkg.period.key).label;
    } catch {
      /* the key itself is still understandable */
    }
    return {
      sha256: pkg.sha256,
      fileName: pkg.fileName,
      bytes,
      sequence: pkg.sequence,
      supersedes: pkg.supersedes,
      supersedesSequence:
        allPackages(this.ctx.db).find((p) => p.sha256 === pkg.supersedes)?.sequence ?? null,
      office: { code: office?.code ?? '', name: office?.name ?? '' },
      period: { ...pkg.period, label },
      reports,
    };
  }

  // ---------- the loop ----------

  /** Puts back what a crash left 'sending', then runs due deliveries on a timer. */
  start(): void {
    if (this.started) return;
    this.started = true;
    requeueSending(this.ctx.db, this.ctx.now());
    this.schedule(0);
  }

  /** Whether the delivery loop runs (so a restore can start it again). */
  isStarted(): boolean {
    return this.started;
  }

  stop(): void {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Resolves when the run in progress (if any) has finished. */
  idle(): Promise<void> {
    return this.running.then(() => undefined);
  }

  /** Something was queued: look at the queue soon rather than at the next poll. */
  private poke(): void {
    if (this.started) this.schedule(0);
  }

  private schedule(ms: number): void {
    if (!this.started) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), Math.max(ms, 0));
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    try {
      await this.runOnce();
    } catch (err) {
      console.error('[outbox] run failed', err);
    }
    if (!this.started || !this.ctx.db.open) return;
    const due = nextDue(this.ctx.db);
    let wait = this.pollMs;
    if (due !== null) {
      const until = due === '' ? 0 : Date.parse(due) - Date.parse(this.ctx.now());
      wait = Math.min(this.pollMs, Math.max(until, MIN_TICK_MS));
    }
    this.schedule(wait);
  }
}
