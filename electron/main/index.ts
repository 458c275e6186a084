// The desktop shell: lifecycle, window, menu, IPC wiring. The only code (with the preload)
// that imports 'electron'; everything else is the plain-Node core.
// Window defaults follow https://www.electronjs.org/docs/latest/tutorial/security.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { IPC_CHANNEL } from '../../shared/transport';
import { AppError, toErrorInfo } from '../../shared/errors';
import { keepLogbookOpening, openCore, type Core } from '../core';
import { defaultDataDir } from '../core/paths';
import { osSealingUsable } from '../core/services/keyAccess';
import type { KeySealer } from '../core/signing';
import { CSP } from '../server';

const SCHEME = 'app';
const ORIGIN = `${SCHEME}://renderer`;
const rendererDir = path.join(__dirname, 'renderer');

protocol.registerSchemesAsPrivileged([
  // codeCache: V8 keeps the renderer's compiled code between starts (compiling 1.5 MB of
  // script is a large part of the first screen's wait).
  {
    scheme: SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);
app.setPath('userData', defaultDataDir());

let core: Core | null = null;

/**
 * The office's private key sealed by the operating system (DPAPI on Windows, the keychain on
 * macOS, libsecret on Linux): https://www.electronjs.org/docs/latest/api/safe-storage.
 * Where none is available the core falls back to a passphrase.
 */
function osSealer(): KeySealer | undefined {
  const backend =
    process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined;
  if (!osSealingUsable(process.platform, safeStorage.isEncryptionAvailable(), backend))
    return undefined;
  return {
    kind: 'os',
    seal: (plain) => safeStorage.encryptString(plain.toString('base64')),
    unseal: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}

function isOwnFrame(url: string | undefined): boolean {
  return url !== undefined && url.startsWith(`${ORIGIN}/`);
}

function serveRenderer(): void {
  protocol.handle(SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = path.resolve(rendererDir, `.${decodeURIComponent(url.pathname)}`);
    if (url.host !== 'renderer' || !file.startsWith(rendererDir + path.sep)) {
      return new Response('Không tìm thấy.', { status: 404 });
    }
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CSP);
    return new Response(response.body, { status: response.status, headers });
  });
}

function wireIpc(c: Core): void {
  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!isOwnFrame(event.senderFrame?.url)) {
      return {
        ok: false,
        error: { code: 'forbidden', message: 'Yêu cầu không đến từ cửa sổ của ứng dụng.' },
      };
    }
    return c.call(typeof method === 'string' ? method : '', input, 'vi');
  });
}

function lockDown(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (e, url) => {
      if (!isOwnFrame(url)) e.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      // Links to the web open in the user's browser, never inside the app.
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

function buildMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { label: 'Tệp', submenu: [{ role: 'quit', label: 'Thoát' }] },
      {
        label: 'Sửa',
        submenu: [
          { role: 'undo', label: 'Hoàn tác' },
          { role: 'redo', label: 'Làm lại' },
          { type: 'separator' },
          { role: 'cut', label: 'Cắt' },
          { role: 'copy', label: 'Sao chép' },
          { role: 'paste', label: 'Dán' },
          { role: 'selectAll', label: 'Chọn tất cả' },
        ],
      },
      {
        label: 'Xem',
        submenu: [
          { role: 'reload', label: 'Tải lại' },
          { role: 'zoomIn', label: 'Phóng to' },
          { role: 'zoomOut', label: 'Thu nhỏ' },
          { role: 'resetZoom', label: 'Cỡ chữ mặc định' },
          { role: 'togglefullscreen', label: 'Toàn màn hình' },
        ],
      },
    ]),
  );
}

function createWindow(c: Core): void {
  const win = new BrowserWindow({
    width: 1366,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: 'Sổ tuyên truyền',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => {
    win.show();
    // On a worker thread; the page learns the outcome through 'app:integrity'.
    void c.checkIntegrity();
  });
  void win.loadURL(`${ORIGIN}/index.html`);
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database twice.
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  void app.whenReady().then(async () => {
    try {
      core = await openCore({
        dataDir: app.getPath('userData'),
        mode: 'desktop',
        source: 'app',
        keySealer: osSealer(),
        // Where the OS cannot seal the key (Linux without a keyring), as in browser mode.
        ...(process.env.TUYENTRUYEN_PASSPHRASE
          ? { passphrase: process.env.TUYENTRUYEN_PASSPHRASE }
          : {}),
        // Deliveries queued in SQLite go out whenever the laptop is online.
        outbox: true,
        // The whole-file check would hold the first window back; it runs once it shows.
        integrityCheck: 'deferred',
        openFile: async (file) => {
          const problem = await shell.openPath(file);
          if (problem) throw new Error(problem);
        },
      });
    } catch (err) {
      const message = err instanceof AppError ? err.msg.vi : toErrorInfo(err).message;
      dialog.showErrorBox('Sổ tuyên truyền không mở được dữ liệu', message);
      app.quit();
      return;
    }
    keepLogbookOpening(core);
    lockDown();
    serveRenderer();
    wireIpc(core);
    buildMenu();
    createWindow(core);
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    core?.close();
    core = null;
  });
}
