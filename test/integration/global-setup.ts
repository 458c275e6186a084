// The integration tests run the real `tuyentruyen` (dist/cli.cjs): bundle it from the
// current sources first (esbuild, about a second), so a test never runs a stale build.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  const root = path.resolve(__dirname, '../..');
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--node-only'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('could not build the CLI for the integration tests');
}
