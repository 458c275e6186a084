// The outbox (issue 4, item 5) against real servers on 127.0.0.1: smtp-server refusing with
// 421 then accepting, or 550; a node:http server answering 503 then 201; a real folder. The
// packages are real exports; the queue is driven with runOnce() and a 10 ms backoff.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, DB_FILE, type Core, type CoreOptions } from '../../electron/core';
import { verifyPackage } from '../../electron/core/package';
import type { DeliveryRow, Input } from '../../shared/contract';
import type { ExportResult } from '../../shared/package';
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
function copyOfTemplate(): string {
  const dir = tempDir('tt-outbox-');
  fs.copyFileSync(path.join(template, DB_FILE), path.join(dir, DB_FILE));
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

/** The attachment of a raw message, decoded from base64, and a header's value. */
function attachmentOf(raw: string): Buffer {
  const boundary = /boundary="?([^";\r\n]+)"?/.exec(raw)![1]!;
  const part = raw.split(`--${boundary}`).find((p) => /Content-Disposition: attachment/i.test(p))!;
  const body = part.slice(part.indexOf('\r\n\r\n') + 4);
  return Buffer.from(body.replace(/\s+/g, ''), 'base64');
}
const headerOf = (raw: string, name: string): string | undefined =>
  new RegExp(`^${name}: (.*)$`, 'mi').exec(raw.replace(/\r\n[ \t]+/g, ' '))?.[1]?.trim();

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
    expect(row.lastError).toContain('421');
    expect(row.lastError).toContain('Service busy');
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
    expect(row.lastError).toContain('550');
    expect(row.lastError).toContain('Mailbox unavailable: policy rejection');
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
    expect(row.lastError).toContain('503');
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
    fs.mkdirSync(missing);
    expect((await drain(core, d!.id)).state).toBe('sent');
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
