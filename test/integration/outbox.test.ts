// The outbox against real servers on 127.0.0.1: smtp-server refusing with
// 421 then accepting, or 550; a node:http server answering 503 then 201; a real folder. The
// packages are real exports; the queue is driven with runOnce() and a 10 ms backoff.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createCore, DB_FILE, type Core, type CoreOptions } from '../../electron/core';
import { folderProblem } from '../../electron/core/outbox/folder';
import { readZip, verifyPackage, verifyPackageBytes, writeZip } from '../../electron/core/package';
import type { DeliveryRow, Input } from '../../shared/contract';
import {
  DATA_FILE,
  MANIFEST_FILE,
  REPORT_FILE,
  SIGNATURE_FILE,
  reportEntry,
  type ExportResult,
  type Manifest,
} from '../../shared/package';
import profile from '../fixtures/profile.json';
import { tempDir } from './helpers';

const PASSPHRASE = 'mật khẩu đúng 123';
const TUNING: CoreOptions['outboxTuning'] = {
  backoff: { baseMs: 10, capMs: 40 },
  pollMs: 50,
  timeoutMs: 5_000,
};

const van: Input<'activities:create'> = {
  id: 'v1',
  channel: 'van',
  date: '2023-07-28',
  communes: ['CL-HT'],
  themes: ['trafficking'],
  title: 'Tuyên truyền lưu động',
  audience: 100,
  measures: { sessions: 1, km: 10, minutes: 60 },
};

let template: string;
let exported: ExportResult;
let pkgBytes: Buffer;
/** An office reporting on two subjects: its package holds two signed Word reports. */
let template2: string;
let exported2: ExportResult;
let pkgBytes2: Buffer;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const cores: Core[] = [];
const closers: (() => Promise<void>)[] = [];

function open(dataDir: string, extra: Partial<CoreOptions> = {}): Core {
  const core = createCore({
    dataDir,
    mode: 'browser',
    passphrase: PASSPHRASE,
    outboxTuning: TUNING,
    ...extra,
  });
  cores.push(core);
  return core;
}

/** A fresh data folder holding the exported package (the package file stays in the template). */
function copyOfTemplate(from = template): string {
  const dir = tempDir('tt-outbox-');
  fs.copyFileSync(path.join(from, DB_FILE), path.join(dir, DB_FILE));
  return dir;
}

async function value<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

const settings = (
  over: Partial<Input<'settings:saveDelivery'>>,
): Input<'settings:saveDelivery'> => ({
  smtpHost: '127.0.0.1',
  smtpPort: 25,
  smtpSecurity: 'none',
  smtpUser: '',
  sender: 'vhtt.caoloc@example.vn',
  recipients: ['so.tttt@example.vn'],
  uploadUrl: '',
  ...over,
});

/** Runs the queue at each delivery's due time until none is pending (bounded). */
async function drain(core: Core, id: string, maxRuns = 10): Promise<DeliveryRow> {
  let row = core.outbox.get(id);
  for (let i = 0; i < maxRuns && row.state === 'pending'; i++) {
    await core.outbox.runOnce(row.nextAttemptAt ?? undefined);
    row = core.outbox.get(id);
  }
  return row;
}

// ---------- an SMTP server that refuses as told, then accepts ----------

interface Smtp {
  port: number;
  messages: Buffer[];
  attempts: number;
  logins: string[];
}

async function smtpServer(refusals: { code: number; text: string }[]): Promise<Smtp> {
  const state: Smtp = { port: 0, messages: [], attempts: 0, logins: [] };
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      state.logins.push(`${auth.username}:${auth.password}`);
      cb(null, { user: auth.username });
    },
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        state.attempts++;
        const refusal = refusals.shift();
        if (refusal) {
          cb(Object.assign(new Error(refusal.text), { responseCode: refusal.code }));
        } else {
          state.messages.push(Buffer.concat(chunks));
          cb(null, 'Queued');
        }
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.server.address() as AddressInfo).port;
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return state;
}

interface MimePart {
  type: string;
  filename: string | null;
  bytes: Buffer;
}

function decodeQuotedPrintable(body: string): Buffer {
  const text = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}

/** The file name of a part, also when split (RFC 2231 `filename*0=`) or encoded (`filename*=`). */
function filenameOf(headers: string): string | null {
  const disposition = /^Content-Disposition:(.*)$/im.exec(headers)?.[1];
  if (!disposition) return null;
  const pieces = [...disposition.matchAll(/filename(\*\d+)?(\*)?=("([^"]*)"|[^;\s]*)/gi)];
  if (pieces.length === 0) return null;
  return pieces
    .map((m) => {
      const value = m[4] ?? m[3]!;
      return m[2] ? decodeURIComponent(value.replace(/^[^']*'[^']*'/, '')) : value;
    })
    .join('');
}

/** The parts of a raw multipart/mixed message, decoded (base64, quoted-printable or as is). */
function partsOf(raw: string): MimePart[] {
  const boundary = /boundary="?([^";\r\n]+)"?/.exec(raw)![1]!;
  return raw
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((p) => {
      const at = p.indexOf('\r\n\r\n');
      const headers = p.slice(0, at).replace(/\r\n[ \t]+/g, ' ');
      const body = p.slice(at + 4);
      const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
      const bytes =
        encoding === 'base64'
          ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
          : encoding === 'quoted-printable'
            ? decodeQuotedPrintable(body)
            : Buffer.from(body, 'latin1');
      const type = /^Content-Type:\s*([^;\s]+)/im.exec(headers)?.[1]?.toLowerCase() ?? '';
      return { type, filename: filenameOf(headers), bytes };
    });
}

/** The package attached to a raw message. */
function attachmentOf(raw: string): Buffer {
  return partsOf(raw).find((p) => p.filename?.endsWith('.ttpkg'))!.bytes;
}
const textOf = (raw: string): string =>
  partsOf(raw)
    .find((p) => p.type === 'text/plain')!
    .bytes.toString('utf8');
const headerOf = (raw: string, name: string): string | undefined =>
  new RegExp(`^${name}: (.*)$`, 'mi').exec(raw.replace(/\r\n[ \t]+/g, ' '))?.[1]?.trim();

/** Sends the package of `dataDir` by email to a fresh SMTP server; the raw message received. */
async function mailed(dataDir: string, sha: string): Promise<string> {
  const smtp = await smtpServer([]);
  const core = open(dataDir);
  await value(core, 'settings:saveDelivery', settings({ smtpPort: smtp.port }));
  const [d] = core.outbox.enqueue(sha, { email: true });
  const row = await core.outbox.sendNow(d!.id);
  expect(row.lastError).toBeNull();
  expect(row.state).toBe('sent');
  expect(smtp.messages).toHaveLength(1);
  return smtp.messages[0]!.toString('latin1');
}

beforeAll(async () => {
  template = tempDir('tt-outbox-tpl-');
  const core = createCore({ dataDir: template, mode: 'browser', passphrase: PASSPHRASE });
  try {
    await value(core, 'profile:save', JSON.parse(JSON.stringify(profile)));
    await value(core, 'activities:create', van);
    exported = await value<ExportResult>(core, 'package:export', { period: '2023-Q3' });
  } finally {
    core.close();
  }
  pkgBytes = fs.readFileSync(exported.path);

  template2 = tempDir('tt-outbox-tpl2-');
  const core2 = createCore({ dataDir: template2, mode: 'browser', passphrase: PASSPHRASE });
  try {
    const two = JSON.parse(JSON.stringify(profile)) as typeof profile;
    await value(core2, 'profile:save', {
      ...two,
      office: { ...two.office, subjects: ['trafficking', 'drugs'] },
    });
    await value(core2, 'activities:create', van);
    await value(core2, 'activities:create', {
      ...van,
      id: 'v2',
      themes: ['drugs'],
      title: 'Tuyên truyền phòng, chống ma túy',
    });
    exported2 = await value<ExportResult>(core2, 'package:export', { period: '2023-Q3' });
  } finally {
    core2.close();
  }
  pkgBytes2 = fs.readFileSync(exported2.path);
});

afterEach(() => {
  while (cores.length > 0) cores.pop()!.close();
});

afterAll(async () => {
  for (const close of closers) await close();
});

describe('email delivery', () => {
  it('retries two 421 refusals and delivers exactly one message carrying the package byte for byte', async () => {
    const smtp = await smtpServer([
      { code: 421, text: 'Service busy, try later' },
      { code: 421, text: 'Service busy, try later' },
    ]);
    const core = open(copyOfTemplate());
    const saved = await value<{ hasPassword: boolean }>(
      core,
      'settings:saveDelivery',
      settings({ smtpPort: smtp.port, smtpUser: 'vhtt', smtpPassword: 'thư-bí-mật' }),
    );
    expect(saved.hasPassword).toBe(true);
    expect(JSON.stringify(saved)).not.toContain('thư-bí-mật');

    const [d] = await value<DeliveryRow[]>(core, 'outbox:enqueue', {
      sha256: exported.sha256,
      email: true,
    });
    expect(d!.destination).toBe('so.tttt@example.vn');
    // Queued again: the same row, not a second delivery.
    const again = await value<DeliveryRow[]>(core, 'outbox:enqueue', {
      sha256: exported.sha256,
      email: true,
    });
    expect(again.map((r) => r.id)).toEqual([d!.id]);

    await core.outbox.runOnce();
    let row = core.outbox.get(d!.id);
    expect(row.state).toBe('pending');
    expect(row.attempts).toBe(1);
    // A plain sentence; the server's code and words behind it, for whoever helps the office.
    expect(row.lastError).toContain('Máy chủ thư đang bận');
    expect(row.lastError).not.toContain('Service busy');
    expect(row.errorDetail).toContain('421');
    expect(row.errorDetail).toContain('Service busy');
    expect(row.nextAttemptAt! > row.updatedAt).toBe(true);

    row = await drain(core, d!.id);
    expect(row.state).toBe('sent');
    expect(row.attempts).toBe(3);
    expect(row.sentAt).not.toBeNull();
    // Sent stays sent: more runs and "send now" send nothing.
    await core.outbox.runOnce(new Date(Date.now() + 3_600_000));
    expect((await core.outbox.sendNow(d!.id)).state).toBe('sent');

    expect(smtp.attempts).toBe(3);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.logins).toEqual(['vhtt:thư-bí-mật', 'vhtt:thư-bí-mật', 'vhtt:thư-bí-mật']);
    const raw = smtp.messages[0]!.toString('latin1');
    expect(attachmentOf(raw).equals(pkgBytes)).toBe(true);
    expect(headerOf(raw, 'Message-ID')).toBe(row.messageId);
    expect(row.messageId).toMatch(
      new RegExp(`^<${exported.sha256}\\.[0-9a-f]{16}@sotuyentruyen\\.local>$`),
    );
  });

  it('still sends exactly one message when the outbox is stopped and restarted between attempts', async () => {
    const smtp = await smtpServer([
      { code: 421, text: 'Try again later' },
      { code: 421, text: 'Try again later' },
    ]);
    const dir = copyOfTemplate();
    const first = open(dir);
    await value(first, 'settings:saveDelivery', settings({ smtpPort: smtp.port }));
    const [d] = first.outbox.enqueue(exported.sha256, { email: true });
    await first.outbox.runOnce();
    expect(first.outbox.get(d!.id).attempts).toBe(1);
    cores.splice(cores.indexOf(first), 1);
    first.close();
    // A crash in the middle of the second attempt leaves the row 'sending'.
    const raw = new BetterSqlite3(path.join(dir, DB_FILE));
    raw.prepare("UPDATE deliveries SET state = 'sending' WHERE id = ?").run(d!.id);
    raw.close();

    // The next start puts it back in the queue and the loop (a 10 ms backoff) finishes it.
    const second = open(dir, { outbox: true });
    let row = second.outbox.get(d!.id);
    for (let i = 0; i < 200 && row.state !== 'sent'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      row = second.outbox.get(d!.id);
    }
    expect(row.state).toBe('sent');
    await new Promise((r) => setTimeout(r, 150));
    await second.outbox.idle();
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.attempts).toBe(3);
    expect(attachmentOf(smtp.messages[0]!.toString('latin1')).equals(pkgBytes)).toBe(true);
  });

  it('sends again, with the same Message-ID, a message a crash left unconfirmed (at least once)', async () => {
    const smtp = await smtpServer([]);
    const dir = copyOfTemplate();
    const first = open(dir);
    await value(first, 'settings:saveDelivery', settings({ smtpPort: smtp.port }));
    const [d] = first.outbox.enqueue(exported.sha256, { email: true });
    await first.outbox.runOnce();
    expect(first.outbox.get(d!.id).state).toBe('sent');
    cores.splice(cores.indexOf(first), 1);
    first.close();
    // The server took the message, then the power went before the row said so.
    const raw = new BetterSqlite3(path.join(dir, DB_FILE));
    raw.prepare("UPDATE deliveries SET state = 'sending', sent_at = NULL WHERE id = ?").run(d!.id);
    raw.close();

    const second = open(dir);
    second.outbox.start();
    second.outbox.stop();
    await second.outbox.runOnce();
    expect(second.outbox.get(d!.id).state).toBe('sent');
    expect(smtp.messages).toHaveLength(2);
    const ids = smtp.messages.map((m) => headerOf(m.toString('latin1'), 'Message-ID'));
    expect(ids[0]).toBe(ids[1]); // the province's mail and desk see one message, twice
  });

  it('marks a 550 refusal failed with the server’s words, and does not retry it', async () => {
    const smtp = await smtpServer([
      { code: 550, text: 'Mailbox unavailable: policy rejection' },
      { code: 550, text: 'Mailbox unavailable: policy rejection' },
    ]);
    const core = open(copyOfTemplate());
    await value(core, 'settings:saveDelivery', settings({ smtpPort: smtp.port }));
    const [d] = core.outbox.enqueue(exported.sha256, { email: true });
    await core.outbox.runOnce();
    const row = core.outbox.get(d!.id);
    expect(row.state).toBe('failed');
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain('Máy chủ thư từ chối hẳn thư này');
    expect(row.lastError).toContain('hãy kiểm tra địa chỉ người nhận');
    expect(row.errorDetail).toContain('550');
    expect(row.errorDetail).toContain('Mailbox unavailable: policy rejection');
    await core.outbox.runOnce(new Date(Date.now() + 3_600_000));
    expect(smtp.attempts).toBe(1);
    expect(smtp.messages).toHaveLength(0);
    // A failed delivery can be cancelled, and a cancelled one is not sent.
    expect((await value<DeliveryRow>(core, 'outbox:cancel', { id: d!.id })).state).toBe(
      'cancelled',
    );
    const r = await core.call('outbox:sendNow', { id: d!.id });
    expect(r.ok).toBe(false);
  });

  it('retries while the server cannot be reached', async () => {
    const core = open(copyOfTemplate());
    // A port nobody listens on: take one and close it.
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    await value(core, 'settings:saveDelivery', settings({ smtpPort: port }));
    const [d] = core.outbox.enqueue(exported.sha256, { email: true });
    await core.outbox.runOnce();
    const row = core.outbox.get(d!.id);
    expect(row.state).toBe('pending');
    expect(row.lastError).toContain('Không kết nối được máy chủ thư');
    expect(row.lastError).toContain('hãy kiểm tra mạng Internet');
    expect(row.errorDetail).toMatch(/ECONNREFUSED/);
  });
});

describe('the signed Word reports beside an emailed package', () => {
  it('attaches one .docx per subject, byte for byte the report signed into the package', async () => {
    const raw = await mailed(copyOfTemplate(template2), exported2.sha256);
    const parts = partsOf(raw);
    const attached = parts.filter((p) => p.filename !== null);
    expect(attached.map((p) => p.filename)).toEqual([
      exported2.fileName,
      'BaoCao_LS-CAOLOC-VHTT_2023-Q3.docx',
      'BaoCao_LS-CAOLOC-VHTT_2023-Q3_MaTuy.docx',
    ]);
    // The package travels unchanged and still verifies.
    const pkg = attached[0]!;
    expect(pkg.bytes.equals(pkgBytes2)).toBe(true);
    expect((await verifyPackageBytes(exported2.fileName, pkg.bytes)).ok).toBe(true);

    // Each Word file is the one inside the attached package, as its signed manifest lists it.
    const entries = new Map((await readZip(pkg.bytes)).map((e) => [e.name, e]));
    const manifest = JSON.parse(entries.get(MANIFEST_FILE)!.bytes.toString('utf8')) as Manifest;
    expect(manifest.reports).toEqual([
      { subject: 'trafficking', file: reportEntry('trafficking') },
      { subject: 'drugs', file: reportEntry('drugs') },
    ]);
    const docx = attached.slice(1);
    for (const [i, subject] of (['trafficking', 'drugs'] as const).entries()) {
      const entry = entries.get(reportEntry(subject))!;
      const part = docx[i]!;
      expect(part.type).toBe(DOCX);
      expect(sha256(part.bytes)).toBe(entry.sha256);
      expect(sha256(part.bytes)).toBe(
        manifest.files.find((f) => f.name === reportEntry(subject))!.sha256,
      );
      expect(part.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    }
    // The two reports differ (each counts its own subject).
    expect(docx[0]!.bytes.equals(docx[1]!.bytes)).toBe(false);

    // The message says, in Vietnamese, what is attached.
    const text = textOf(raw);
    expect(text).toContain('Kèm theo: gói dữ liệu có chữ ký số và 2 báo cáo (tệp Word)');
    expect(text).toContain(`Gói dữ liệu có chữ ký số: ${exported2.fileName}`);
    expect(text).toContain(
      'Báo cáo (tệp Word) về công tác phòng, chống mua bán người: BaoCao_LS-CAOLOC-VHTT_2023-Q3.docx',
    );
    expect(text).toContain(
      'Báo cáo (tệp Word) về công tác phòng, chống ma túy: BaoCao_LS-CAOLOC-VHTT_2023-Q3_MaTuy.docx',
    );
    expect(text).toContain(sha256(docx[1]!.bytes));
  });

  it('attaches the one report of an office with one subject', async () => {
    const raw = await mailed(copyOfTemplate(), exported.sha256);
    const attached = partsOf(raw).filter((p) => p.filename !== null);
    expect(attached.map((p) => p.filename)).toEqual([
      exported.fileName,
      'BaoCao_LS-CAOLOC-VHTT_2023-Q3.docx',
    ]);
    const entry = (await readZip(pkgBytes)).find((e) => e.name === reportEntry('trafficking'))!;
    expect(attached[1]!.bytes.equals(entry.bytes)).toBe(true);
    expect(textOf(raw)).toContain('Kèm theo: gói dữ liệu có chữ ký số và báo cáo (tệp Word)');
  });

  it('attaches report.docx of a package from before subjects (no signed reports kept)', async () => {
    // A version 1 package: one report.docx, no `reports` in the manifest, and no
    // signed_reports rows. The outbox never checks the signature, only that the file is the
    // one recorded, so the old layout is rebuilt from the new package's entries.
    const entries = new Map((await readZip(pkgBytes)).map((e) => [e.name, e]));
    const report = entries.get(reportEntry('trafficking'))!;
    const data = entries.get(DATA_FILE)!;
    const newer = JSON.parse(entries.get(MANIFEST_FILE)!.bytes.toString('utf8')) as Manifest;
    const { reports: _dropped, counts, ...rest } = newer;
    const { photos: _photos, ...v1Counts } = counts;
    const manifest: Manifest = {
      ...rest,
      counts: v1Counts,
      schemaVersion: 1,
      files: [
        { name: DATA_FILE, sha256: data.sha256, size: data.bytes.length },
        { name: REPORT_FILE, sha256: report.sha256, size: report.bytes.length },
      ],
    };
    const v1 = await writeZip([
      { name: MANIFEST_FILE, bytes: Buffer.from(JSON.stringify(manifest)), compress: true },
      { name: SIGNATURE_FILE, bytes: entries.get(SIGNATURE_FILE)!.bytes, compress: false },
      { name: DATA_FILE, bytes: data.bytes, compress: true },
      { name: REPORT_FILE, bytes: report.bytes, compress: false },
    ]);
    const dir = copyOfTemplate();
    const file = path.join(tempDir('tt-outbox-v1-'), 'LS-CAOLOC-VHTT_2023-Q3_0001.ttpkg');
    fs.writeFileSync(file, v1);
    const v1Sha = sha256(v1);
    const db = new BetterSqlite3(path.join(dir, DB_FILE));
    db.prepare('DELETE FROM signed_reports').run();
    db.prepare('UPDATE packages SET sha256 = ?, path = ? WHERE sha256 = ?').run(
      v1Sha,
      file,
      exported.sha256,
    );
    db.prepare('UPDATE period_locks SET package_sha256 = ? WHERE package_sha256 = ?').run(
      v1Sha,
      exported.sha256,
    );
    db.close();

    const raw = await mailed(dir, v1Sha);
    const attached = partsOf(raw).filter((p) => p.filename !== null);
    expect(attached.map((p) => p.filename)).toEqual([
      'LS-CAOLOC-VHTT_2023-Q3_0001.ttpkg',
      'BaoCao_LS-CAOLOC-VHTT_2023-Q3.docx',
    ]);
    expect(attached[0]!.bytes.equals(v1)).toBe(true);
    expect(attached[1]!.type).toBe(DOCX);
    expect(sha256(attached[1]!.bytes)).toBe(report.sha256);
  });
});

describe('upload', () => {
  it('retries a 503 and then delivers one package, both requests with the same Idempotency-Key', async () => {
    const requests: { key: string | undefined; type: string | undefined; body: Buffer }[] = [];
    const statuses = [503, 201];
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        requests.push({
          key: req.headers['idempotency-key'] as string | undefined,
          type: req.headers['content-type'],
          body: Buffer.concat(chunks),
        });
        const status = statuses.shift() ?? 500;
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 201 ? 'ok' : 'busy');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/packages`;

    const core = open(copyOfTemplate());
    await value(core, 'settings:saveDelivery', settings({ uploadUrl: url }));
    const [d] = core.outbox.enqueue(exported.sha256, { upload: true });
    await core.outbox.runOnce();
    let row = core.outbox.get(d!.id);
    expect(row.state).toBe('pending');
    expect(row.lastError).toContain('Máy chủ của tỉnh tạm thời chưa nhận gói');
    expect(row.lastError).not.toContain('503');
    expect(row.errorDetail).toContain('HTTP 503');
    row = await drain(core, d!.id);
    expect(row.state).toBe('sent');
    expect(row.attempts).toBe(2);

    expect(requests).toHaveLength(2);
    expect(requests.map((r) => r.key)).toEqual([exported.sha256, exported.sha256]);
    expect(requests.every((r) => r.type === 'application/octet-stream')).toBe(true);
    expect(requests[1]!.body.equals(pkgBytes)).toBe(true);
  });

  it('accepts only https:// addresses, or http:// to this machine', async () => {
    const core = open(copyOfTemplate());
    const r = await core.call(
      'settings:saveDelivery',
      settings({ uploadUrl: 'http://baocao.langson.gov.vn/api' }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe('uploadUrl');
      expect(r.error.message).toContain('HTTPS');
    }
    const ok = await core.call('settings:saveDelivery', settings({ uploadUrl: 'https://x.vn/p' }));
    expect(ok.ok).toBe(true);
  });
});

describe('folder delivery', () => {
  it('writes the package, which verifies, and leaves no .part file', async () => {
    const core = open(copyOfTemplate());
    const usb = tempDir('tt-usb-');
    const [d] = await value<DeliveryRow[]>(core, 'outbox:enqueue', {
      sha256: exported.sha256,
      folder: usb,
    });
    const row = await core.outbox.sendNow(d!.id);
    expect(row.state).toBe('sent');
    expect(fs.readdirSync(usb)).toEqual([exported.fileName]);
    const check = await verifyPackage(path.join(usb, exported.fileName));
    expect(check.ok).toBe(true);
    expect(check.ok && check.sha256).toBe(exported.sha256);
  });

  it('keeps a delivery to a drive that is not plugged in pending, with the reason', async () => {
    const core = open(copyOfTemplate());
    const missing = path.join(tempDir('tt-usb-'), 'not-plugged-in');
    const [d] = core.outbox.enqueue(exported.sha256, { folder: missing });
    await core.outbox.runOnce();
    const row = core.outbox.get(d!.id);
    expect(row.state).toBe('pending');
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain(missing);
    // One Vietnamese sentence naming the folder, not Node's "ENOENT: no such file …".
    expect(row.lastError).toContain(`Không tìm thấy thư mục ${missing}`);
    expect(row.lastError).toContain('ổ USB chưa được cắm');
    expect(row.lastError).toContain('Hãy cắm ổ USB vào máy');
    expect(row.lastError).not.toMatch(/ENOENT|no such file|stat /);
    // Node's own words are kept, apart, for whoever supports the office.
    expect(row.errorDetail).toMatch(/^ENOENT: no such file or directory, stat /);
    expect(row.errorDetail).toContain(missing);
    fs.mkdirSync(missing);
    expect((await drain(core, d!.id)).state).toBe('sent');
  });

  it('fails a path through a file with a sentence, not Node’s ENOTDIR', async () => {
    const core = open(copyOfTemplate());
    const blocker = path.join(tempDir('tt-usb-'), 'not-a-folder.txt');
    fs.writeFileSync(blocker, 'x');
    const target = path.join(blocker, 'usb');
    const [d] = core.outbox.enqueue(exported.sha256, { folder: target });
    await core.outbox.runOnce();
    const row = core.outbox.get(d!.id);
    expect(row.state).toBe('failed');
    expect(row.lastError).toContain(`Đường dẫn ${target} không phải là một thư mục`);
    expect(row.lastError).not.toMatch(/ENOTDIR|not a directory/);
    expect(row.errorDetail).toMatch(/ENOTDIR/);
  });

  it('says what each common file-system error means, naming the folder', () => {
    const dir = 'E:\\BaoCao';
    const err = (code: string) =>
      Object.assign(new Error(`${code}: something, open '${dir}\\x.part'`), { code });
    const cases: [string, 'retry' | 'failed', string][] = [
      ['ENOENT', 'retry', 'Không tìm thấy thư mục'],
      ['EACCES', 'retry', 'Không có quyền ghi vào thư mục'],
      ['EPERM', 'retry', 'Không có quyền ghi vào thư mục'],
      ['ENOSPC', 'failed', 'đã đầy'],
      ['EROFS', 'retry', 'chỉ cho đọc'],
      ['ENOTDIR', 'failed', 'không phải là một thư mục'],
      ['EIO', 'retry', 'bị lỗi khi ghi'],
    ];
    for (const [code, kind, words] of cases) {
      const o = folderProblem(dir, exported.fileName, err(code));
      expect(o.kind).toBe(kind);
      if (o.kind === 'sent') continue;
      expect(o.error).toContain(dir);
      expect(o.error).toContain(words);
      expect(o.error).not.toContain(code);
      expect(o.error).not.toContain('something');
      expect(o.detail).toContain(`${code}: something`);
    }
    const other = folderProblem(dir, exported.fileName, err('EXDEV'));
    expect(other.kind === 'retry' && other.error).toContain(`Chưa ghi được gói vào thư mục ${dir}`);
  });

  it('lists drives as an array', async () => {
    const core = open(copyOfTemplate());
    expect(Array.isArray(await value(core, 'outbox:drives', {}))).toBe(true);
  });
});

describe('delivery settings', () => {
  it('refuses to store a mail password when nothing can seal it, and never returns one', async () => {
    const core = open(copyOfTemplate(), { passphrase: undefined });
    const r = await core.call('settings:saveDelivery', settings({ smtpPassword: 'bí mật' }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe('smtpPassword');
      expect(r.error.message).toContain('Không lưu được mật khẩu thư');
    }
    const s = await value<{ hasPassword: boolean; effectiveRecipients: string[] }>(
      core,
      'settings:getDelivery',
      {},
    );
    expect(s.hasPassword).toBe(false);
    // The profile's recipients are names, not addresses: nothing to send to by default.
    expect(s.effectiveRecipients).toEqual([]);
    const e = await core.call('outbox:enqueue', { sha256: exported.sha256, email: true });
    expect(e.ok).toBe(false);
  });
});
