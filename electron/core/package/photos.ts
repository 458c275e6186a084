// The photos of a package: their reduced copies read from the store (each checked against
// its name, so a damaged file is never signed), and the size rule: a package meant for
// email must stay under the office's limit, and when the photos push it over, the office
// is told which photos to leave out.
import { deflateRawSync } from 'node:zlib';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { formatDate, formatSize } from '../../../shared/format';
import type { ExportPreview } from '../../../shared/package';
import type { Period } from '../../../shared/period';
import { DEFAULT_PACKAGE_LIMIT_MB, type PackagePhoto } from '../../../shared/photos';
import { getDeskSettings } from '../inbox/queries';
import { photosBetween } from '../photos/queries';
import { PhotoStore } from '../photos/store';
import { getActivityRow } from '../queries/activities';
import type { EncodedPackageData } from './build';
import { packagePhotos } from './contents';

/** The office's limit for a package meant for email, in bytes. */
export function limitBytes(db: Database): number {
  return (getDeskSettings(db).packageLimitMb ?? DEFAULT_PACKAGE_LIMIT_MB) * 1024 * 1024;
}

/** What the export confirmation says of the photos: how many travel, their bytes, the limit. */
export function photoSummary(db: Database, period: Period): ExportPreview['photos'] {
  const sizes = new Map(packagePhotos(db, period).map((p) => [p.file, p.size]));
  return {
    count: sizes.size,
    bytes: [...sizes.values()].reduce((n, s) => n + s, 0),
    limitBytes: limitBytes(db),
  };
}

/** The reduced copies the export signs, once the size rule allows them. */
export function exportPhotos(
  db: Database,
  dataDir: string,
  period: Period,
  data: EncodedPackageData,
  reportDocx: readonly Buffer[],
): Map<string, Buffer> {
  const files = photoFiles(PhotoStore.of(dataDir), data.photos);
  if (files.size === 0) return files;
  const originals = new Map(photosBetween(db, period.from, period.to).map((p) => [p.sha256, p]));
  assertWithinLimit(
    sizeWithoutPhotos(data.bytes, reportDocx),
    data.photos,
    files,
    limitBytes(db),
    (p) => {
      const activity = getActivityRow(db, p.activity);
      return {
        title: activity?.title ?? p.activity,
        date: activity?.date ?? period.from,
        fileName: originals.get(p.original)?.fileName ?? p.file,
      };
    },
  );
  return files;
}

/** The distinct reduced copies of `photos`, by entry name, in order. */
export function photoFiles(
  store: PhotoStore,
  photos: readonly PackagePhoto[],
): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const p of photos) {
    if (!files.has(p.file)) files.set(p.file, store.read(p.sha256, 'image/jpeg'));
  }
  return files;
}

/** What a ZIP adds per entry (local header, central directory record, name twice). */
const ENTRY_OVERHEAD = 200;

/** The package's size without its photos, close enough to decide on the limit. */
export function sizeWithoutPhotos(dataBytes: Buffer, reportDocx: readonly Buffer[]): number {
  const docx = reportDocx.reduce((n, b) => n + b.length + ENTRY_OVERHEAD, 0);
  // manifest.json and its signature: a few KB, more with many photos listed.
  return deflateRawSync(dataBytes).length + docx + 16 * 1024 + ENTRY_OVERHEAD * 3;
}

export interface PhotoLabel {
  title: string;
  date: string;
  fileName: string;
}

/**
 * Refuses a package whose photos take it over `limitBytes`, naming the fewest photos (the
 * largest first) whose leaving out brings it under. Data and reports are never left out:
 * when they alone exceed the limit, the package goes as it is (by USB, or a mail service
 * that takes large files) and photos are not the reason.
 */
export function assertWithinLimit(
  base: number,
  photos: readonly PackagePhoto[],
  files: ReadonlyMap<string, Buffer>,
  limitBytes: number,
  label: (p: PackagePhoto) => PhotoLabel,
): void {
  const sizeOf = (name: string) => files.get(name)!.length + ENTRY_OVERHEAD + 120;
  const total = base + [...files.keys()].reduce((n, name) => n + sizeOf(name), 0);
  if (total <= limitBytes || base > limitBytes) return;
  // A file shared by two activities leaves only when every mention of it is left out.
  const byFile = new Map<string, PackagePhoto[]>();
  for (const p of photos) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const largest = [...files.keys()].sort((a, b) => sizeOf(b) - sizeOf(a) || a.localeCompare(b));
  const out: PackagePhoto[] = [];
  let size = total;
  for (const name of largest) {
    if (size <= limitBytes) break;
    size -= sizeOf(name);
    out.push(...byFile.get(name)!);
  }
  const byActivity = new Map<string, { head: string; names: string[] }>();
  for (const p of out) {
    const l = label(p);
    const entry = byActivity.get(p.activity) ?? {
      head: `“${l.title.slice(0, 60)}” (${formatDate(l.date)})`,
      names: [],
    };
    entry.names.push(l.fileName);
    byActivity.set(p.activity, entry);
  }
  const shown = [...byActivity.values()].slice(0, 8);
  const more = out.length - shown.reduce((n, e) => n + e.names.length, 0);
  const list = shown.map((e) => `${e.head}: ${e.names.join(', ')}`).join('; ');
  throw new AppError(
    'package_too_large',
    {
      vi:
        `Gói sẽ nặng khoảng ${formatSize(total)}, quá giới hạn ${formatSize(limitBytes)} để gửi qua thư điện tử. ` +
        `Hãy bỏ chọn “Gửi kèm gói” cho ${out.length} ảnh sau rồi xuất lại: ${list}` +
        `${more > 0 ? ` và ${more} ảnh khác` : ''}. Hoặc tăng giới hạn trong Cài đặt nếu hộp thư nhận được tệp lớn hơn.`,
      en:
        `The package would be about ${formatSize(total)}, over the ${formatSize(limitBytes)} limit for email. ` +
        `Untick “send with the package” for these ${out.length} photos and export again: ${list}` +
        `${more > 0 ? ` and ${more} more` : ''}. Or raise the limit in Settings if the mailbox takes larger files.`,
    },
    'photos',
  );
}
