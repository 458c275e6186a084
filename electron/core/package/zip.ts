// The ZIP container of a package. Writing (yazl) is deterministic: entries in the given
// order, one fixed DOS timestamp and mode, no extra fields, so the same entries give the
// same bytes. Reading (yauzl, lazyEntries) keeps everything in memory — nothing is ever
// extracted to disk — under caps of its own, so a hostile file cannot exhaust memory or
// smuggle a path (zip-slip, https://security.snyk.io/research/zip-slip-vulnerability).
import { createHash } from 'node:crypto';
import yauzl from 'yauzl';
import yazl from 'yazl';
import type { Msg } from '../../../shared/errors';
import { formatNumber } from '../../../shared/format';
import { DATA_FILE, MAX_PACKAGE_PHOTOS } from '../../../shared/package';

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

/** Caps on what a package may hold (ours hold up to six entries and the photos). */
export const ZIP_LIMITS = {
  /** The fixed entries and the photos (MAX_PACKAGE_PHOTOS). */
  entries: 16 + MAX_PACKAGE_PHOTOS,
  /**
   * The whole package file. A quarter of 50,000 activities is about 25 MB; the province desk
   * keeps each file in SQLite, whose largest value is 1,000,000,000 bytes.
   */
  fileBytes: 256 * 1024 * 1024,
  /** One entry, uncompressed. */
  entryBytes: 512 * 1024 * 1024,
  /** data.json, uncompressed: a year of a busy office is a few MB; JSON.parse holds it all. */
  dataBytes: 64 * 1024 * 1024,
  /** All entries, uncompressed. */
  totalBytes: 1024 * 1024 * 1024,
  /** Uncompressed / compressed, checked above `ratioFloor` bytes (JSON deflates ~10–30×). */
  ratio: 200,
  ratioFloor: 1024 * 1024,
  /** Characters in an entry name (ours are about a dozen). */
  nameChars: 255,
};

export interface ZipEntry {
  name: string;
  bytes: Buffer;
  sha256: string;
}

/** A ZIP that was read but holds something a package never may; `msg` is the sentence. */
export class ZipRefused extends Error {
  constructor(readonly msg: Msg) {
    super(msg.en);
  }
}

/**
 * Why a file could not be read as a ZIP at all. The caller words it, since only the caller
 * knows the file's name: an empty file, one that is not a ZIP, one cut short (an interrupted
 * download or copy), one over the size cap, or a ZIP whose structure is damaged.
 */
export type ZipFault = 'empty' | 'not-zip' | 'truncated' | 'too-large' | 'damaged';

export class ZipUnreadable extends Error {
  constructor(
    readonly fault: ZipFault,
    detail: string,
  ) {
    super(`${fault}: ${detail}`);
  }
}

const MiB = 1024 * 1024;
/** Megabytes, one decimal below 10: "64" or "1,5" in Vietnamese, "64" or "1.5" in English. */
const mbVi = (bytes: number): string => formatNumber(bytes / MiB, bytes < 10 * MiB ? 1 : 0);
const mbEn = (bytes: number): string =>
  String(Number((bytes / MiB).toFixed(bytes < 10 * MiB ? 1 : 0)));

const refused = (vi: string, en: string): ZipRefused => new ZipRefused({ vi, en });

/** A name as it may appear in a sentence: no control characters, not a page long. */
function shown(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '\uFFFD');
  return clean.length > 80 ? `${clean.slice(0, 80)}…` : clean;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The entry's name, refused when a tool that extracts would write it outside its folder
 * (zip-slip: `..`, absolute paths, drive letters, backslashes read as separators on Windows,
 * https://security.snyk.io/research/zip-slip-vulnerability). We never extract, but a package
 * is also opened by people with ordinary unzip tools, and must not surprise them.
 */
function checkName(raw: Buffer): string {
  let name: string;
  try {
    name = decoder.decode(raw);
  } catch {
    throw refused(
      'Gói có một tệp mang tên không đọc được (không phải UTF-8).',
      'The package holds an entry whose name is not valid UTF-8.',
    );
  }
  if (name === '')
    throw refused('Gói có một tệp không có tên.', 'The package holds an entry with no name.');
  if (name.length > ZIP_LIMITS.nameChars) {
    throw refused(
      `Gói có tệp mang tên dài hơn ${ZIP_LIMITS.nameChars} ký tự ("${shown(name)}").`,
      `The package holds an entry whose name is longer than ${ZIP_LIMITS.nameChars} characters ("${shown(name)}").`,
    );
  }
  const invalid = (vi: string, en: string): ZipRefused =>
    refused(
      `Gói có tệp mang tên không hợp lệ "${shown(name)}": ${vi}.`,
      `The package holds an entry with an invalid name "${shown(name)}": ${en}.`,
    );
  if (name.startsWith('/') || name.startsWith('\\'))
    throw invalid(
      'đó là đường dẫn tuyệt đối, trỏ ra ngoài gói',
      'it is an absolute path, pointing outside the package',
    );
  if (/^[A-Za-z]:/.test(name))
    throw invalid(
      `tên bắt đầu bằng ký hiệu ổ đĩa "${name.slice(0, 2)}" của Windows`,
      `it starts with the Windows drive "${name.slice(0, 2)}"`,
    );
  // Split on both separators: "..\\x" climbs out on Windows just as "../x" does elsewhere.
  const parts = name.split(/[/\\]/);
  if (parts.includes('..'))
    throw invalid(
      'tên có ".." để trỏ lên thư mục cha, ra ngoài gói',
      'it uses ".." to point to a parent folder, outside the package',
    );
  if (name.includes('\\'))
    throw invalid(
      'tên có dấu \\ (dấu phân cách thư mục của Windows)',
      'it contains a backslash (the Windows folder separator)',
    );
  // A trailing "/" marks a folder, refused below with its own sentence.
  if ((name.endsWith('/') ? parts.slice(0, -1) : parts).some((p) => p === '.' || p === ''))
    throw invalid(
      'tên có thành phần "." hoặc thành phần rỗng',
      'it has a "." or an empty path segment',
    );
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name))
    throw invalid('tên có ký tự điều khiển', 'it contains a control character');
  return name;
}

/** Refuses anything but a plain file, stored or deflated: a link or folder means nothing in a package. */
function checkKind(entry: yauzl.Entry, name: string): void {
  // The Unix file type sits in the high 16 bits of the external attributes (what Info-ZIP
  // writes for "version made by" Unix); 0x10 in the low byte is the MS-DOS folder bit.
  const unixType = (entry.externalFileAttributes >>> 16) & 0o170000;
  if (unixType === 0o120000) {
    throw refused(
      `Gói có mục ${shown(name)} là liên kết tượng trưng (symlink), không phải tệp; gói không bao giờ chứa liên kết.`,
      `The package entry ${shown(name)} is a symbolic link, not a file; packages never hold links.`,
    );
  }
  if (name.endsWith('/') || unixType === 0o040000 || (entry.externalFileAttributes & 0x10) !== 0) {
    throw refused(
      `Gói có mục ${shown(name)} là thư mục, không phải tệp.`,
      `The package entry ${shown(name)} is a folder, not a file.`,
    );
  }
  if (unixType !== 0 && unixType !== 0o100000) {
    throw refused(
      `Gói có mục ${shown(name)} là tệp đặc biệt của hệ thống (thiết bị, FIFO hoặc socket), không phải tệp thường.`,
      `The package entry ${shown(name)} is a special file (device, FIFO or socket), not a regular file.`,
    );
  }
  if (entry.isEncrypted()) {
    throw refused(
      `Tệp ${shown(name)} trong gói bị mã hóa; gói không được mã hóa.`,
      `The entry ${shown(name)} is encrypted; packages are never encrypted.`,
    );
  }
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw refused(
      `Tệp ${shown(name)} trong gói dùng cách nén không được hỗ trợ (mã ${entry.compressionMethod}); gói chỉ dùng Deflate hoặc không nén.`,
      `The entry ${shown(name)} uses an unsupported compression method (${entry.compressionMethod}); packages use Deflate or none.`,
    );
  }
}

/** The most `name` may inflate to: data.json has a cap of its own, below the general one. */
const capOf = (name: string): number =>
  name === DATA_FILE ? ZIP_LIMITS.dataBytes : ZIP_LIMITS.entryBytes;

function overCap(name: string, bytes: number): ZipRefused {
  const cap = capOf(name);
  if (name === DATA_FILE) {
    return refused(
      `Tệp ${DATA_FILE} trong gói có ${mbVi(bytes)} MB số liệu, vượt mức cho phép ${mbVi(cap)} MB.`,
      `The entry ${DATA_FILE} holds ${mbEn(bytes)} MB of data, more than the ${mbEn(cap)} MB allowed.`,
    );
  }
  return refused(
    `Tệp ${shown(name)} trong gói có kích thước giải nén ${mbVi(bytes)} MB, vượt mức cho phép ${mbVi(cap)} MB cho một tệp.`,
    `The entry ${shown(name)} inflates to ${mbEn(bytes)} MB, more than the ${mbEn(cap)} MB allowed for one entry.`,
  );
}

/** Refuses from the declared sizes alone, before a byte is inflated. */
function checkDeclaredSize(entry: yauzl.Entry, name: string, total: number): void {
  const size = entry.uncompressedSize;
  if (size > capOf(name)) throw overCap(name, size);
  if (total > ZIP_LIMITS.totalBytes) {
    throw refused(
      `Các tệp trong gói có tổng kích thước giải nén ${mbVi(total)} MB, vượt mức cho phép ${mbVi(ZIP_LIMITS.totalBytes)} MB.`,
      `The package's entries inflate to ${mbEn(total)} MB in all, more than the ${mbEn(ZIP_LIMITS.totalBytes)} MB allowed.`,
    );
  }
  const ratio = size / Math.max(1, entry.compressedSize);
  if (size > ZIP_LIMITS.ratioFloor && ratio > ZIP_LIMITS.ratio) {
    throw refused(
      `Tệp ${shown(name)} trong gói nén bất thường: khai báo giải nén ra gấp ${formatNumber(Math.floor(ratio))} lần kích thước nén, vượt mức ${ZIP_LIMITS.ratio} lần (dấu hiệu của bom giải nén).`,
      `The entry ${shown(name)} is abnormally compressed: it declares ${Math.floor(ratio)} times its compressed size, beyond the ${ZIP_LIMITS.ratio} times allowed (the mark of a zip bomb).`,
    );
  }
}

/**
 * The entry's bytes, counted as they inflate: the declared size is only a claim, so more
 * bytes than declared stop the read at once (an inflate bomb that lies about its size), and
 * fewer mean a damaged entry. yauzl's own size check (validateEntrySizes) is off so that
 * each of these gets its own sentence instead of a generic stream error.
 */
function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string): Promise<Buffer> {
  const declared = entry.uncompressedSize;
  const damaged = (): ZipRefused =>
    refused(
      `Tệp ${shown(name)} trong gói bị hỏng: không giải nén được.`,
      `The entry ${shown(name)} is damaged: it cannot be inflated.`,
    );
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(damaged());
      const chunks: Buffer[] = [];
      let size = 0;
      let settled = false;
      const fail = (e: ZipRefused): void => {
        if (settled) return;
        settled = true;
        stream.destroy();
        reject(e);
      };
      stream.on('data', (c: Buffer) => {
        if (settled) return;
        size += c.length;
        if (size > declared) {
          return fail(
            refused(
              `Tệp ${shown(name)} trong gói giải nén ra nhiều hơn kích thước đã khai báo (${formatNumber(declared)} byte): gói bị hỏng hoặc bị làm giả.`,
              `The entry ${shown(name)} inflates to more than its declared size (${declared} bytes): the package is damaged or forged.`,
            ),
          );
        }
        // Implied by the line above and checkDeclaredSize; kept so that the cap holds on its own.
        if (size > capOf(name)) return fail(overCap(name, size));
        chunks.push(c);
      });
      stream.on('error', () => fail(damaged()));
      stream.on('end', () => {
        if (settled) return;
        if (size < declared) {
          return fail(
            refused(
              `Tệp ${shown(name)} trong gói giải nén ra ít hơn kích thước đã khai báo (${formatNumber(size)} trên ${formatNumber(declared)} byte): gói bị hỏng.`,
              `The entry ${shown(name)} inflates to less than its declared size (${size} of ${declared} bytes): the package is damaged.`,
            ),
          );
        }
        settled = true;
        resolve(Buffer.concat(chunks));
      });
    });
  });
}

const LOCAL_HEADER = 0x04034b50;
const END_OF_CENTRAL_DIR = 0x06054b50;
/** The end record is 22 bytes plus a comment of up to 65,535. */
const EOCD_SEARCH = 22 + 0xffff;

/**
 * Tells the ways a file fails to be a ZIP apart before yauzl is asked, whose one message
 * ("End of central directory record signature not found. Either not a zip file, or file is
 * truncated.") covers both. A ZIP starts with a local file header and ends with the end of
 * central directory record; a start without an end is a file cut short.
 */
function sniff(buffer: Buffer): void {
  if (buffer.length === 0) throw new ZipUnreadable('empty', 'no bytes');
  if (buffer.length > ZIP_LIMITS.fileBytes)
    throw new ZipUnreadable('too-large', `${buffer.length} bytes`);
  const first = buffer.length >= 4 ? buffer.readUInt32LE(0) : 0;
  if (first !== LOCAL_HEADER && first !== END_OF_CENTRAL_DIR)
    throw new ZipUnreadable('not-zip', 'no ZIP signature at the start');
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - EOCD_SEARCH); i--) {
    if (buffer.readUInt32LE(i) === END_OF_CENTRAL_DIR) return;
  }
  throw new ZipUnreadable('truncated', 'a ZIP start without its end record');
}

function open(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, decodeStrings: false, validateEntrySizes: false, strictFileNames: true },
      (err, zip) => (err ? reject(new ZipUnreadable('damaged', err.message)) : resolve(zip)),
    );
  });
}

/** The next central directory record, or null after the last. */
function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const onEntry = (e: yauzl.Entry) => done(null, e);
    const onEnd = () => done(null, null);
    const onError = (err: Error) => done(err, null);
    const done = (err: Error | null, e: yauzl.Entry | null) => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
      if (err) reject(new ZipUnreadable('damaged', err.message));
      else resolve(e);
    };
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

/**
 * Every entry of the ZIP, in order, with its bytes and SHA-256. Throws ZipRefused (one
 * sentence) for anything outside the caps or the rules on names and kinds, and
 * ZipUnreadable for a file that cannot be read as a ZIP at all.
 */
export async function readZip(buffer: Buffer): Promise<ZipEntry[]> {
  sniff(buffer);
  const zip = await open(buffer);
  try {
    // From the end record alone, before any entry is read: 100,000 entries cost nothing.
    if (zip.entryCount > ZIP_LIMITS.entries) {
      throw refused(
        `Gói có ${formatNumber(zip.entryCount)} tệp, nhiều hơn mức cho phép (${formatNumber(ZIP_LIMITS.entries)}).`,
        `The package holds ${zip.entryCount} entries, more than allowed (${ZIP_LIMITS.entries}).`,
      );
    }
    const entries: ZipEntry[] = [];
    // By NFC and letter case: "Manifest.json" and "manifest.json" are one file once
    // extracted on Windows or macOS, and which one a tool keeps is anyone's guess.
    const seen = new Map<string, string>();
    let total = 0;
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      const name = checkName(entry.fileNameRaw);
      const key = name.normalize('NFC').toLowerCase();
      const earlier = seen.get(key);
      if (earlier === name) {
        throw refused(
          `Gói có hai tệp cùng tên ${shown(name)}.`,
          `The package holds two entries named ${shown(name)}.`,
        );
      }
      if (earlier !== undefined) {
        throw refused(
          `Gói có hai tệp trùng tên khi không phân biệt chữ hoa, chữ thường: ${shown(earlier)} và ${shown(name)}.`,
          `The package holds two entries whose names differ only in letter case: ${shown(earlier)} and ${shown(name)}.`,
        );
      }
      seen.set(key, name);
      checkKind(entry, name);
      total += entry.uncompressedSize;
      checkDeclaredSize(entry, name, total);
      const bytes = await readEntry(zip, entry, name);
      entries.push({ name, bytes, sha256: createHash('sha256').update(bytes).digest('hex') });
    }
    return entries;
  } finally {
    zip.close();
  }
}
