// A file to restore from, checked before anything changes: a backup (SQLite) must match the
// SHA-256 of its description when it has one, a transfer file (ZIP) every entry of its
// manifest; either way the database is copied into the data folder and checked in full.
import fs from 'node:fs';
import path from 'node:path';
import type { RestoreSource } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import { LATEST_VERSION } from '../db/open';
import { inspectFile } from './inspect';
import { entryOf, sha256File, temporaryIn } from './store';
import { PHOTO_DIR } from '../photos/store';
import { openTransfer, type OpenedTransfer } from './transfer';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function sniff(file: string): 'backup' | 'transfer' | 'other' {
  const head = Buffer.alloc(16);
  let n: number;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      n = fs.readSync(fd, head, 0, 16, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    throw new AppError('not_found', {
      vi: `Không mở được tệp ${file} (${(err as NodeJS.ErrnoException).code ?? 'lỗi'}).`,
      en: `Cannot open the file ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}).`,
    });
  }
  if (n === 16 && head.equals(SQLITE_MAGIC)) return 'backup';
  if (n >= 4 && head.subarray(0, 4).equals(ZIP_MAGIC)) return 'transfer';
  return 'other';
}

const refusedFile = (file: string, why: { vi: string; en: string }) =>
  new AppError('invalid_input', {
    vi: `Không khôi phục từ ${file}: ${why.vi} Dữ liệu hiện tại giữ nguyên.`,
    en: `Not restored from ${file}: ${why.en} The data in use is unchanged.`,
  });

/** A restore candidate, checked and ready to be renamed into place. */
export interface Candidate {
  file: string;
  source: RestoreSource;
  transfer: OpenedTransfer | null;
}

/** Copies and checks `file` into a temporary file of `dataDir`; throws, leaving nothing, when it will not do. */
export async function prepareCandidate(file: string, dataDir: string): Promise<Candidate> {
  const kind = sniff(file);
  if (kind === 'other') {
    throw refusedFile(file, {
      vi: 'đây không phải bản sao lưu (.sqlite) hay tệp chuyển máy (.ttmove) của Sổ tuyên truyền.',
      en: 'this is neither a Sổ tuyên truyền backup (.sqlite) nor a transfer file (.ttmove).',
    });
  }
  const tmp = temporaryIn(dataDir, 'restore.sqlite');
  try {
    let transfer: OpenedTransfer | null = null;
    let createdAt: string | null = null;
    if (kind === 'backup') {
      const described = entryOf(file);
      if (described && sha256File(file) !== described.sha256) {
        throw refusedFile(file, {
          vi: 'tệp đã bị thay đổi hoặc hỏng từ khi sao lưu (mã SHA-256 không khớp).',
          en: 'the file changed or was damaged since it was made (SHA-256 mismatch).',
        });
      }
      createdAt = described?.createdAt ?? null;
      fs.copyFileSync(file, tmp);
    } else {
      transfer = await openTransfer(file, tmp, path.join(dataDir, PHOTO_DIR));
      createdAt = transfer.createdAt;
    }
    let facts;
    try {
      facts = inspectFile(tmp, true);
    } catch (err) {
      throw refusedFile(file, {
        vi: `tệp không đọc được (${(err as Error).message}).`,
        en: `the file cannot be read (${(err as Error).message}).`,
      });
    }
    if (facts.integrity !== 'ok') {
      throw refusedFile(file, {
        vi: `tệp bị hỏng (${facts.integrity.slice(0, 200)}).`,
        en: `the file is damaged (${facts.integrity.slice(0, 200)}).`,
      });
    }
    if (facts.dataVersion > LATEST_VERSION) {
      throw refusedFile(file, {
        vi: 'tệp được tạo bởi phiên bản mới hơn của ứng dụng; hãy cài phiên bản mới nhất trước.',
        en: 'the file was made by a newer version of the app; install the latest version first.',
      });
    }
    return {
      file: tmp,
      transfer,
      source: {
        path: file,
        kind,
        createdAt,
        office: facts.office,
        counts: facts.counts,
        lastActivityDate: facts.lastActivityDate,
        keyFingerprint: transfer?.keyFingerprint ?? null,
      },
    };
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    fs.rmSync(`${tmp}-journal`, { force: true });
    throw err;
  }
}
