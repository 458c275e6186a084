// Delivery to a folder or removable drive: written under `<name>.part`, flushed, renamed,
// the folder flushed, then read back and verified with the same check as `tuyentruyen
// verify`. A drive that is not plugged in (or not writable yet) is retried; a copy that does
// not read back intact is removed and the delivery fails.
import fs from 'node:fs';
import path from 'node:path';
import { verifyPackage } from '../package';
import { failed, retry, sent, type Outcome } from './outcome';

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* Windows cannot open a folder for this: best effort */
  }
}

export function writeWithPart(dir: string, fileName: string, bytes: Buffer): string {
  const target = path.join(dir, fileName);
  const part = `${target}.part`;
  try {
    const fd = fs.openSync(part, 'w', 0o644);
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(part, target);
  } catch (err) {
    fs.rmSync(part, { force: true });
    throw err;
  }
  fsyncDir(dir);
  return target;
}

export async function deliverToFolder(
  dir: string,
  p: { sha256: string; fileName: string; bytes: Buffer },
): Promise<Outcome> {
  let target: string;
  try {
    if (!fs.statSync(dir).isDirectory()) {
      return failed(`${dir} không phải là thư mục.`);
    }
    target = writeWithPart(dir, p.fileName, p.bytes);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOSPC')
      return failed(`Ổ đĩa ${dir} đã đầy: không ghi được gói ${p.fileName}.`);
    return retry(
      `Chưa ghi được vào ${dir} (ổ đĩa chưa cắm hoặc không ghi được), sẽ thử lại: ${e.message}`,
    );
  }
  const check = await verifyPackage(target);
  if (!check.ok || check.sha256 !== p.sha256) {
    fs.rmSync(target, { force: true });
    const why = check.ok ? 'mã SHA-256 không khớp' : check.reason.vi;
    return failed(
      `Bản sao ở ${target} đọc lại không nguyên vẹn (${why}); đã xóa bản sao. Hãy kiểm tra ổ đĩa rồi gửi lại.`,
    );
  }
  return sent();
}
