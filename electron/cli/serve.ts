// `tuyentruyen serve`: browser mode. The server owns the data folder like the desktop app
// (outbox, backups); a second start on the same folder points to the first one instead.
import path from 'node:path';
import { AppError, type Lang } from '../../shared/errors';
import { keepLogbookOpening, openCore, type Core } from '../core';
import { readHolder } from '../core/instance';
import { defaultDataDir } from '../core/paths';
import { DEFAULT_PORT, startServer } from '../server';
import { openInBrowser } from '../server/open';
import { EXIT_OK, parse, UsageError, type Io } from './args';

/** Ports tried after the default one when another program holds it. */
const FALLBACK_PORTS = 20;

export async function serve(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { port: { type: 'string' }, open: { type: 'boolean' } }, 0);
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`cổng "${values.port}" không hợp lệ`);
  const lang: Lang = values.lang === 'en' ? 'en' : 'vi';
  const open = values.open === true;
  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir();
  // No terminal prompt while serving: the key's passphrase comes from the environment, or
  // the page asks for it when a signature needs it ('key:unlock').
  const passphrase = process.env.TUYENTRUYEN_PASSPHRASE;
  let core: Core;
  try {
    core = await openCore({
      dataDir,
      mode: 'browser',
      source: 'browser',
      outbox: true,
      // As the desktop app: the whole-file check runs once the server answers (checkIntegrity).
      integrityCheck: 'deferred',
      ...(passphrase ? { passphrase } : {}),
    });
  } catch (err) {
    const url = err instanceof AppError && err.code === 'in_use' ? await runningUrl(dataDir) : null;
    if (url === null) throw err;
    io.out(
      lang === 'en'
        ? `Sổ tuyên truyền is already running at this address (data folder ${dataDir}):\n${url}`
        : `Sổ tuyên truyền đã chạy ở địa chỉ sau (thư mục dữ liệu ${dataDir}):\n${url}`,
    );
    if (open) openInBrowser(url);
    return EXIT_OK;
  }
  keepLogbookOpening(core);
  // The default port keeps bookmarks working; when another program holds it, the next free
  // one is used. A port given on the command line is that port or nothing.
  const server = await startServer({
    core,
    port,
    fallbackPorts: values.port === undefined ? FALLBACK_PORTS : 0,
  });
  core.announce(server.url);
  void core.checkIntegrity();
  // Listening for Ctrl+C and a kill before the address is printed: whoever reads it may
  // stop the server at once, and must find it ready to close cleanly.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  io.out(
    `Sổ tuyên truyền đang chạy trong trình duyệt. Mở địa chỉ sau (chỉ trên máy này):\n${server.url}\nDữ liệu: ${dataDir}\nNhấn Ctrl+C để dừng.`,
  );
  if (open) openInBrowser(server.url);
  await stopped;
  await server.close();
  core.close();
  return EXIT_OK;
}

/**
 * The address of the browser-mode server already on the folder; null when the folder is
 * held by the desktop app. A server that has just started may not have announced it yet.
 */
async function runningUrl(dataDir: string): Promise<string | null> {
  for (let i = 0; i < 50; i += 1) {
    const holder = readHolder(dataDir);
    if (holder?.url) return holder.url;
    if (holder && holder.mode !== 'browser') return null;
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}
