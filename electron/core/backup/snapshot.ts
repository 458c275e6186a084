// Making one backup: SQLite's online backup of the open database into a temporary file (a
// consistent copy while the app goes on; never a file copy of a live database), settled into
// one self-contained file, checked in full with `PRAGMA integrity_check`, flushed and renamed
// into place; its description is written last.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { BackupKind } from '../../../shared/backup';
import { fsyncFile, fsyncFolder } from '../durable';
import { inspectFile } from './inspect';
import { backupName, entryOf, temporaryIn, writeSidecar } from './store';

export async function snapshot(
  db: Database,
  dir: string,
  kind: BackupKind,
  createdAt: string,
): Promise<NonNullable<ReturnType<typeof entryOf>>> {
  fs.mkdirSync(dir, { recursive: true });
  const name = backupName(dir, createdAt, kind);
  const tmp = temporaryIn(dir, name);
  try {
    await db.backup(tmp);
    const facts = inspectFile(tmp, true);
    if (facts.integrity !== 'ok') {
      throw new AppError('db_damaged', {
        vi:
          `Bản sao lưu vừa tạo không toàn vẹn (${facts.integrity.slice(0, 200)}): tệp dữ liệu đang dùng ` +
          'có thể đã hỏng. Bản sao này không được giữ; hãy khôi phục từ một bản sao lưu trước đó.',
        en:
          `The backup just made failed its integrity check (${facts.integrity.slice(0, 200)}): the data ` +
          'file in use may be damaged. This copy is not kept; restore an earlier backup.',
      });
    }
    fsyncFile(tmp);
    const file = path.join(dir, name);
    fs.renameSync(tmp, file);
    fsyncFolder(dir);
    writeSidecar(file, kind, createdAt, facts);
    return entryOf(file)!;
  } finally {
    fs.rmSync(tmp, { force: true });
    fs.rmSync(`${tmp}-journal`, { force: true });
  }
}
