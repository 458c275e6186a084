// Moving the office to another computer: one `.ttmove` file with a verified backup of the
// database, the signing key sealed with a passphrase, and the packages exported so far.
// Restored with the same `restore` as a backup; the new computer then has the same office,
// the same key fingerprint and every activity, and the old one can mark its key retired.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TransferResult } from '../../../shared/backup';
import { TRANSFER_EXTENSION } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import { snapshot } from '../backup/snapshot';
import { fileStamp, sha256File } from '../backup/store';
import { writeTransfer } from '../backup/transfer';
import { PHOTO_DIR } from '../photos/store';
import { allPackages } from '../package/queries';
import { createKeyStore, createPassphraseSealer } from '../signing';
import type { DatabaseHost, TransferTarget } from './backups';
import type { PackageService } from './packages';

export const TRANSFERS_DIR = 'transfers';

export class TransferService implements TransferTarget {
  constructor(
    private readonly host: DatabaseHost,
    private readonly packages: PackageService,
  ) {}

  async transfer(
    out: { outDir?: string | undefined; outFile?: string | undefined },
    passphrase: string,
  ): Promise<TransferResult> {
    const db = this.host.db();
    if (!db) {
      throw new AppError('not_found', {
        vi: 'Không có dữ liệu để chuyển: tệp dữ liệu bị mất hoặc trống.',
        en: 'There is no data to move: the data file is missing or empty.',
      });
    }
    const createdAt = this.host.now();
    const key = this.packages.keyInfo();
    // The key first: a passphrase that cannot open it must leave no file behind.
    const keyBytes = key.exists ? (await this.packages.backupKey(passphrase)).bytes : null;
    const work = fs.mkdtempSync(path.join(this.host.dataDir, '.transfer-'));
    try {
      const backup = await snapshot(db, work, 'manual', createdAt);
      const office = backup.office;
      const dir = path.resolve(out.outDir ?? path.join(this.host.dataDir, TRANSFERS_DIR));
      const target = out.outFile
        ? path.resolve(out.outFile)
        : path.join(
            dir,
            `${office?.code ?? 'SoTuyenTruyen'}_chuyen-may_${fileStamp(createdAt).slice(0, 13)}${TRANSFER_EXTENSION}`,
          );
      const fileName = path.basename(target);
      const packages = allPackages(db)
        .filter((p) => fs.existsSync(p.path))
        .map((p) => ({ name: p.fileName, file: p.path }));
      await writeTransfer(target, {
        createdAt,
        office,
        counts: backup.counts,
        databaseFile: backup.path,
        key: keyBytes && key.fingerprint ? { fingerprint: key.fingerprint, bytes: keyBytes } : null,
        packages,
        photoDir: path.join(this.host.dataDir, PHOTO_DIR),
      });
      return {
        path: target,
        fileName,
        sizeBytes: fs.statSync(target).size,
        sha256: sha256File(target),
        counts: backup.counts,
        keyFingerprint: keyBytes ? key.fingerprint : null,
        packages: packages.length,
      };
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }

  checkKey(bytes: Buffer, passphrase: string): void {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tuyentruyen-key-'));
    try {
      createKeyStore(scratch, createPassphraseSealer(passphrase)).restore(bytes, passphrase);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }

  restoreKey(bytes: Buffer, passphrase: string): string {
    const info = this.packages.restoreKeyFromTransfer(bytes, passphrase);
    return info.fingerprint ?? '';
  }
}
