// The ZIP container of a package. Writing (yazl) is deterministic: entries in the given
// order, one fixed DOS timestamp and mode, no extra fields, so the same entries give the
// same bytes. Reading (yauzl, lazyEntries) keeps everything in memory — nothing is ever
// extracted to disk — under caps of its own, so a hostile file cannot exhaust memory or
// smuggle a path (zip-slip, https://security.snyk.io/research/zip-slip-vulnerability).
import { createHash } from 'node:crypto';
import yauzl from 'yauzl';
import yazl from 'yazl';
import type { Msg } from '../../../shared/errors';

/** 1980-01-01 would be the DOS epoch; any constant will do. Local time, as DOS stores it. */
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);

export interface ZipInput {
  name: string;
  bytes: Buffer;
  /** Deflate; leave false for content that is already compressed (.docx, signatures). */
  compress: boolean;
}

export function writeZip(entries: readonly ZipInput[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const e of entries) {
      zip.addBuffer(e.bytes, e.name, {
        mtime: FIXED_MTIME,
        mode: 0o100644,
        compress: e.compress,
        forceDosTimestamp: true,
      });
    }
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.end();
  });
}

/** Caps on what a package may hold (ours hold four entries). */
export const ZIP_LIMITS = {
  entries: 16,
  /** The whole package file. */
  fileBytes: 1024 * 1024 * 1024,
  /** One entry, uncompressed. */
  entryBytes: 512 * 1024 * 1024,
  /** All entries, uncompressed. */
  totalBytes: 1024 * 1024 * 1024,
  /** Uncompressed / compressed, checked above `ratioFloor` bytes (JSON deflates ~10–30×). */
  ratio: 200,
  ratioFloor: 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  bytes: Buffer;
  sha256: string;
}

export class ZipRefused extends Error {
  constructor(readonly msg: Msg) {
    super(msg.en);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function checkName(raw: Buffer): string {
  let name: string;
  try {
    name = decoder.decode(raw);
  } catch {
    throw new ZipRefused({
      vi: 'Gói có một tệp mang tên không đọc được (không phải UTF-8).',
      en: 'The package holds an entry whose name is not valid UTF-8.',
    });
  }
  const bad =
    name === '' ||
    name.includes('\\') ||
    name.startsWith('/') ||
    /^[A-Za-z]:/.test(name) ||
    name.split('/').some((part) => part === '..' || part === '.') ||
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f]/.test(name);
  if (bad) {
    throw new ZipRefused({
      vi: `Gói có tệp mang tên không hợp lệ "${name}" (đường dẫn tuyệt đối, "..", dấu \\ hoặc ký tự điều khiển).`,
      en: `The package holds an entry with an invalid name "${name}" (absolute path, "..", backslash or control character).`,
    });
  }
  return name;
}

function open(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, strictFileNames: true },
      (err, zip) => (err ? reject(err) : resolve(zip)),
    );
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        // validateEntrySizes stops at the declared size; this guards the declaration itself.
        if (size > ZIP_LIMITS.entryBytes) {
          stream.destroy();
          reject(tooLarge(name));
          return;
        }
        chunks.push(c);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

const tooLarge = (name: string): ZipRefused =>
  new ZipRefused({
    vi: `Tệp ${name} trong gói quá lớn hoặc nén bất thường; gói bị từ chối.`,
    en: `The entry ${name} is too large or abnormally compressed; the package is refused.`,
  });

/**
 * Every entry of the ZIP, in order, with its bytes and SHA-256. Throws ZipRefused (one
 * sentence) for anything outside the caps, and plain errors for a file that is not a ZIP.
 */
export async function readZip(buffer: Buffer): Promise<ZipEntry[]> {
  const zip = await open(buffer);
  try {
    if (zip.entryCount > ZIP_LIMITS.entries) {
      throw new ZipRefused({
        vi: `Gói có ${zip.entryCount} tệp, nhiều hơn mức cho phép (${ZIP_LIMITS.entries}).`,
        en: `The package holds ${zip.entryCount} entries, more than allowed (${ZIP_LIMITS.entries}).`,
      });
    }
    const entries: ZipEntry[] = [];
    const seen = new Set<string>();
    let total = 0;
    for (;;) {
      const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
        const onEntry = (e: yauzl.Entry) => done(null, e);
        const onEnd = () => done(null, null);
        const onError = (err: Error) => done(err, null);
        const done = (err: Error | null, e: yauzl.Entry | null) => {
          zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
          if (err) reject(err);
          else resolve(e);
        };
        zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
        zip.readEntry();
      });
      if (!entry) break;
      const name = checkName(entry.fileNameRaw);
      if (seen.has(name.toLowerCase())) {
        throw new ZipRefused({
          vi: `Gói có hai tệp cùng tên ${name}.`,
          en: `The package holds two entries named ${name}.`,
        });
      }
      seen.add(name.toLowerCase());
      const unixType = (entry.externalFileAttributes >>> 16) & 0o170000;
      if (name.endsWith('/') || unixType === 0o120000 || unixType === 0o040000) {
        throw new ZipRefused({
          vi: `Gói có mục ${name} là thư mục hoặc liên kết tượng trưng, không phải tệp.`,
          en: `The package entry ${name} is a folder or a symbolic link, not a file.`,
        });
      }
      if (entry.isEncrypted()) {
        throw new ZipRefused({
          vi: `Tệp ${name} trong gói bị mã hóa; gói không được mã hóa.`,
          en: `The entry ${name} is encrypted; packages are never encrypted.`,
        });
      }
      total += entry.uncompressedSize;
      if (
        entry.uncompressedSize > ZIP_LIMITS.entryBytes ||
        total > ZIP_LIMITS.totalBytes ||
        (entry.uncompressedSize > ZIP_LIMITS.ratioFloor &&
          entry.uncompressedSize > ZIP_LIMITS.ratio * Math.max(1, entry.compressedSize))
      ) {
        throw tooLarge(name);
      }
      const bytes = await readEntry(zip, entry, name);
      entries.push({ name, bytes, sha256: createHash('sha256').update(bytes).digest('hex') });
    }
    return entries;
  } finally {
    zip.close();
  }
}
