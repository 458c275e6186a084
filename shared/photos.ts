// Photos as evidence ("hình ảnh minh chứng"): the originals stay with the office, a reduced
// copy travels in the signed package. Every stored file is named by its own SHA-256.
import { z } from 'zod';

export const PHOTO_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoMime = (typeof PHOTO_MIMES)[number];

/** The reduced copy: its long side at most this many pixels, JPEG. */
export const REDUCED_LONG_SIDE = 1600;
/** Thumbnails for the form, the viewer's strip and the province's drill-down. */
export const THUMB_LONG_SIDE = 320;
/** An original larger than this is refused (a 12 MP phone photo is 3–8 MB). */
export const MAX_ORIGINAL_BYTES = 40 * 1024 * 1024;
/** Photos one activity may hold. */
export const MAX_PHOTOS_PER_ACTIVITY = 60;
/** The package size limit unless the office sets another (what most email accepts). */
export const DEFAULT_PACKAGE_LIMIT_MB = 20;
/** A photo whose own date is further than this from the activity's dates is pointed out. */
export const PHOTO_DATE_SLACK_DAYS = 3;

export interface ReducedCopy {
  sha256: string;
  size: number;
  width: number;
  height: number;
}

/** A photo in the office's store. `width`/`height` are as shown (EXIF rotation applied). */
export interface PhotoView {
  /** SHA-256 (hex) of the original file: the photo's name in the store. */
  sha256: string;
  fileName: string;
  mime: PhotoMime;
  size: number;
  width: number;
  height: number;
  /** When the camera says it was taken (EXIF), local time `YYYY-MM-DDTHH:MM:SS`; else null. */
  takenAt: string | null;
  reduced: ReducedCopy;
  addedAt: string;
}

/** A photo as one activity shows it. */
export interface ActivityPhoto extends PhotoView {
  /** Travels in the period's package (reduced copy). */
  send: boolean;
  /** Printed in the report's appendix "Hình ảnh hoạt động". */
  inReport: boolean;
}

/** A photo a province took in with a package: the reduced copy only. */
export interface InboxPhoto {
  sha256: string;
  size: number;
  width: number;
  height: number;
  takenAt: string | null;
}

export type PhotoVariant = 'thumb' | 'reduced' | 'original';

export interface PhotoImage {
  mime: PhotoMime;
  base64: string;
  width: number;
  height: number;
}

/** data.json's entry for one photo of the package (schema version 5). */
export interface PackagePhoto {
  /** The activity of data.json's `activities` it belongs to. */
  activity: string;
  /** The package entry holding the reduced copy. */
  file: string;
  /** SHA-256 (hex) and size in bytes of that entry, as the manifest lists it. */
  sha256: string;
  size: number;
  width: number;
  height: number;
  takenAt: string | null;
  /** SHA-256 of the original the office keeps, so a later question can name it. */
  original: string;
  inReport: boolean;
}

/** The package entry of a reduced copy. */
export const photoEntry = (sha256: string): string => `photo-${sha256}.jpg`;
export const PHOTO_ENTRY_RE = /^photo-([0-9a-f]{64})\.jpg$/;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const activityId = z.string().min(1).max(100);

export const photoMethods = {
  /** Adds one file to the store (not yet to an activity): checked, rotated, reduced. */
  'photos:add': {
    input: z.strictObject({
      fileName: z.string().min(1).max(4096),
      // base64 of at most MAX_ORIGINAL_BYTES, plus room for the service to say it is too big
      base64: z.string().min(1).max(60_000_000),
    }),
    writes: true,
  },
  /** One photo's image: a thumbnail, the reduced copy or the original. */
  'photos:image': {
    input: z.strictObject({ sha256, variant: z.enum(['thumb', 'reduced', 'original']) }),
    writes: false,
  },
  'activities:photos': { input: z.strictObject({ id: activityId }), writes: false },
  /** The activity's photos, in order: adds, removes, reorders and flags in one change. */
  'activities:setPhotos': {
    input: z.strictObject({
      id: activityId,
      photos: z
        .array(
          z.strictObject({
            sha256,
            send: z.boolean().optional(),
            inReport: z.boolean().optional(),
          }),
        )
        .max(MAX_PHOTOS_PER_ACTIVITY),
    }),
    writes: true,
  },
  /** The photos a package carried for one of its activities (province desk). */
  'inbox:photos': {
    input: z.strictObject({ package: sha256, activityId }),
    writes: false,
  },
} as const;

export interface PhotoOutputs {
  'photos:add': PhotoView;
  'photos:image': PhotoImage;
  'activities:photos': ActivityPhoto[];
  'activities:setPhotos': ActivityPhoto[];
  'inbox:photos': InboxPhoto[];
}

/** Days between a photo's own date and the activity's dates (0 inside them), or null. */
export function photoDateGap(takenAt: string | null, from: string, to?: string): number | null {
  if (takenAt === null) return null;
  const day = takenAt.slice(0, 10);
  const end = to ?? from;
  const ms = (d: string): number => Date.parse(`${d}T00:00:00Z`);
  if (day < from) return Math.round((ms(from) - ms(day)) / 86_400_000);
  if (day > end) return Math.round((ms(day) - ms(end)) / 86_400_000);
  return 0;
}
