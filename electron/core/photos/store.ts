// The photo store: `<data>/photos/<first two hex digits>/<sha256>.<ext>`, every file named by
// the SHA-256 of its bytes, written once (durably) and never changed. The same photo added
// twice is one file. (The province reads other offices' photos from their packages, kept in
// the database: nothing of theirs is extracted to disk.)
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { PhotoMime } from '../../../shared/photos';
import { fsyncFolder, writeDurably } from '../durable';

export const PHOTO_DIR = 'photos';

const EXTENSIONS: Record<PhotoMime, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

export const sha256Hex = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

export class PhotoStore {
  constructor(readonly root: string) {}

  static of(dataDir: string): PhotoStore {
    return new PhotoStore(path.join(dataDir, PHOTO_DIR));
  }

  pathOf(sha256: string, mime: PhotoMime): string {
    return path.join(this.root, sha256.slice(0, 2), `${sha256}.${EXTENSIONS[mime]}`);
  }

  has(sha256: string, mime: PhotoMime): boolean {
    return fs.existsSync(this.pathOf(sha256, mime));
  }

  /** Writes `bytes` under their SHA-256 unless already there; gives that SHA-256. */
  put(bytes: Buffer, mime: PhotoMime): string {
    const sha = sha256Hex(bytes);
    const file = this.pathOf(sha, mime);
    if (!fs.existsSync(file)) {
      const dir = path.dirname(file);
      const fresh = !fs.existsSync(dir);
      fs.mkdirSync(dir, { recursive: true });
      if (fresh) fsyncFolder(path.dirname(dir));
      writeDurably(file, bytes);
    }
    return sha;
  }

  /** The file's bytes, checked against its name: a changed or missing file is said plainly. */
  read(sha256: string, mime: PhotoMime): Buffer {
    const file = this.pathOf(sha256, mime);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      throw new AppError('photo_missing', {
        vi: `Không tìm thấy tệp ảnh ${sha256.slice(0, 12)}… trong thư mục ảnh (${file}). Hãy khôi phục thư mục ảnh từ bản sao lưu.`,
        en: `The photo file ${sha256.slice(0, 12)}… is missing from the photo folder (${file}). Restore the photo folder from a backup.`,
      });
    }
    if (sha256Hex(bytes) !== sha256) {
      throw new AppError('photo_damaged', {
        vi: `Tệp ảnh ${file} đã bị thay đổi hoặc hỏng (mã SHA-256 không khớp tên). Hãy khôi phục nó từ bản sao lưu.`,
        en: `The photo file ${file} changed or is damaged (its SHA-256 does not match its name). Restore it from a backup.`,
      });
    }
    return bytes;
  }

  /** Every file of the store, as paths relative to its root (for backups). */
  list(): string[] {
    const out: string[] = [];
    let dirs: string[];
    try {
      dirs = fs.readdirSync(this.root);
    } catch {
      return out;
    }
    for (const dir of dirs) {
      if (!/^[0-9a-f]{2}$/.test(dir)) continue;
      for (const name of fs.readdirSync(path.join(this.root, dir))) {
        if (/^[0-9a-f]{64}\.(jpg|png|webp)$/.test(name)) out.push(path.join(dir, name));
      }
    }
    return out;
  }
}

/**
 * Copies into `to` every file of the store at `from` that `to` lacks, each checked against
 * its name after the copy. Files are never changed once written, so a copy is only ever
 * added to: backups keep every photo any of their databases may name. Gives the number
 * copied; a file that does not match its name is left behind (and said on stderr).
 */
export function copyMissing(from: string, to: string): number {
  const source = new PhotoStore(from);
  let copied = 0;
  for (const rel of source.list()) {
    const target = path.join(to, rel);
    if (fs.existsSync(target)) continue;
    const bytes = fs.readFileSync(path.join(from, rel));
    if (sha256Hex(bytes) !== path.basename(rel).split('.')[0]) {
      console.error(`[photos] ${path.join(from, rel)} does not match its name; not copied`);
      continue;
    }
    const dir = path.dirname(target);
    fs.mkdirSync(dir, { recursive: true });
    writeDurably(target, bytes);
    copied += 1;
  }
  return copied;
}
