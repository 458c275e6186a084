// The photos of a package the province takes in. Each is decoded in full before the package
// is taken in: a "photo" that is not a readable JPEG makes the whole package refused, as any
// other bad entry does. Nothing is extracted to disk: the package itself stays in the
// database, and a photo is read from it when someone looks at it.
import type { Database } from 'better-sqlite3';
import type { PackagePhoto } from '../../../shared/photos';
import { sql } from '../db/statements';
import { readZip, type ZipEntry } from '../package/zip';
import { DataRefused } from './data';
import { packageBytes } from './queries';

export interface InboxPhotoRow {
  activity: string;
  sha256: string;
  size: number;
  width: number;
  height: number;
  takenAt: string | null;
}

/** data.json's photos (verify has matched them to the manifest), each decoded. */
export async function readPackagePhotos(
  data: unknown,
  entries: ReadonlyMap<string, ZipEntry>,
): Promise<InboxPhotoRow[]> {
  const photos = (data as { photos?: PackagePhoto[] }).photos ?? [];
  const out: InboxPhotoRow[] = [];
  const seen = new Set<string>();
  for (const p of photos) {
    const key = `${p.activity}\n${p.sha256}`;
    if (seen.has(key)) {
      throw new DataRefused({
        vi: `Tệp data.json: ảnh ${p.file} được ghi hai lần cho hoạt động ${p.activity}.`,
        en: `The file data.json: the photo ${p.file} is listed twice for activity ${p.activity}.`,
      });
    }
    seen.add(key);
    let size: { width: number; height: number };
    try {
      size = await (await import('../photos/image')).checkReduced(entries.get(p.file)!.bytes);
    } catch {
      throw new DataRefused({
        vi: `Tệp ${p.file} trong gói không phải ảnh JPEG đọc được (hoặc lớn hơn ảnh thu nhỏ); gói bị từ chối.`,
        en: `The file ${p.file} in the package is not a readable JPEG (or is larger than a reduced copy); refused.`,
      });
    }
    const takenAt =
      typeof p.takenAt === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(p.takenAt)
        ? p.takenAt
        : null;
    out.push({ activity: p.activity, sha256: p.sha256, size: p.size, ...size, takenAt });
  }
  return out;
}

export function insertInboxPhotos(
  db: Database,
  packageId: number,
  photos: readonly InboxPhotoRow[],
): void {
  const insert = sql(
    db,
    `INSERT INTO inbox_photos
       (package_id, activity_id, sha256, size, width, height, taken_at, position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  photos.forEach((p, i) =>
    insert.run(packageId, p.activity, p.sha256, p.size, p.width, p.height, p.takenAt, i),
  );
}

/**
 * Reads one photo out of the package that carried it. The last packages read are kept in
 * memory, so paging through an office's photos opens its package once.
 */
export class InboxPhotoReader {
  private readonly cache = new Map<string, Map<string, Buffer>>();

  constructor(private readonly size = 2) {}

  async read(db: Database, sha256: string): Promise<Buffer | null> {
    const rows = sql(
      db,
      `SELECT DISTINCT p.sha256 AS package_sha256 FROM inbox_photos ph
       JOIN inbox_packages p ON p.id = ph.package_id WHERE ph.sha256 = ?`,
    ).all(sha256) as { package_sha256: string }[];
    const name = `photo-${sha256}.jpg`;
    for (const { package_sha256: pkg } of rows) {
      const hit = this.cache.get(pkg)?.get(name);
      if (hit) return hit;
    }
    const pkg = rows[0]?.package_sha256;
    if (!pkg) return null;
    const bytes = packageBytes(db, pkg);
    if (!bytes) return null;
    const photos = new Map(
      (await readZip(bytes))
        .filter((e) => e.name.startsWith('photo-'))
        .map((e) => [e.name, e.bytes] as const),
    );
    if (this.cache.size >= this.size) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(pkg, photos);
    return photos.get(name) ?? null;
  }
}
