// `npm run bench`: bundles bench/run.ts with esbuild (like the app) and runs it in Node.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

fs.mkdirSync('dist', { recursive: true });
await build({
  entryPoints: ['bench/run.ts'],
  outfile: 'dist/bench.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: ['better-sqlite3', 'electron'],
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, ['dist/bench.mjs'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
