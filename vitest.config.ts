import { defineConfig } from 'vitest/config';

// Three projects: unit (pure), integration (real SQLite files, the built CLI), e2e (real
// Chromium through browser mode; needs `npm run build` first, which `npm test` does).
export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // After unit and integration: the crash and backup tests keep both cores busy, and a
          // browser test starved of CPU times out on a click (seen in CI).
          sequence: { groupOrder: 1 },
          // A save, a reload or a dialog closing takes longer than expect.poll's 1 s default
          // on a loaded 2-core machine (seen in CI); waiting longer changes no assertion.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
