// A period of many activities has data.json's activities written on a worker thread while
// the Word files are built: the bytes must be the ones the main thread writes, a refusal
// must come back as the same refusal, and without the worker's bundle the export still runs.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, DB_FILE, type Core } from '../../electron/core';
import { readZip } from '../../electron/core/package';
import { periodActivitiesJson } from '../../electron/core/package/activityJson';
import {
  periodActivitiesJsonSoon,
  WORKER_FROM_ACTIVITIES,
  type PeriodJsonInput,
  type PeriodJsonOutput,
} from '../../electron/core/package/activityJsonThread';
import { CommuneIndex } from '../../electron/core/services/communes';
import { WorkerThread } from '../../electron/core/workers/thread';
import { AppError } from '../../shared/errors';
import { makeQuarterActivities } from '../fixtures/activities';
import profile from '../fixtures/profile.json';
import { tempDir } from './helpers';

const COUNT = WORKER_FROM_ACTIVITIES + 200;
const FROM = '2023-06-15';
const TO = '2023-09-14';

let dir: string;
let core: Core;
let file: string;

beforeAll(async () => {
  dir = tempDir('tt-export-worker-');
  core = createCore({ dataDir: dir, mode: 'cli', passphrase: 'mật khẩu đúng 123' });
  expect((await core.call('profile:save', JSON.parse(JSON.stringify(profile)))).ok).toBe(true);
  core.activities.importMany(makeQuarterActivities(COUNT, 5), (i) => ({
    vi: `#${i}`,
    en: `#${i}`,
  }));
  file = path.join(dir, DB_FILE);
});

afterAll(() => core.close());

const inline = () => {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const r = periodActivitiesJson(db, FROM, TO, CommuneIndex.of(db).byId);
    return { bytes: Buffer.concat(r.json), count: r.count, named: r.named };
  } finally {
    db.close();
  }
};

/** The export's worker, with work "here" that fails: an answer proves the thread gave it. */
const threadOnly = () =>
  new WorkerThread<PeriodJsonInput, PeriodJsonOutput>('export-worker.cjs', () => {
    throw new Error('ran on the main thread');
  });

describe("data.json's activities on a worker thread", () => {
  it('gives byte for byte what the main thread writes, with the count and the areas named', async () => {
    const thread = threadOnly();
    try {
      const answer = await thread.run({ file, from: FROM, to: TO });
      const expected = inline();
      expect(expected.count).toBeGreaterThanOrEqual(WORKER_FROM_ACTIVITIES);
      expect(Buffer.concat(answer.json).equals(expected.bytes)).toBe(true);
      expect(answer.count).toBe(expected.count);
      expect([...answer.named].sort()).toEqual([...expected.named].sort());
    } finally {
      thread.close();
    }
  });

  it('sends back a refusal as the same AppError, naming the activity and field', async () => {
    const db = new BetterSqlite3(file);
    const id = db
      .prepare('SELECT id FROM activities ORDER BY date DESC LIMIT 1')
      .pluck()
      .get() as string;
    const before = db
      .prepare('SELECT title FROM activities WHERE id = ?')
      .pluck()
      .get(id) as string;
    db.prepare('UPDATE activities SET title = title || char(7) WHERE id = ?').run(id);
    const thread = threadOnly();
    try {
      const failed = await thread.run({ file, from: FROM, to: TO }).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(AppError);
      expect((failed as AppError).code).toBe('invalid_input');
      expect((failed as AppError).message).toContain(`(mã ${id}) có trường "title"`);
      expect((failed as AppError).message).toContain('(U+0007)');
    } finally {
      thread.close();
      db.prepare('UPDATE activities SET title = ? WHERE id = ?').run(before, id);
      db.close();
    }
  });

  it('is used from its threshold on, and the export signs the bytes it gave', async () => {
    // The connection is closed as soon as the work is handed over: only a worker thread, on
    // its own connection, can still answer.
    const db = new BetterSqlite3(file, { readonly: true });
    const soon = periodActivitiesJsonSoon(db, FROM, TO);
    db.close();
    expect(Buffer.concat((await soon).json).equals(inline().bytes)).toBe(true);

    const exported = await core.packages.export('2023-Q3', {});
    const entries = await readZip(fs.readFileSync(exported.path));
    const data = entries.find((e) => e.name === 'data.json')!.bytes.toString('utf8');
    expect(data).toContain(`"activities":${inline().bytes.toString('utf8')},"reports":`);
    expect((JSON.parse(data) as { activities: unknown[] }).activities).toHaveLength(COUNT);
  });
});
