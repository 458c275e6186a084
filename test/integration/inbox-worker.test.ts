// The province's take-in of a folder checks the files ahead on a worker thread while it
// inserts the one before. What it decides must be what the same files decide one by one on
// the main thread: the same outcome and sentence for each file, the same rows counted.
import diagnostics from 'node:diagnostics_channel';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { WorkerThread } from '../../electron/core/workers/thread';
import type { ImportResult, MergedData } from '../../shared/inbox';
import { OFFICES, openOffice, quarterActivities, type Office } from '../fixtures/offices';
import { PROVINCE_PROFILE } from '../fixtures/province';
import { tempDir } from './helpers';

async function ok<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

const root = tempDir('tt-inbox-worker-');
const folder = path.join(root, 'packages');
let offices: Office[];

async function province(name: string): Promise<Core> {
  const core = createCore({ dataDir: path.join(root, name), mode: 'cli' });
  await ok(core, 'profile:save', PROVINCE_PROFILE);
  await ok(core, 'settings:saveDesks', { office: false, province: true, deadlineDays: 10 });
  for (const office of offices.slice(0, 2)) {
    const pem = await office.certificatePem();
    await ok(core, 'trust:addCertificate', { base64: Buffer.from(pem).toString('base64') });
  }
  return core;
}

const summary = (results: readonly ImportResult[]) =>
  results.map((r) => [path.basename(r.file), r.outcome, r.message.vi, r.officeCode, r.sequence]);

beforeAll(async () => {
  fs.mkdirSync(folder);
  offices = await Promise.all(OFFICES.map((spec) => openOffice(spec, root)));
  for (const [i, office] of offices.entries()) {
    office.add(quarterActivities('2023-Q3', 40 + i * 9, 500 + i));
    const first = await office.export('2023-Q3', folder);
    // A correction of the first office: package 2 replaces package 1.
    if (i === 0) {
      await office.correct('2023-Q3', quarterActivities('2023-Q3', 3, 600));
      await office.export('2023-Q3', folder);
    }
    // One byte changed in a copy of the second office's package: its signature fails.
    if (i === 1) {
      const bytes = fs.readFileSync(first.path);
      bytes[Math.floor(bytes.length / 2)]! ^= 0x40;
      fs.writeFileSync(path.join(folder, `z-tampered-${first.fileName}`), bytes);
    }
  }
  // A copy of a package already in the folder, and a file that is no package at all.
  const [one] = fs.readdirSync(folder).sort();
  fs.copyFileSync(path.join(folder, one!), path.join(folder, `zz-copy-${one}`));
  fs.writeFileSync(path.join(folder, 'zzz-not-a-package.ttpkg'), 'not a zip');
}, 120_000);

afterAll(() => {
  for (const o of offices) o.close();
});

describe('the take-in of a folder on a worker thread', () => {
  it('decides every file as the main thread does one by one, and counts the same', async () => {
    const started: unknown[] = [];
    const watch = (message: unknown) => started.push(message);
    diagnostics.subscribe('tuyentruyen:worker', watch);
    const a = await province('a');
    let inThread: ImportResult[];
    try {
      inThread = await a.inbox.importPaths([folder]);
    } finally {
      diagnostics.unsubscribe('tuyentruyen:worker', watch);
    }
    expect(started).toEqual([{ file: 'inbox-worker.cjs', event: 'start' }]);

    const b = await province('b');
    const files = fs.readdirSync(folder).sort((x, y) => x.localeCompare(y));
    const oneByOne: ImportResult[] = [];
    for (const f of files) {
      const file = path.join(folder, f);
      oneByOne.push(await b.inbox.importBytes(file, fs.readFileSync(file)));
    }

    expect(summary(inThread)).toEqual(summary(oneByOne));
    const outcomes = inThread.map((r) => r.outcome).sort();
    expect(outcomes).toEqual([
      'accepted',
      'accepted',
      'corrected',
      'duplicate',
      'quarantined',
      'refused',
      'refused',
    ]);
    const figures = async (core: Core) =>
      (await ok<MergedData>(core, 'inbox:figures', { period: '2023-Q3' })).figures;
    expect(await figures(a)).toEqual(await figures(b));
    a.close();
    b.close();
  });
});

describe('a worker thread that cannot do the work', () => {
  it('is replaced by the main thread when its bundle is missing', async () => {
    const thread = new WorkerThread<{ n: number }, number>('no-such-worker.cjs', ({ n }) => n * 2);
    try {
      expect(await thread.run({ n: 21 })).toBe(42);
    } finally {
      thread.close();
    }
  });

  it('is replaced by the main thread when it dies with work handed to it', async () => {
    // The integrity check's bundle answers no numbered input: it fails at once without the
    // file it expects, and the work waiting for it runs here.
    const thread = new WorkerThread<{ n: number }, number>(
      'integrity-worker.cjs',
      ({ n }) => n + 1,
    );
    try {
      expect(await Promise.all([thread.run({ n: 1 }), thread.run({ n: 2 })])).toEqual([2, 3]);
    } finally {
      thread.close();
    }
  });
});
