// Photos, `BENCH_ONLY=photos npm run bench`: 20 phone photos of 12 megapixels (4000 × 3000,
// with grain, about 5–9 MB each, EXIF date and orientation) added the way the form adds them
// (`photos:add`, base64 over the contract): checked, turned upright, reduced to 1600 px and
// stored twice under their SHA-256, written durably. Beside it, the floor: sharp's one pass
// (decode, turn, resize, encode) over the same files, nothing checked or written.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { createCore } from '../electron/core';
import { ProfileSchema } from '../shared/schemas';
import type { PhotoView } from '../shared/photos';
import { cameraJpeg } from '../test/fixtures/photos';
import profile from '../test/fixtures/profile.json';

const PHOTOS = Number(process.env.BENCH_PHOTOS ?? 20);
const RUNS = Number(process.env.BENCH_PHOTO_RUNS ?? 3);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

async function main(): Promise<void> {
  console.log(`photos: making ${PHOTOS} photos of 12 MP…`);
  const files: Buffer[] = [];
  for (let i = 0; i < PHOTOS; i++) {
    files.push(
      await cameraJpeg({
        width: 4000,
        height: 3000,
        noise: true,
        quality: 92,
        orientation: i % 3 === 0 ? 6 : 1,
        taken: `2023:07:${String(10 + (i % 18)).padStart(2, '0')} 09:15:00`,
      }),
    );
  }
  const total = files.reduce((n, f) => n + f.length, 0);
  console.log(
    `photos: ${PHOTOS} files, ${mb(total)} MB in all (${mb(Math.min(...files.map((f) => f.length)))}–${mb(Math.max(...files.map((f) => f.length)))} MB each)`,
  );

  const addMs: number[] = [];
  const floorMs: number[] = [];
  let reduced: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-bench-photos-'));
    const core = createCore({ dataDir: dir, mode: 'browser' });
    core.profile.save(ProfileSchema.parse(profile));
    try {
      const t0 = performance.now();
      const views: PhotoView[] = [];
      for (const [i, bytes] of files.entries()) {
        const r = await core.call('photos:add', {
          fileName: `IMG_${i}.jpg`,
          base64: bytes.toString('base64'),
        });
        if (!r.ok) throw new Error(r.error.message);
        views.push(r.value as PhotoView);
      }
      addMs.push(performance.now() - t0);
      reduced = views.map((v) => v.reduced.size);
    } finally {
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }

    const f0 = performance.now();
    for (const bytes of files) {
      await sharp(bytes)
        .autoOrient()
        .resize(1600, 1600, { fit: 'inside' })
        .jpeg({ quality: 82 })
        .toBuffer();
    }
    floorMs.push(performance.now() - f0);
  }

  const add = median(addMs);
  const floor = median(floorMs);
  const kb = (n: number) => Math.round(n / 1024);
  console.log(
    `\nphotos: ${PHOTOS} × 12 MP, median of ${RUNS} (load ${os.loadavg()[0]!.toFixed(1)})`,
  );
  console.log(
    `| step | time | per photo | floor (sharp one pass) |\n|---|---|---|---|\n| add ${PHOTOS} photos | ${(add / 1000).toFixed(1)} s | ${Math.round(add / PHOTOS)} ms | ${(floor / 1000).toFixed(1)} s (${(add / floor).toFixed(2)}×) |`,
  );
  console.log(
    `reduced copies: median ${kb(median(reduced))} KB, largest ${kb(Math.max(...reduced))} KB, ${PHOTOS} in all ${mb(reduced.reduce((n, s) => n + s, 0))} MB`,
  );
  console.log(
    `runs (ms): add ${addMs.map(Math.round).join(', ')}; floor ${floorMs.map(Math.round).join(', ')}`,
  );
}

await main();
