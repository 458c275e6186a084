// A correction and the outbox, on real SQLite files and a real folder: package 1 is queued
// for a USB stick that is not plugged in and delivered to another folder; the period is
// unlocked and exported again as package 2, which supersedes package 1. Package 1's waiting
// delivery must leave the queue (never due, never claimed, not sent when the stick appears),
// say which package replaced it, and refuse "send now" and a new enqueue; what was already
// sent stays sent.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, DB_FILE, type Core } from '../../electron/core';
import { dueDeliveries, nextDue } from '../../electron/core/outbox/queries';
import type { DeliveryRow, Input } from '../../shared/contract';
import type { ExportResult } from '../../shared/package';
import profile from '../fixtures/profile.json';
import { tempDir } from './helpers';

const PASSPHRASE = 'mật khẩu đúng 123';

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
let first: ExportResult;
const cores: Core[] = [];

async function value<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

function open(): { core: Core; dataDir: string } {
  const dataDir = tempDir('tt-outbox-corr-');
  fs.copyFileSync(path.join(template, DB_FILE), path.join(dataDir, DB_FILE));
  const core = createCore({
    dataDir,
    mode: 'browser',
    passphrase: PASSPHRASE,
    outboxTuning: { backoff: { baseMs: 10, capMs: 40 }, pollMs: 50, timeoutMs: 5_000 },
  });
  cores.push(core);
  return { core, dataDir };
}

/** Unlocks 2023-Q3, adds an activity and exports the correction, through core.call. */
async function correct(core: Core): Promise<ExportResult> {
  await value(core, 'periods:unlock', {
    period: '2023-Q3',
    reason: 'Bổ sung buổi tuyên truyền tại xã Hợp Thành',
  });
  await value(core, 'activities:create', { ...van, id: 'v2', date: '2023-08-02' });
  return value<ExportResult>(core, 'package:export', { period: '2023-Q3' });
}

beforeAll(async () => {
  template = tempDir('tt-outbox-corr-tpl-');
  const core = createCore({ dataDir: template, mode: 'browser', passphrase: PASSPHRASE });
  try {
    await value(core, 'profile:save', JSON.parse(JSON.stringify(profile)));
    await value(core, 'activities:create', van);
    first = await value<ExportResult>(core, 'package:export', { period: '2023-Q3' });
  } finally {
    core.close();
  }
});

afterEach(() => {
  while (cores.length > 0) cores.pop()!.close();
});

describe('a correction takes the package it replaces out of the outbox', () => {
  it('stops package 1 waiting for a USB stick once package 2 replaces it', async () => {
    const { core, dataDir } = open();
    const usb = path.join(tempDir('tt-usb-'), 'USB');
    const delivered = tempDir('tt-usb-done-');
    const [waiting] = await value<DeliveryRow[]>(core, 'outbox:enqueue', {
      sha256: first.sha256,
      folder: usb,
    });
    const [sent] = await value<DeliveryRow[]>(core, 'outbox:enqueue', {
      sha256: first.sha256,
      folder: delivered,
    });
    await core.outbox.runOnce();
    expect(core.outbox.get(sent!.id).state).toBe('sent');
    const before = core.outbox.get(waiting!.id);
    expect(before).toMatchObject({ state: 'pending', attempts: 1, packageSequence: 1 });
    expect(before.replacedBy).toBeNull();
    expect(before.lastError).toContain('ổ USB chưa được cắm');

    const second = await correct(core);
    expect(second).toMatchObject({ sequence: 2, supersedes: first.sha256 });

    const rows = await value<DeliveryRow[]>(core, 'outbox:list', {});
    const row = rows.find((r) => r.id === waiting!.id)!;
    expect(row).toMatchObject({ packageSequence: 1, replacedBy: 2 });
    // Already delivered stays delivered: the province got package 1, and package 2 replaces it.
    expect(rows.find((r) => r.id === sent!.id)).toMatchObject({ state: 'sent', replacedBy: 2 });

    // The stick is plugged in, time passes: package 1 is not written to it.
    fs.mkdirSync(usb);
    const later = new Date(Date.now() + 24 * 3_600_000);
    expect(await core.outbox.runOnce(later)).toEqual([]);
    expect(fs.readdirSync(usb)).toEqual([]);
    expect(core.outbox.get(waiting!.id).attempts).toBe(1);

    // Nothing is due, so the loop does not wake up for it either.
    const db = new BetterSqlite3(path.join(dataDir, DB_FILE), { readonly: true });
    try {
      expect(dueDeliveries(db, later.toISOString(), 20)).toEqual([]);
      expect(nextDue(db)).toBeNull();
    } finally {
      db.close();
    }

    const now = await core.call('outbox:sendNow', { id: waiting!.id });
    expect(now.ok).toBe(false);
    if (!now.ok) expect(now.error.message).toContain('Gói số 1 đã được thay bằng gói số 2');
    expect(fs.readdirSync(usb)).toEqual([]);
    const again = await core.call('outbox:enqueue', { sha256: first.sha256, folder: usb });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toContain('hãy gửi gói số 2');

    // Package 2 goes to the same stick as usual.
    const [next] = await value<DeliveryRow[]>(core, 'outbox:enqueue', {
      sha256: second.sha256,
      folder: usb,
    });
    expect(next).toMatchObject({ packageSequence: 2, replacedBy: null });
    expect((await core.outbox.sendNow(next!.id)).state).toBe('sent');
    expect(fs.readdirSync(usb)).toEqual([second.fileName]);
  });

  it('does not send a replaced package that a crash left being sent', async () => {
    const { core, dataDir } = open();
    const usb = tempDir('tt-usb-');
    const [d] = core.outbox.enqueue(first.sha256, { folder: usb });
    core.close();
    // As if the app had died in the middle of writing package 1.
    const db = new BetterSqlite3(path.join(dataDir, DB_FILE));
    db.prepare(`UPDATE deliveries SET state = 'sending', attempts = 1 WHERE id = ?`).run(d!.id);
    db.close();

    const again = createCore({ dataDir, mode: 'browser', passphrase: PASSPHRASE });
    cores.push(again);
    await correct(again);
    again.outbox.start();
    await again.outbox.runOnce(new Date(Date.now() + 3_600_000));
    again.outbox.stop();
    await again.outbox.idle();
    expect(again.outbox.get(d!.id)).toMatchObject({ state: 'pending', replacedBy: 2 });
    expect(fs.readdirSync(usb)).toEqual([]);
  });
});
