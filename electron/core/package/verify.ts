// Checking a package: the one function behind `tuyentruyen verify`, the app's "check a
// package" and the read-back after every export. Each failure is one sentence naming the
// file at fault; the first failure found is the one reported.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Msg } from '../../../shared/errors';
import { describeIssue } from '../../../shared/issues';
import {
  DATA_FILE,
  MANIFEST_FILE,
  ManifestSchema,
  reportsOf,
  SIGNATURE_FILE,
  type Manifest,
  type PackageCheck,
} from '../../../shared/package';
import { PHOTO_ENTRY_RE, photoEntry, type PackagePhoto } from '../../../shared/photos';
import { verifyDetached } from '../signing';
import {
  readZip,
  ZIP_LIMITS,
  ZipRefused,
  ZipUnreadable,
  type ZipEntry,
  type ZipFault,
} from './zip';

class Refused extends Error {
  constructor(readonly msg: Msg) {
    super(msg.en);
  }
}

const refuse = (vi: string, en: string): Refused => new Refused({ vi, en });

/** The part of data.json the manifest must agree with. */
interface DataHead {
  schemaVersion?: unknown;
  profile?: { office?: { code?: unknown }; communes?: unknown };
  period?: { key?: unknown; from?: unknown; to?: unknown };
  activities?: unknown;
  directives?: unknown;
  reports?: unknown;
  photos?: unknown;
}

function checkSignature(entries: Map<string, ZipEntry>): PackageCheckSigner {
  const manifest = entries.get(MANIFEST_FILE)!; // manifestJson has checked it is there
  const signature = entries.get(SIGNATURE_FILE);
  if (!signature) {
    throw refuse(
      `Gói thiếu tệp chữ ký ${SIGNATURE_FILE}.`,
      `The package lacks the signature ${SIGNATURE_FILE}.`,
    );
  }
  const result = verifyDetached(signature.bytes, manifest.bytes);
  if (!result.ok) {
    // A digest mismatch means the signed content changed; anything else is the signature's fault.
    if (result.reason.en.startsWith('The content changed after signing')) {
      throw refuse(
        `Tệp ${MANIFEST_FILE} đã bị thay đổi sau khi ký: mã băm không khớp với chữ ký ${SIGNATURE_FILE}.`,
        `The file ${MANIFEST_FILE} changed after signing: its digest does not match the signature ${SIGNATURE_FILE}.`,
      );
    }
    throw refuse(
      `Tệp ${SIGNATURE_FILE} không hợp lệ: ${lowerFirst(result.reason.vi)}`,
      `The file ${SIGNATURE_FILE} is not valid: ${lowerFirst(result.reason.en)}`,
    );
  }
  return {
    subject: result.subject.text,
    fingerprint: result.fingerprint,
    signingTime: result.signingTime.toISOString(),
  };
}

type PackageCheckSigner = Extract<PackageCheck, { ok: true }>['signer'];

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * The manifest's JSON, read before its signature is checked: a manifest that is not JSON can
 * never make a package, whoever signed it, and saying so names the problem more exactly
 * than "changed after signing" would. Its fields are trusted only after the signature.
 */
function manifestJson(entries: Map<string, ZipEntry>): unknown {
  const manifest = entries.get(MANIFEST_FILE);
  if (!manifest)
    throw refuse(`Gói thiếu tệp ${MANIFEST_FILE}.`, `The package lacks ${MANIFEST_FILE}.`);
  try {
    return JSON.parse(decoder.decode(manifest.bytes)) as unknown;
  } catch {
    throw refuse(
      `Tệp ${MANIFEST_FILE} không phải JSON hợp lệ.`,
      `The file ${MANIFEST_FILE} is not valid JSON.`,
    );
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function parseManifest(json: unknown): Manifest {
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = describeIssue(parsed.error.issues[0]!);
    throw refuse(
      `Tệp ${MANIFEST_FILE} không đúng định dạng: ${issue.msg.vi}.`,
      `The file ${MANIFEST_FILE} is not in the expected format: ${issue.msg.en}.`,
    );
  }
  return parsed.data;
}

function checkFiles(manifest: Manifest, entries: Map<string, ZipEntry>): void {
  for (const required of [DATA_FILE, ...reportsOf(manifest).map((r) => r.file)]) {
    if (!manifest.files.some((f) => f.name === required)) {
      throw refuse(
        `Tệp ${MANIFEST_FILE} không liệt kê tệp ${required}.`,
        `The file ${MANIFEST_FILE} does not list ${required}.`,
      );
    }
  }
  for (const listed of manifest.files) {
    const entry = entries.get(listed.name);
    if (!entry) {
      throw refuse(
        `Gói thiếu tệp ${listed.name} mà ${MANIFEST_FILE} liệt kê.`,
        `The package lacks ${listed.name}, which ${MANIFEST_FILE} lists.`,
      );
    }
    if (entry.bytes.length !== listed.size || entry.sha256 !== listed.sha256) {
      throw refuse(
        `Tệp ${listed.name} trong gói đã bị thay đổi: kích thước hoặc mã SHA-256 không khớp với ${MANIFEST_FILE}.`,
        `The file ${listed.name} in the package changed: its size or SHA-256 does not match ${MANIFEST_FILE}.`,
      );
    }
  }
  const listed = new Set([MANIFEST_FILE, SIGNATURE_FILE, ...manifest.files.map((f) => f.name)]);
  for (const name of entries.keys()) {
    if (!listed.has(name)) {
      throw refuse(
        `Gói có tệp ${name} không được liệt kê trong ${MANIFEST_FILE}.`,
        `The package holds ${name}, which ${MANIFEST_FILE} does not list.`,
      );
    }
  }
}

/** Checks data.json against the manifest; gives it parsed (the inbox reads it next). */
function checkData(manifest: Manifest, bytes: Buffer, entries: Map<string, ZipEntry>): DataHead {
  let data: DataHead;
  try {
    data = JSON.parse(bytes.toString('utf8')) as DataHead;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('shape');
  } catch {
    throw refuse(
      `Tệp ${DATA_FILE} không phải JSON hợp lệ.`,
      `The file ${DATA_FILE} is not valid JSON.`,
    );
  }
  const disagree = (vi: string, en: string): Refused =>
    refuse(
      `Tệp ${DATA_FILE} không khớp với ${MANIFEST_FILE}: ${vi}.`,
      `The file ${DATA_FILE} does not agree with ${MANIFEST_FILE}: ${en}.`,
    );
  if (data.schemaVersion !== manifest.schemaVersion)
    throw disagree('phiên bản định dạng khác nhau', 'the schema versions differ');
  if (data.profile?.office?.code !== manifest.office.code)
    throw disagree('mã đơn vị khác nhau', 'the office codes differ');
  const p = data.period;
  if (
    p?.key !== manifest.period.key ||
    p.from !== manifest.period.from ||
    p.to !== manifest.period.to
  )
    throw disagree('kỳ báo cáo khác nhau', 'the periods differ');
  const counts: [keyof Manifest['counts'], unknown, string][] = [
    ['activities', data.activities, 'số hoạt động'],
    ['communes', data.profile?.communes, 'số xã'],
    ['directives', data.directives, 'số văn bản chỉ đạo'],
  ];
  for (const [key, list, vi] of counts) {
    if (!Array.isArray(list) || list.length !== manifest.counts[key])
      throw disagree(`${vi} khác nhau`, `the ${key} counts differ`);
  }
  if (manifest.reports) {
    const listed = Array.isArray(data.reports) ? (data.reports as unknown[]) : [];
    const same =
      listed.length === manifest.reports.length &&
      manifest.reports.every((r, i) => {
        const d = listed[i] as { subject?: unknown; file?: unknown } | null;
        return d?.subject === r.subject && d.file === r.file;
      });
    if (!same) throw disagree('danh sách báo cáo theo chủ đề khác nhau', 'the reports differ');
  }
  checkPhotos(manifest, data, entries, disagree);
  return data;
}

/**
 * data.json's photos and the manifest's photo entries name each other exactly, each photo
 * belongs to an activity of the package, and each entry is a JPEG at least by its markers
 * (the province decodes every one before taking the package in).
 */
function checkPhotos(
  manifest: Manifest,
  data: DataHead,
  entries: Map<string, ZipEntry>,
  disagree: (vi: string, en: string) => Refused,
): void {
  const listed = manifest.files.filter((f) => PHOTO_ENTRY_RE.test(f.name));
  if (manifest.schemaVersion < 5) {
    const carried = Array.isArray(data.photos)
      ? data.photos.length
      : data.photos === undefined
        ? 0
        : 1;
    if (listed.length > 0 || carried > 0)
      throw disagree('gói phiên bản cũ không thể có ảnh', 'an older package cannot hold photos');
    return;
  }
  if (!Array.isArray(data.photos) || data.photos.length !== manifest.counts.photos)
    throw disagree('số ảnh khác nhau', 'the photo counts differ');
  const ids = new Set(
    (Array.isArray(data.activities) ? (data.activities as { id?: unknown }[]) : []).map(
      (a) => a?.id,
    ),
  );
  const byName = new Map(listed.map((f) => [f.name, f]));
  const used = new Set<string>();
  (data.photos as unknown[]).forEach((raw, i) => {
    const p = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<PackagePhoto>;
    const file = typeof p.file === 'string' ? byName.get(p.file) : undefined;
    const n = i + 1;
    if (!file || p.file !== photoEntry(String(p.sha256)))
      throw disagree(
        `ảnh thứ ${n} không có trong danh sách tệp`,
        `photo ${n} is not a listed file`,
      );
    if (file.sha256 !== p.sha256 || file.size !== p.size)
      throw disagree(
        `mã SHA-256 hoặc kích thước của ảnh thứ ${n} khác nhau`,
        `photo ${n}'s SHA-256 or size differs`,
      );
    if (!ids.has(p.activity))
      throw disagree(
        `ảnh thứ ${n} thuộc hoạt động không có trong gói`,
        `photo ${n} belongs to no activity of the package`,
      );
    used.add(file.name);
  });
  for (const f of listed) {
    if (!used.has(f.name))
      throw disagree(`tệp ${f.name} không thuộc ảnh nào`, `the file ${f.name} belongs to no photo`);
    const bytes = entries.get(f.name)!.bytes;
    const jpeg =
      bytes.length > 4 &&
      bytes[0] === 0xff &&
      bytes[1] === 0xd8 &&
      bytes[2] === 0xff &&
      bytes[bytes.length - 2] === 0xff &&
      bytes[bytes.length - 1] === 0xd9;
    if (!jpeg) {
      throw refuse(
        `Tệp ${f.name} trong gói không phải ảnh JPEG.`,
        `The file ${f.name} in the package is not a JPEG image.`,
      );
    }
  }
}

/** Why `file` is not a ZIP at all, in one sentence naming it. */
function unreadable(file: string, fault: ZipFault): Msg {
  const name = path.basename(file);
  switch (fault) {
    case 'empty':
      return {
        vi: `Tệp ${name} trống (0 byte), không phải gói báo cáo.`,
        en: `The file ${name} is empty (0 bytes), not a package.`,
      };
    case 'not-zip':
      return {
        vi: `Tệp ${name} không phải tệp ZIP nên không phải gói báo cáo.`,
        en: `The file ${name} is not a ZIP file, so it is not a package.`,
      };
    case 'truncated':
      return {
        vi: `Tệp ${name} bị cắt cụt hoặc chưa tải xong: thiếu phần cuối của tệp ZIP.`,
        en: `The file ${name} is truncated or was not fully downloaded: the end of the ZIP is missing.`,
      };
    case 'too-large':
      return tooLargeFile(name);
    case 'damaged':
      return {
        vi: `Tệp ${name} không phải gói hợp lệ: không đọc được tệp ZIP.`,
        en: `The file ${name} is not a valid package: it cannot be read as a ZIP.`,
      };
  }
}

const tooLargeFile = (name: string): Msg => ({
  vi: `Tệp ${name} quá lớn để là một gói báo cáo.`,
  en: `The file ${name} is too large to be a package.`,
});

/** Checks the package bytes; `file` is only used to name the file in the result. */
export async function verifyPackageBytes(file: string, bytes: Buffer): Promise<PackageCheck> {
  return (await verifyPackageData(file, bytes)).check;
}

/**
 * verifyPackageBytes, also giving data.json already parsed when the package is good, so the
 * province desk does not read the ZIP or parse the JSON a second time.
 */
export async function verifyPackageData(
  file: string,
  bytes: Buffer,
): Promise<{ check: PackageCheck; data: unknown; entries: Map<string, ZipEntry> }> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    let list: ZipEntry[];
    try {
      list = await readZip(bytes);
    } catch (err) {
      if (err instanceof ZipRefused) throw new Refused(err.msg);
      // Anything else thrown while reading is yauzl meeting a structure it cannot parse.
      throw new Refused(unreadable(file, err instanceof ZipUnreadable ? err.fault : 'damaged'));
    }
    const entries = new Map(list.map((e) => [e.name, e]));
    const json = manifestJson(entries);
    const signer = checkSignature(entries);
    const manifest = parseManifest(json);
    if (signer.fingerprint !== manifest.certificate.sha256) {
      throw refuse(
        `Tệp ${SIGNATURE_FILE} được ký bằng chứng thư ${signer.fingerprint}, không phải chứng thư mà ${MANIFEST_FILE} ghi.`,
        `The file ${SIGNATURE_FILE} is signed with the certificate ${signer.fingerprint}, not the one ${MANIFEST_FILE} names.`,
      );
    }
    checkFiles(manifest, entries);
    const data = checkData(manifest, entries.get(DATA_FILE)!.bytes, entries);
    return { check: { ok: true, file, sha256, manifest, signer }, data, entries };
  } catch (err) {
    if (err instanceof Refused)
      return { check: { ok: false, file, reason: err.msg }, data: null, entries: new Map() };
    throw err;
  }
}

/** Reads and checks a package file. Never throws for a bad package; only for a bug. */
export async function verifyPackage(file: string): Promise<PackageCheck> {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > ZIP_LIMITS.fileBytes) {
      return { ok: false, file, reason: tooLargeFile(path.basename(file)) };
    }
    bytes = fs.readFileSync(file);
  } catch {
    return {
      ok: false,
      file,
      reason: {
        vi: `Không đọc được tệp ${file}.`,
        en: `Cannot read the file ${file}.`,
      },
    };
  }
  return verifyPackageBytes(file, bytes);
}
