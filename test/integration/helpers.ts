// Temp data dirs and the built CLI, for tests on real files.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const PROFILE = path.join(ROOT, 'test/fixtures/profile.json');
const BIN = path.join(ROOT, 'bin/tuyentruyen.cjs');

export function tempDir(prefix = 'tt-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `tuyentruyen` command (npm test builds dist/ first). */
export function cli(args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  if (!fs.existsSync(path.join(ROOT, 'dist/cli.cjs'))) {
    spawnSync(process.execPath, ['scripts/build.mjs', '--node-only'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function writeJson(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}
