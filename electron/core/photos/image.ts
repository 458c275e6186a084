// The image work, all through sharp (libvips, prebuilt from the registry): what a file is,
// its camera date, the reduced copy for sending and thumbnails. No codec of our own.
import exifReader from 'exif-reader';
import sharp, { type Metadata } from 'sharp';
import type { Msg } from '../../../shared/errors';
import { REDUCED_LONG_SIDE, THUMB_LONG_SIDE, type PhotoMime } from '../../../shared/photos';

// The work runs on libuv's threads, off the JavaScript thread, so the app stays responsive
// while photos are reduced. The reduced copies are made once and kept: libvips' operation
// cache would only hold memory.
sharp.cache(false);

const FORMATS: Record<string, PhotoMime> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

/** Largest image accepted, in pixels: a 100 MP panorama, far beyond any phone's photo. */
const MAX_PIXELS = 100_000_000;

export class NotAnImage extends Error {
  constructor(readonly msg: Msg) {
    super(msg.en);
  }
}

export interface Inspected {
  mime: PhotoMime;
  /** As shown: EXIF orientation applied. */
  width: number;
  height: number;
  takenAt: string | null;
}

/** What `bytes` are, decoding the whole image so that a truncated or forged file is refused. */
export async function inspect(bytes: Buffer, name: string): Promise<Inspected> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw notAnImage(name);
  }
  const mime = meta.format ? FORMATS[meta.format] : undefined;
  if (!mime) {
    const known = meta.format === 'heif' ? ' (HEIC: hãy chụp ở chế độ "Tương thích nhất")' : '';
    throw new NotAnImage({
      vi: `Tệp ${name} là ảnh ${meta.format ?? 'không rõ loại'}${known}; chỉ nhận ảnh JPEG, PNG hoặc WebP.`,
      en: `The file ${name} is a ${meta.format ?? 'unknown'} image; only JPEG, PNG and WebP are accepted.`,
    });
  }
  try {
    // Decoding every pixel is what proves the file whole; metadata reads only the header.
    await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'truncated' })
      .resize(8, 8, { fit: 'inside' })
      .raw()
      .toBuffer();
  } catch {
    throw new NotAnImage({
      vi: `Tệp ${name} là ảnh bị hỏng hoặc chưa chép xong (không đọc được hết).`,
      en: `The file ${name} is a damaged or incomplete image (it cannot be read to the end).`,
    });
  }
  const turned = (meta.orientation ?? 1) >= 5;
  return {
    mime,
    width: turned ? meta.height : meta.width,
    height: turned ? meta.width : meta.height,
    takenAt: meta.exif ? exifDate(meta.exif) : null,
  };
}

const notAnImage = (name: string): NotAnImage =>
  new NotAnImage({
    vi: `Tệp ${name} không phải ảnh (JPEG, PNG hoặc WebP).`,
    en: `The file ${name} is not an image (JPEG, PNG or WebP).`,
  });

/**
 * The camera's own date: DateTimeOriginal, else DateTimeDigitized, else the file's
 * DateTime. EXIF stores local time without a zone; exif-reader gives it as a UTC Date.
 */
export function exifDate(exif: Buffer): string | null {
  let tags: ReturnType<typeof exifReader>;
  try {
    tags = exifReader(exif);
  } catch {
    return null; // a broken EXIF block: the photo is still a photo, only undated
  }
  for (const value of [
    tags.Photo?.DateTimeOriginal,
    tags.Photo?.DateTimeDigitized,
    tags.Image?.DateTime,
  ]) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) {
      const year = value.getUTCFullYear();
      // Cameras reset to 1970 or 2000 when their clock battery dies: not a date to trust.
      if (year > 2000 && year < 2100) return value.toISOString().slice(0, 19);
    }
  }
  return null;
}

export interface Encoded {
  bytes: Buffer;
  width: number;
  height: number;
}

/**
 * The copy for sending: turned upright, long side at most REDUCED_LONG_SIDE, JPEG on white
 * (a PNG's transparency would otherwise turn black), without metadata (no GPS leaves the
 * office). Quality steps down until it is near 300 KB.
 */
export async function reduce(bytes: Buffer): Promise<Encoded> {
  const base = sharp(bytes, { limitInputPixels: MAX_PIXELS })
    .autoOrient()
    .resize(REDUCED_LONG_SIDE, REDUCED_LONG_SIDE, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' });
  // Decoding and resizing once, then encoding at the qualities needed from the raw pixels.
  const { data, info } = await base.raw().toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  let out: Buffer = Buffer.alloc(0);
  for (const quality of [82, 72, 62]) {
    // libjpeg-turbo, not mozjpeg: mozjpeg's smaller files cost three times the time.
    out = await sharp(data, { raw }).jpeg({ quality }).toBuffer();
    if (out.length <= TARGET_BYTES) break;
  }
  return { bytes: out, width: info.width, height: info.height };
}

/** About 300 KB: 40 photos in a 20 MB email. */
const TARGET_BYTES = 320 * 1024;

/** A small JPEG for lists, from the reduced copy (already upright). */
export async function thumbnail(bytes: Buffer): Promise<Encoded> {
  const { data, info } = await sharp(bytes)
    .autoOrient()
    .resize(THUMB_LONG_SIDE, THUMB_LONG_SIDE, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 75 })
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.height };
}

/** Whether a reduced copy from a package is the JPEG it claims to be, and its size. */
export async function checkReduced(bytes: Buffer): Promise<{ width: number; height: number }> {
  const meta = await sharp(bytes, { limitInputPixels: 4 * REDUCED_LONG_SIDE ** 2 }).metadata();
  if (meta.format !== 'jpeg' || !meta.width || !meta.height) throw new Error('not a JPEG');
  if (Math.max(meta.width, meta.height) > REDUCED_LONG_SIDE) throw new Error('too large');
  await sharp(bytes, { failOn: 'truncated' }).resize(8, 8, { fit: 'inside' }).raw().toBuffer();
  return { width: meta.width, height: meta.height };
}
