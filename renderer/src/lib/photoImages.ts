// Photo images as the page shows them: `photos:image` answers in base64, turned into a data
// URL (the CSP allows data: images) and kept for a while, since the same thumbnails are
// asked for again each time a form or the viewer opens.
import type { PhotoImage, PhotoVariant } from '../../../shared/photos';
import { api } from '../api';

export interface ShownImage {
  src: string;
  width: number;
  height: number;
}

/** How the viewer and the form get an image: by the sha256 the engine names it by. */
export type PhotoLoader = (sha256: string, variant: PhotoVariant) => Promise<ShownImage>;

/** Thumbnails are a few KB, reduced copies a few hundred: keep many of one, few of the other. */
const KEEP: Record<PhotoVariant, number> = { thumb: 400, reduced: 12, original: 2 };
const cache: Record<PhotoVariant, Map<string, Promise<ShownImage>>> = {
  thumb: new Map(),
  reduced: new Map(),
  original: new Map(),
};

export function shownImage(image: PhotoImage): ShownImage {
  return {
    src: `data:${image.mime};base64,${image.base64}`,
    width: image.width,
    height: image.height,
  };
}

/** The engine's own images (own photos by their original, received ones by the reduced copy). */
export const loadPhotoImage: PhotoLoader = (sha256, variant) => {
  const kept = cache[variant];
  const hit = kept.get(sha256);
  if (hit) {
    // Most recently used last, so the oldest goes first.
    kept.delete(sha256);
    kept.set(sha256, hit);
    return hit;
  }
  const request = api['photos:image']({ sha256, variant }).then(shownImage);
  // A failure is not kept: the next look asks again.
  void request.catch(() => kept.delete(sha256));
  kept.set(sha256, request);
  if (kept.size > KEEP[variant]) kept.delete(kept.keys().next().value!);
  return request;
};
