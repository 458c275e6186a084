// `npm start`: the desktop app. Where Electron's binary is missing (it is downloaded on
// first start and some networks cannot reach its host), say how to use browser mode.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

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

if (!fs.existsSync('dist/main.cjs') || !fs.existsSync('dist/renderer/index.html')) {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
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
Không có Electron trên máy này (không tải được), nên chưa mở được cửa sổ ứng dụng.
Hãy dùng chế độ trình duyệt — cùng giao diện, cùng dữ liệu:

    npm run web

rồi mở địa chỉ http://127.0.0.1:…/?token=… được in ra bằng Chrome, Edge hoặc Chromium.

Electron's binary is not installed here (it could not be downloaded). Use browser mode:
"npm run web", then open the printed http://127.0.0.1 address in Chrome, Edge or Chromium.
`);
  process.exit(1);
}
const child = spawn(bin, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
