import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers';

describe('npm start without Electron', () => {
  it('starts browser mode itself, says why, and prints the address', async () => {
    // An empty Electron dist folder stands for a machine where the binary could not be fetched.
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
        ELECTRON_OVERRIDE_DIST_PATH: tempDir(),
        TUYENTRUYEN_DATA_DIR: tempDir('tt-start-'),
        TUYENTRUYEN_NO_BROWSER: '1',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (c: Buffer) => {
          stdout += c.toString();
          const m = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=[A-Za-z0-9_-]{43}/.exec(stdout);
          if (m) resolve(m[0]);
        });
        void exited.then(() => reject(new Error(`npm start ended: ${stdout}${stderr}`)));
      });
      // The stable default port, or one of the next when another program holds it.
      const port = Number(new URL(url).port);
      expect(port).toBeGreaterThanOrEqual(47321);
      expect(port).toBeLessThanOrEqual(47341);
      expect(stderr).toContain('ứng dụng mở trong trình duyệt');
      expect(stderr).toContain('browser mode');
    } finally {
      child.kill('SIGTERM');
    }
    // Stopped like Ctrl+C: the server closes and the process ends cleanly.
    expect(await exited).toBe(0);
  }, 180_000);
});
