// `tuyentruyen serve`: browser mode. The server owns the data folder like the desktop app
// (outbox, backups); a second one on the same folder is refused, pointing to the first.
import path from 'node:path';
import { openCore } from '../core';
import { defaultDataDir } from '../core/paths';
import { startServer } from '../server';
import { EXIT_OK, parse, UsageError, type Io } from './args';

export async function serve(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { port: { type: 'string' } }, 0);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`cổng "${values.port}" không hợp lệ`);
  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir();
  // No terminal prompt while serving: the key's passphrase comes from the environment
  // (an in-page prompt is on the roadmap).
  const passphrase = process.env.TUYENTRUYEN_PASSPHRASE;
  // A second server on the same folder is refused (AppError 'in_use'), pointing to the first.
  const core = await openCore({
    dataDir,
    mode: 'browser',
    source: 'browser',
    outbox: true,
    ...(passphrase ? { passphrase } : {}),
  });
  const server = await startServer({ core, port });
  core.announce(server.url);
  io.out(
    `Sổ tuyên truyền đang chạy trong trình duyệt. Mở địa chỉ sau (chỉ trên máy này):\n${server.url}\nDữ liệu: ${dataDir}\nNhấn Ctrl+C để dừng.`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  core.close();
  return EXIT_OK;
}
