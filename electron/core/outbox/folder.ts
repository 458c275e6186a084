// Delivery to a folder or removable drive: written under `<name>.part`, flushed, renamed,
// the folder flushed, then read back and verified with the same check as `tuyentruyen
// verify`. A drive that is not plugged in (or not writable yet) is retried; a copy that does
// not read back intact is removed and the delivery fails. File-system errors reach the
// outbox screen as one Vietnamese sentence naming the folder and what to do; Node's own words
// ("ENOENT: no such file or directory, stat …" means nothing to the office) are kept as the
// problem's detail, for whoever supports the office.
import fs from 'node:fs';
import path from 'node:path';
import { verifyPackage } from '../package';
import { failed, retry, sent, technicalText, type Outcome } from './outcome';

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
    try {
      fs.rmSync(part, { force: true });
    } catch {
      /* a read-only or vanished drive: the write's own error is the one worth telling */
    }
    throw err;
  }
  fsyncDir(dir);
  return target;
}

/**
 * What a file-system error of the folder delivery means, as one sentence naming the folder,
 * and whether waiting can fix it (a stick plugged in later, a lock switch moved) or the user
 * has to act first (a full disk, a path that is not a folder).
 */
export function folderProblem(dir: string, fileName: string, err: unknown): Outcome {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const detail = technicalText(err);
  const later = (message: string) => retry(message, detail);
  const stop = (message: string) => failed(message, detail);
  switch (code) {
    case 'ENOENT':
      return later(
        `Không tìm thấy thư mục ${dir}: ổ USB chưa được cắm vào máy, hoặc thư mục đã bị đổi tên hay bị xóa. Hãy cắm ổ USB vào máy (hoặc chọn lại thư mục ở màn hình Báo cáo); ứng dụng sẽ tự thử lại khi thư mục có lại.`,
      );
    case 'EACCES':
    case 'EPERM':
      return later(
        `Không có quyền ghi vào thư mục ${dir}: hãy chọn thư mục khác hoặc nhờ người quản trị máy cấp quyền ghi; ứng dụng sẽ tự thử lại.`,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return stop(
        `Ổ đĩa chứa thư mục ${dir} đã đầy, không ghi được gói ${fileName}: hãy xóa bớt tệp trên ổ rồi bấm "Gửi ngay".`,
      );
    case 'EROFS':
      return later(
        `Thư mục ${dir} nằm trên ổ chỉ cho đọc (ổ USB hay thẻ nhớ có thể đang gạt khóa chống ghi): hãy mở khóa ghi rồi cắm lại; ứng dụng sẽ tự thử lại.`,
      );
    case 'EBUSY':
      return later(
        `Thư mục ${dir} hoặc tệp gói trong đó đang bị chương trình khác dùng: hãy đóng chương trình đang mở tệp đó; ứng dụng sẽ tự thử lại.`,
      );
    case 'EIO':
      return later(
        `Ổ đĩa chứa thư mục ${dir} bị lỗi khi ghi (ổ có thể vừa bị rút ra hoặc bị hỏng): hãy cắm lại ổ cho chắc hoặc dùng ổ khác; ứng dụng sẽ tự thử lại.`,
      );
    case 'ENOTDIR':
      return stop(
        `Đường dẫn ${dir} không phải là một thư mục (một phần của đường dẫn là tệp): hãy chọn lại thư mục ở màn hình Báo cáo.`,
      );
    default:
      return later(
        `Chưa ghi được gói vào thư mục ${dir}. Hãy kiểm tra ổ đĩa hoặc chọn thư mục khác ở màn hình Báo cáo; ứng dụng sẽ tự thử lại.`,
      );
  }
}

export async function deliverToFolder(
  dir: string,
  p: { sha256: string; fileName: string; bytes: Buffer },
): Promise<Outcome> {
  let target: string;
  try {
    if (!fs.statSync(dir).isDirectory()) {
      return failed(
        `Đường dẫn ${dir} là một tệp, không phải thư mục: hãy chọn lại thư mục ở màn hình Báo cáo.`,
      );
    }
    target = writeWithPart(dir, p.fileName, p.bytes);
  } catch (err) {
    return folderProblem(dir, p.fileName, err);
  }
  const check = await verifyPackage(target);
  if (!check.ok || check.sha256 !== p.sha256) {
    let removed = true;
    try {
      fs.rmSync(target, { force: true });
    } catch {
      removed = false;
    }
    const why = check.ok ? 'mã SHA-256 không khớp' : check.reason.vi;
    return failed(
      `Bản sao ở ${target} đọc lại không nguyên vẹn (${why}); ${removed ? 'đã xóa bản sao' : 'hãy xóa bản sao này'}. Hãy kiểm tra ổ đĩa rồi bấm "Gửi ngay".`,
    );
  }
  return sent();
}
