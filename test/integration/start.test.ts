import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers';

describe('npm start without Electron', () => {
  it('explains browser mode instead of failing obscurely', () => {
    // An empty Electron dist folder stands for a machine where the binary could not be fetched.
    const r = spawnSync(process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
        ELECTRON_OVERRIDE_DIST_PATH: tempDir(),
      },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Hãy dùng chế độ trình duyệt');
    expect(r.stderr).toContain('npm run web');
    expect(r.stderr).toContain('Use browser mode');
  });
});
