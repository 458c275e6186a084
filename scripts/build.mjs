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

/**
 * The modules the renderer's first screen runs: those of the entry chunk and of every chunk
 * it imports statically, as the bundler splits them by itself (`output` of a build kept in
 * memory).
 */
function firstScreenModules(output) {
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const todo = [...chunks.values()].filter((c) => c.isEntry);
  const seen = new Set(todo);
  const modules = new Set();
  for (let chunk = todo.pop(); chunk; chunk = todo.pop()) {
    for (const id of chunk.moduleIds) modules.add(id);
    for (const name of chunk.imports) {
      const next = chunks.get(name);
      if (next && !seen.has(next)) {
        seen.add(next);
        todo.push(next);
      }
    }
  }
  return modules;
}

async function buildRenderer() {
  // Left to itself the bundler cuts the first screen's code into some 35 files: the pieces
  // the lazy screens share with it. A browser fetches six files at a time from one host,
  // and the first screen's data requests (boot.js) waited behind them. So a first build,
  // kept in memory, finds that code, and the real one puts it in one file.
  const probe = await vite({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    build: { write: false },
  });
  const first = firstScreenModules([probe].flat().flatMap((o) => o.output));
  await vite({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    build: {
      rolldownOptions: {
        output: { codeSplitting: { groups: [{ name: 'app', test: (id) => first.has(id) }] } },
      },
    },
  });
  // The page's first script, run before the app's modules have arrived (renderer/src/boot.ts):
  // a file of its own, since Vite would make it one more import of the app's entry.
  await esbuild({
    entryPoints: ['renderer/src/boot.ts'],
    outfile: 'dist/renderer/boot.js',
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    logLevel: 'warning',
  });
}

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
if (!only) await buildRenderer();
console.log('build: dist/ ready');
