// The merged figures of a province of many offices (a second corpus: two quarters of a few
// hundred activities per office, as a province of 120 communes reports): a fresh province
// takes the corpus in, is reopened as the app opens it daily, then `inbox:figures` of one
// quarter (whose previous quarter has data too) is measured.

import { performance } from 'node:perf_hooks';
import { createCore } from '../electron/core';
import { PROVINCE_PROFILE } from '../test/fixtures/province';
import { check, corpus, must, seconds, tempDir } from './inboxCorpus';

export async function wideProvince(o: {
  offices: number;
  /** The quarter measured; the corpus holds it and the one before. */
  quarter: string;
  activities: number;
  /** Runs `fn` the bench's number of times, records the series, gives its median. */
  runs: (what: string, fn: () => unknown) => Promise<number>;
}): Promise<{ size: string; ms: number }> {
  const [year, q] = o.quarter.split('-Q').map(Number) as [number, number];
  const previous = q > 1 ? `${year}-Q${q - 1}` : `${year - 1}-Q4`;
  const { dir: folder, corpus: c } = await corpus({
    name: 'merged',
    offices: o.offices,
    quarters: [previous, o.quarter],
    activities: o.activities,
  });
  const dir = tempDir();
  const province = createCore({ dataDir: dir, mode: 'cli' });
  await must(province, 'profile:save', PROVINCE_PROFILE);
  await must(province, 'settings:saveDesks', { office: false, province: true, deadlineDays: 10 });
  for (const pem of Object.values(c.certificates)) {
    await must(province, 'trust:addCertificate', { base64: Buffer.from(pem).toString('base64') });
  }
  const t = performance.now();
  const results = await province.inbox.importPaths([folder]);
  const takenMs = performance.now() - t;
  province.close();
  check(
    results.length === c.files.length && results.every((r) => r.outcome === 'accepted'),
    `the ${c.offices}-office corpus: ${results.filter((r) => r.outcome !== 'accepted').length} of ${results.length} not accepted`,
  );
  process.stderr.write(
    `${c.offices}-office province: took in ${results.length} packages in ${seconds(takenMs)}\n`,
  );
  const reopened = createCore({ dataDir: dir, mode: 'cli' });
  try {
    const merged = await must<{ figures: { activities: number } }>(reopened, 'inbox:figures', {
      period: o.quarter,
    });
    check(
      merged.figures.activities === c.offices * c.activities,
      `inbox:figures of ${o.quarter} over ${c.offices} offices counts ${merged.figures.activities} activities`,
    );
    const ms = await o.runs(
      `inbox:figures, ${o.quarter} over ${c.offices} offices × ${c.activities} activities (and the previous quarter)`,
      () => must(reopened, 'inbox:figures', { period: o.quarter }),
    );
    return { size: `${c.offices} offices × ${c.activities} activities`, ms };
  } finally {
    reopened.close();
  }
}
