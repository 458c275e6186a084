// The province desk bench's corpora: offices that really export (test/fixtures/offices.ts),
// their packages written once by the real export code and cached under bench/.cache/, so a
// run measures the take-in and the merge, not the exports. Building is timed and printed.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Core } from '../electron/core';
import { PACKAGE_SCHEMA_VERSION } from '../shared/package';
import { openOffice, periodActivities, type OfficeSpec } from '../test/fixtures/offices';

const CACHE_ROOT = path.join('bench', '.cache');
const CORPUS_VERSION = 2;

const tempDirs: string[] = [];
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-bench-inbox-'));
  tempDirs.push(dir);
  return dir;
}

/** Removes every temporary folder the bench made. */
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The loud failure: a benchmark of a take-in that did not take everything in measures nothing. */
export function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`inbox bench: ${what}`);
}

export async function must<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** What to export: `offices` offices, each `activities` activities in each of `quarters`. */
export interface CorpusSpec {
  /** The cache folder's name stem ("inbox", "merged"). */
  name: string;
  offices: number;
  quarters: readonly string[];
  activities: number;
}

export interface Corpus {
  version: number;
  schemaVersion: number;
  offices: number;
  activities: number;
  quarters: readonly string[];
  /** Office code → its certificate, PEM. */
  certificates: Record<string, string>;
  /** Package file names inside the corpus's packages/ folder. */
  files: string[];
  buildMs: number;
  /** One export (key unsealed, data.json, .docx, sign, zip, write, read back). */
  exportP50: number;
  exportP99: number;
}

function officeSpec(i: number, count: number): OfficeSpec {
  // Two digits up to 99 offices, as the corpora cached before larger ones were named.
  const n = String(i + 1).padStart(count > 99 ? 3 : 2, '0');
  return {
    code: `LS-D${n}-VHTT`,
    name: 'Phòng Văn hóa và Thông tin',
    parent: `UBND huyện số ${n}`,
  };
}

function describeCorpus(c: Corpus, how: string): void {
  process.stderr.write(
    `corpus: ${how}; built in ${seconds(c.buildMs)} (${c.offices} offices, ${c.files.length} exports, one export p50 ${seconds(c.exportP50)}, p99 ${seconds(c.exportP99)})\n`,
  );
}

/** The cached corpus when it matches the sizes and the package format, else a fresh one. */
export async function corpus(spec: CorpusSpec): Promise<{ dir: string; corpus: Corpus }> {
  const { offices, quarters, activities } = spec;
  const dir = path.join(CACHE_ROOT, `${spec.name}-${offices}x${quarters.length}x${activities}`);
  const packages = path.join(dir, 'packages');
  const index = path.join(dir, 'corpus.json');
  if (fs.existsSync(index) && process.env.BENCH_INBOX_REBUILD !== '1') {
    const cached = JSON.parse(fs.readFileSync(index, 'utf8')) as Corpus;
    if (
      cached.version === CORPUS_VERSION &&
      cached.schemaVersion === PACKAGE_SCHEMA_VERSION &&
      cached.quarters.join() === quarters.join() &&
      cached.files.every((f) => fs.existsSync(path.join(packages, f)))
    ) {
      describeCorpus(cached, `cached in ${dir}`);
      return { dir: packages, corpus: cached };
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(packages, { recursive: true });
  process.stderr.write(
    `corpus: ${offices} offices × ${quarters.length} quarters × ${activities} activities, exporting…\n`,
  );
  const root = tempDir();
  const certificates: Record<string, string> = {};
  const files: string[] = [];
  const exportMs: number[] = [];
  const start = performance.now();
  for (let i = 0; i < offices; i++) {
    const office = await openOffice(officeSpec(i, offices), root);
    try {
      office.add(quarters.flatMap((q, k) => periodActivities(q, activities, 1000 + i * 10 + k)));
      for (const q of quarters) {
        const t = performance.now();
        const exported = await office.export(q, packages);
        exportMs.push(performance.now() - t);
        files.push(exported.fileName);
      }
      certificates[office.spec.code] = await office.certificatePem();
    } finally {
      office.close();
    }
    if ((i + 1) % 10 === 0 || i + 1 === offices) {
      process.stderr.write(`  office ${i + 1}/${offices}\n`);
    }
  }
  const built: Corpus = {
    version: CORPUS_VERSION,
    schemaVersion: PACKAGE_SCHEMA_VERSION,
    offices,
    activities,
    quarters,
    certificates,
    files,
    buildMs: performance.now() - start,
    exportP50: percentile(exportMs, 50),
    exportP99: percentile(exportMs, 99),
  };
  fs.writeFileSync(index, JSON.stringify(built, null, 2));
  describeCorpus(built, `written to ${dir}`);
  return { dir: packages, corpus: built };
}
