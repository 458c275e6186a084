// The one file that moves an office to another computer (`.ttmove`, FORMATS.md): a ZIP of
// transfer.json (what is inside, with each entry's SHA-256), tuyentruyen.sqlite (a verified
// backup), signing-key.ttkey (the key sealed with the passphrase given, as a key backup) and
// packages/<name>.ttpkg (the packages exported so far) and photos/<aa>/<sha256>.<ext> (the
// photo store). Read back entry by entry with caps; the database entry streams to disk, and
// each photo into the photo store once its bytes match its name (a file named by its content
// changes nothing until a database names it); nothing else is extracted.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';
import type { BackupCounts } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import { writeDurably } from '../durable';
import { MAX_ORIGINAL_BYTES } from '../../../shared/photos';
import { PhotoStore } from '../photos/store';
import { sha256File, temporaryIn } from './store';

const PHOTO_MIME = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;

export const TRANSFER_FORMAT = 'tuyentruyen-transfer';
export const MANIFEST_ENTRY = 'transfer.json';
export const DATABASE_ENTRY = 'tuyentruyen.sqlite';
export const KEY_ENTRY = 'signing-key.ttkey';
const PACKAGE_ENTRY = /^packages\/[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.ttpkg$/;
const PHOTO_ENTRY = /^photos\/([0-9a-f]{2})\/(\1[0-9a-f]{62})\.(jpg|png|webp)$/;

const LIMITS = {
  entries: 200_000,
  photoBytes: MAX_ORIGINAL_BYTES,
  keyBytes: 1 << 20,
  packageBytes: 256 << 20,
  manifestBytes: 8 << 20,
};

interface TransferManifest {
  format: typeof TRANSFER_FORMAT;
  version: 1;
  createdAt: string;
  office: { code: string; name: string } | null;
  counts: BackupCounts;
  key: { fingerprint: string } | null;
  entries: { name: string; sha256: string; size: number }[];
}

export interface TransferContent {
  createdAt: string;
  office: { code: string; name: string } | null;
  counts: BackupCounts;
  /** A verified backup file of the database. */
  databaseFile: string;
  key: { fingerprint: string; bytes: Buffer } | null;
  packages: { name: string; file: string }[];
  /** The photo store's root: every file in it travels. */
  photoDir: string;
}

/** Writes the transfer file durably (temporary name, flush, rename). */
export async function writeTransfer(target: string, content: TransferContent): Promise<void> {
  const entries: TransferManifest['entries'] = [
    {
      name: DATABASE_ENTRY,
      sha256: sha256File(content.databaseFile),
      size: fs.statSync(content.databaseFile).size,
    },
  ];
  if (content.key) {
    entries.push({
      name: KEY_ENTRY,
      sha256: createHash('sha256').update(content.key.bytes).digest('hex'),
      size: content.key.bytes.length,
    });
  }
  for (const p of content.packages) {
    entries.push({
      name: `packages/${p.name}`,
      sha256: sha256File(p.file),
      size: fs.statSync(p.file).size,
    });
  }
  // Named by their SHA-256, so their names are their checksums: no hashing again here.
  const photos = new PhotoStore(content.photoDir).list().map((rel) => ({
    name: `photos/${rel.split(path.sep).join('/')}`,
    file: path.join(content.photoDir, rel),
  }));
  for (const p of photos) {
    entries.push({
      name: p.name,
      sha256: path.basename(p.name).split('.')[0]!,
      size: fs.statSync(p.file).size,
    });
  }
  const manifest: TransferManifest = {
    format: TRANSFER_FORMAT,
    version: 1,
    createdAt: content.createdAt,
    office: content.office,
    counts: content.counts,
    key: content.key && { fingerprint: content.key.fingerprint },
    entries,
  };
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), MANIFEST_ENTRY);
  zip.addFile(content.databaseFile, DATABASE_ENTRY);
  if (content.key) zip.addBuffer(content.key.bytes, KEY_ENTRY);
  for (const p of content.packages) zip.addFile(p.file, `packages/${p.name}`, { compress: false });
  for (const p of photos) zip.addFile(p.file, p.name, { compress: false });
  zip.end();

  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = temporaryIn(dir, path.basename(target));
  try {
    await new Promise<void>((resolve, reject) => {
      const out = fs.createWriteStream(tmp, { flags: 'wx' });
      out.on('error', reject);
      zip.outputStream.on('error', reject);
      out.on('close', () => resolve());
      zip.outputStream.pipe(out);
    });
    // Same bytes through writeDurably's flush and rename.
    writeDurably(target, fs.readFileSync(tmp));
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

export interface OpenedTransfer {
  createdAt: string;
  office: { code: string; name: string } | null;
  key: Buffer | null;
  keyFingerprint: string | null;
  /** Writes the packages into `<dataDir>/packages/`; returns their new paths by file name. */
  writePackages(dataDir: string): Map<string, string>;
}

const damaged = (file: string, why: string) =>
  new AppError('invalid_input', {
    vi: `Tệp chuyển máy ${file} bị hỏng hoặc không đúng định dạng (${why}). Dữ liệu hiện tại giữ nguyên.`,
    en: `The transfer file ${file} is damaged or not in the expected format (${why}). The data in use is unchanged.`,
  });

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, strictFileNames: true }, (err, zip) =>
      err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip),
    ),
  );
}

function readStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, stream) =>
      err || !stream ? reject(err ?? new Error('no stream')) : resolve(stream),
    ),
  );
}

async function toBuffer(stream: NodeJS.ReadableStream, cap: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > cap) throw new Error('entry too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function toFile(stream: NodeJS.ReadableStream, target: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(target, { flags: 'w' });
    stream.on('error', reject);
    out.on('error', reject);
    out.on('close', () => resolve());
    stream.pipe(out);
  });
}

/**
 * Reads a transfer file, streaming its database into `databaseOut` and its photos into the
 * store at `photoDir`; checks every entry.
 */
export async function openTransfer(
  file: string,
  databaseOut: string,
  photoDir: string,
): Promise<OpenedTransfer> {
  const store = new PhotoStore(photoDir);
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch (err) {
    throw damaged(file, (err as Error).message);
  }
  const read = new Map<string, { sha256: string; size: number; bytes?: Buffer }>();
  let manifest: TransferManifest | null = null;
  try {
    if (zip.entryCount > LIMITS.entries) throw new Error(`${zip.entryCount} entries`);
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        void (async () => {
          const name = entry.fileName;
          const stream = await readStream(zip, entry);
          if (name === DATABASE_ENTRY) {
            await toFile(stream, databaseOut);
            read.set(name, {
              sha256: sha256File(databaseOut),
              size: fs.statSync(databaseOut).size,
            });
          } else if (PHOTO_ENTRY.test(name)) {
            const bytes = await toBuffer(stream, LIMITS.photoBytes);
            const sha256 = createHash('sha256').update(bytes).digest('hex');
            const [, , named, ext] = PHOTO_ENTRY.exec(name)!;
            if (sha256 !== named) throw new Error(`${name} changed`);
            store.put(bytes, PHOTO_MIME[ext as keyof typeof PHOTO_MIME]);
            read.set(name, { sha256, size: bytes.length });
          } else {
            const cap =
              name === MANIFEST_ENTRY
                ? LIMITS.manifestBytes
                : name === KEY_ENTRY
                  ? LIMITS.keyBytes
                  : PACKAGE_ENTRY.test(name)
                    ? LIMITS.packageBytes
                    : -1;
            if (cap < 0) throw new Error(`unexpected entry ${name.slice(0, 80)}`);
            const bytes = await toBuffer(stream, cap);
            if (name === MANIFEST_ENTRY)
              manifest = JSON.parse(bytes.toString('utf8')) as TransferManifest;
            else
              read.set(name, {
                sha256: createHash('sha256').update(bytes).digest('hex'),
                size: bytes.length,
                bytes,
              });
          }
          zip.readEntry();
        })().catch(reject);
      });
      zip.readEntry();
    });
  } catch (err) {
    throw damaged(file, (err as Error).message);
  } finally {
    zip.close();
  }
  const m = manifest as TransferManifest | null;
  if (!m || m.format !== TRANSFER_FORMAT || m.version !== 1 || !Array.isArray(m.entries))
    throw damaged(file, `${MANIFEST_ENTRY} missing or unknown`);
  for (const e of m.entries) {
    const got = read.get(e.name);
    if (!got) throw damaged(file, `${e.name} missing`);
    if (got.sha256 !== e.sha256 || got.size !== e.size) throw damaged(file, `${e.name} changed`);
  }
  if (read.size !== m.entries.length) throw damaged(file, 'entries not listed in the manifest');
  if (!read.has(DATABASE_ENTRY)) throw damaged(file, `${DATABASE_ENTRY} missing`);
  const key = read.get(KEY_ENTRY)?.bytes ?? null;
  return {
    createdAt: m.createdAt,
    office: m.office,
    key,
    keyFingerprint: key ? (m.key?.fingerprint ?? null) : null,
    writePackages(dataDir) {
      const written = new Map<string, string>();
      const dir = path.join(dataDir, 'packages');
      for (const [name, entry] of read) {
        if (!PACKAGE_ENTRY.test(name) || !entry.bytes) continue;
        const target = path.join(dir, name.slice('packages/'.length));
        fs.mkdirSync(dir, { recursive: true });
        if (!fs.existsSync(target) || sha256File(target) !== entry.sha256)
          writeDurably(target, entry.bytes);
        written.set(path.basename(target), target);
      }
      return written;
    },
  };
}
