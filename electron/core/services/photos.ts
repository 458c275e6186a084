// Photos as evidence: adding a file to the store (checked, turned upright, reduced), an
// activity's photos and their flags (audited, refused in a locked period), and images for
// the screens. The store is content-addressed, so nothing here ever rewrites a file.
import { AppError } from '../../../shared/errors';
import {
  MAX_ORIGINAL_BYTES,
  type ActivityPhoto,
  type PhotoImage,
  type PhotoVariant,
  type PhotoView,
} from '../../../shared/photos';
import { formatSize } from '../../../shared/format';
import type { Context } from '../context';
import { InboxPhotoReader } from '../inbox/photos';
import type { Inspected } from '../photos/image';

/** The image code (sharp, libvips) loads with the first photo, not with the app. */
const images = () => import('../photos/image');
import {
  getPhoto,
  insertPhoto,
  photoByReduced,
  photosOfActivity,
  setActivityPhotos,
} from '../photos/queries';
import { PhotoStore, sha256Hex } from '../photos/store';
import { writeAudit } from '../queries/audit';
import { getActivityRow, rowToActivity, setUpdatedAt, toInterchange } from '../queries/activities';
import { notFound } from './activities';
import { CommuneIndex } from './communes';
import { LockService } from './locks';

/** Thumbnails made this session; small, and asked for again as lists scroll. */
const THUMB_CACHE = 300;

export class PhotoService {
  readonly store: PhotoStore;
  private readonly locks: LockService;
  private readonly thumbs = new Map<string, PhotoImage>();
  private readonly inbox = new InboxPhotoReader();

  constructor(
    private readonly ctx: Context,
    dataDir: string,
  ) {
    this.store = PhotoStore.of(dataDir);
    this.locks = new LockService(ctx);
  }

  /** Checks, reduces and stores one file; the same bytes again give the same photo. */
  async add(fileName: string, bytes: Buffer): Promise<PhotoView> {
    const name = fileName.split(/[\\/]/).pop()!.normalize('NFC');
    if (bytes.length === 0) {
      throw new AppError('invalid_input', {
        vi: `Tệp ${name} trống (0 byte).`,
        en: `The file ${name} is empty (0 bytes).`,
      });
    }
    if (bytes.length > MAX_ORIGINAL_BYTES) {
      throw new AppError('invalid_input', {
        vi: `Tệp ${name} nặng ${formatSize(bytes.length)}, quá giới hạn ${formatSize(MAX_ORIGINAL_BYTES)} cho một ảnh.`,
        en: `The file ${name} is ${formatSize(bytes.length)}, over the ${formatSize(MAX_ORIGINAL_BYTES)} limit for one photo.`,
      });
    }
    const sha = sha256Hex(bytes);
    const known = getPhoto(this.ctx.db, sha);
    if (known && this.store.has(sha, known.mime)) return known;
    const { inspect, NotAnImage, reduce } = await images();
    let facts: Inspected;
    try {
      facts = await inspect(bytes, name);
    } catch (err) {
      if (err instanceof NotAnImage) throw new AppError('invalid_input', err.msg);
      throw err;
    }
    const reduced = await reduce(bytes);
    // Files first, then the row: a crash between leaves a stray file, never a row without one.
    this.store.put(bytes, facts.mime);
    const reducedSha = this.store.put(reduced.bytes, 'image/jpeg');
    const photo: PhotoView = {
      sha256: sha,
      fileName: name.slice(0, 255),
      mime: facts.mime,
      size: bytes.length,
      width: facts.width,
      height: facts.height,
      takenAt: facts.takenAt,
      reduced: {
        sha256: reducedSha,
        size: reduced.bytes.length,
        width: reduced.width,
        height: reduced.height,
      },
      addedAt: this.ctx.now(),
    };
    insertPhoto(this.ctx.db, photo);
    return getPhoto(this.ctx.db, sha)!;
  }

  async image(sha256: string, variant: PhotoVariant): Promise<PhotoImage> {
    const { db } = this.ctx;
    const own = getPhoto(db, sha256);
    if (own && variant === 'original') {
      return {
        mime: own.mime,
        base64: this.store.read(sha256, own.mime).toString('base64'),
        width: own.width,
        height: own.height,
      };
    }
    // A thumbnail or reduced copy: of an own photo (named by its original), or one the
    // province took in (named by the reduced copy itself, read from its package).
    const mine = own ?? photoByReduced(db, sha256);
    const reducedSha = mine ? mine.reduced.sha256 : sha256;
    const bytes =
      variant === 'original'
        ? null
        : mine
          ? this.store.read(reducedSha, 'image/jpeg')
          : await this.inbox.read(db, sha256);
    if (bytes === null) {
      throw new AppError('not_found', {
        vi: `Không có ảnh ${sha256.slice(0, 12)}… trong kho ảnh.`,
        en: `There is no photo ${sha256.slice(0, 12)}… in the store.`,
      });
    }
    if (variant === 'reduced') {
      const { width, height } = mine ? mine.reduced : await (await images()).checkReduced(bytes);
      return { mime: 'image/jpeg', base64: bytes.toString('base64'), width, height };
    }
    const cached = this.thumbs.get(reducedSha);
    if (cached) return cached;
    const thumb = await (await images()).thumbnail(bytes);
    const image: PhotoImage = {
      mime: 'image/jpeg',
      base64: thumb.bytes.toString('base64'),
      width: thumb.width,
      height: thumb.height,
    };
    if (this.thumbs.size >= THUMB_CACHE) this.thumbs.delete(this.thumbs.keys().next().value!);
    this.thumbs.set(reducedSha, image);
    return image;
  }

  ofActivity(id: string): ActivityPhoto[] {
    this.activity(id);
    return photosOfActivity(this.ctx.db, id);
  }

  /** Replaces the activity's photos and flags in one audited change. */
  setForActivity(
    id: string,
    list: readonly { sha256: string; send?: boolean; inReport?: boolean }[],
  ): ActivityPhoto[] {
    const { db } = this.ctx;
    const activity = this.activity(id);
    if (activity.deletedAt !== null) {
      throw new AppError('conflict', {
        vi: 'Hoạt động này đã bị xoá: hãy khôi phục nó trước khi sửa ảnh.',
        en: 'This activity is deleted: restore it before changing its photos.',
      });
    }
    const seen = new Set<string>();
    const wanted = list.map((p, i) => {
      if (seen.has(p.sha256)) {
        throw new AppError(
          'invalid_input',
          {
            vi: `Ảnh số ${i + 1} trùng với một ảnh trước nó.`,
            en: `Photo ${i + 1} repeats an earlier one.`,
          },
          `photos.${i}`,
        );
      }
      seen.add(p.sha256);
      if (!getPhoto(db, p.sha256)) {
        throw new AppError(
          'invalid_input',
          {
            vi: `Ảnh số ${i + 1} (${p.sha256.slice(0, 12)}…) chưa có trong kho ảnh: hãy thêm tệp ảnh trước.`,
            en: `Photo ${i + 1} (${p.sha256.slice(0, 12)}…) is not in the photo store: add the file first.`,
          },
          `photos.${i}`,
        );
      }
      return { sha256: p.sha256, send: p.send ?? true, inReport: p.inReport ?? false };
    });
    const before = photosOfActivity(db, id);
    const same =
      before.length === wanted.length &&
      before.every(
        (b, i) =>
          b.sha256 === wanted[i]!.sha256 &&
          b.send === wanted[i]!.send &&
          b.inReport === wanted[i]!.inReport,
      );
    if (same) return before;
    const now = this.ctx.now();
    return db
      .transaction(() => {
        this.locks.assertOpen([activity.date]);
        setActivityPhotos(db, id, wanted);
        const after = photosOfActivity(db, id);
        const withPhotos = (photos: ActivityPhoto[]) => ({
          ...toInterchange(activity),
          photos: photos.map((p) => ({
            sha256: p.sha256,
            fileName: p.fileName,
            send: p.send,
            inReport: p.inReport,
          })),
        });
        setUpdatedAt(db, id, now);
        writeAudit(db, {
          at: now,
          entity: 'activity',
          entityId: id,
          action: 'update',
          source: this.ctx.source,
          before: withPhotos(before),
          after: withPhotos(after),
        });
        return after;
      })
      .immediate();
  }

  private activity(id: string) {
    const row = getActivityRow(this.ctx.db, id);
    if (!row) throw notFound(id);
    return rowToActivity(row, CommuneIndex.of(this.ctx.db).byId);
  }
}
