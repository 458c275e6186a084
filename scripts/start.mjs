// `npm start`: the desktop app. Where Electron's binary is missing (it is downloaded on
// first start and some networks cannot reach its host), browser mode starts instead and the
// default browser opens on it: the same screens and data, for a person who only typed
// `npm start`. Arguments after `--` go to `tuyentruyen serve` (`--data-dir`, `--port`);
// TUYENTRUYEN_NO_BROWSER=1 keeps the browser closed (tests, remote shells).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (name) => path.join(root, 'dist', name);

/** The installed Electron executable, or null; never triggers a download itself. */
function electronBinary() {
  try {
    const dir = path.dirname(require.resolve('electron/package.json'));
    const name = fs.existsSync(path.join(dir, 'path.txt'))
      ? fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim()
      : 'electron';
    // Electron's own override (a local build), honoured as electron/index.js does.
    const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist');
    const bin = path.join(distDir, name);
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

if (['main.cjs', 'cli.cjs', 'renderer/index.html'].some((f) => !fs.existsSync(dist(f)))) {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

let bin = electronBinary();
if (!bin && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('Đang tải Electron lần đầu… / Downloading Electron for the first start…');
  spawnSync(process.execPath, [require.resolve('electron/install.js')], {
    stdio: 'inherit',
    timeout: 300_000,
  });
  bin = electronBinary();
}
if (!bin) {
  console.error(`
Không có Electron trên máy này (không tải được), nên ứng dụng mở trong trình duyệt (Chrome,
Edge hoặc Chromium) — cùng giao diện, cùng dữ liệu. Nếu trình duyệt không tự mở, hãy mở
địa chỉ http://127.0.0.1:… được in ra dưới đây.

Electron's binary is not installed here (it could not be downloaded), so the app opens in
the browser instead (browser mode). If no browser opens, open the address printed below.
`);
  // In this process: Ctrl+C and a kill stop the server itself, with no orphan left behind.
  const { run } = require(dist('cli.cjs'));
  const code = await run(['serve', '--open', ...process.argv.slice(2)]);
  process.exit(code);
}
const child = spawn(bin, ['.'], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
