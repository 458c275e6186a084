// Everything the take-in checks in a package file that needs no database: the ZIP, the
// signature, the hashes (verifyPackageData, as `tuyentruyen verify` runs it), then every
// record and photo (readPackageData). Pure, so that it can run on a worker thread
// (takeInWorker.ts) while the main thread inserts the package before.
import type { Msg } from '../../../shared/errors';
import type { PackageCheck } from '../../../shared/package';
import { verifyPackageData } from '../package/verify';
import { DataRefused, readPackageData, type PackageContents } from './data';
import { readPackagePhotos } from './photos';

export interface ReadPackageInput {
  file: string;
  bytes: Uint8Array;
}

type Verified = Extract<PackageCheck, { ok: true }>;

/** Why verify refused the file; or what it found, with the records or why they are refused. */
export type PackageRead =
  | { state: 'unverified'; reason: Msg }
  | { state: 'refused'; check: Verified; reason: Msg }
  | { state: 'read'; check: Verified; contents: PackageContents };

export async function readPackage({ file, bytes }: ReadPackageInput): Promise<PackageRead> {
  const buffer = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { check, data, entries } = await verifyPackageData(file, buffer);
  if (!check.ok) return { state: 'unverified', reason: check.reason };
  try {
    const photos = await readPackagePhotos(data, entries);
    return { state: 'read', check, contents: readPackageData(check.manifest, data, photos) };
  } catch (err) {
    if (err instanceof DataRefused) return { state: 'refused', check, reason: err.msg };
    throw err;
  }
}
