// Builds everything `npm start`, `tuyentruyen` and electron-builder need into dist/:
// the Node side bundled by esbuild (main, preload, CLI), the renderer by Vite.
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Native or provided at run time: never bundled. exceljs and its CSV parser stay in
  // node_modules too, where Node knows them as dependencies (bundled, its old Buffer() calls
  // would print deprecation warnings on every spreadsheet).
  external: ['electron', 'better-sqlite3', 'exceljs', '@fast-csv/parse', 'sharp'],
};

const only = process.argv.includes('--node-only');

await Promise.all([
  esbuild({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'dist/main.cjs' }),
  esbuild({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/preload.cjs' }),
  esbuild({ ...common, entryPoints: ['electron/cli/index.ts'], outfile: 'dist/cli.cjs' }),
  // The deferred integrity check's thread (electron/core/db/integrity.ts looks for it here).
  esbuild({
    ...common,
    entryPoints: ['electron/core/db/integrityWorker.ts'],
    outfile: 'dist/integrity-worker.cjs',
  }),
  // data.json's activities beside the Word files (electron/core/package/activityJsonThread.ts).
  esbuild({
    ...common,
    entryPoints: ['electron/core/package/exportWorker.ts'],
    outfile: 'dist/export-worker.cjs',
  }),
  // The province's take-in checks files ahead here (electron/core/services/inboxTakeIn.ts).
  esbuild({
    ...common,
    entryPoints: ['electron/core/inbox/takeInWorker.ts'],
    outfile: 'dist/inbox-worker.cjs',
  }),
]);
if (!only) await vite({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log('build: dist/ ready');
