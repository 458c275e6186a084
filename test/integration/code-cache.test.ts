// The `tuyentruyen` command keeps V8's compiled code of its bundle in the user's own cache
// folder (bin/codeCache.cjs): made by the first run, used by the next, made anew when it is
// damaged, and never taken from a folder that others could write to.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers';

function withCache(home: string) {
  // LOCALAPPDATA comes first where it is set (Windows); here the XDG folder is the one.
  return { XDG_CACHE_HOME: home, LOCALAPPDATA: '' };
}

function cacheFiles(home: string): string[] {
  const dir = path.join(home, 'tuyentruyen', 'v8');
  return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
}

describe('the CLI code cache', () => {
  it('is made by the first run, private, and used as it is by the next', () => {
    const home = tempDir('tt-cache-');
    const first = cli(['--help'], withCache(home));
    expect(first.status).toBe(0);
    const [file, ...more] = cacheFiles(home);
    expect(more).toEqual([]);
    expect(path.basename(file!)).toMatch(/^cli\.cjs-v\d+.*\.bin$/);
    expect(fs.statSync(file!).size).toBeGreaterThan(100_000);
    expect(fs.statSync(path.dirname(file!)).mode & 0o777).toBe(0o700);
    expect(fs.statSync(file!).mode & 0o777).toBe(0o600);

    const before = fs.statSync(file!).ino;
    const second = cli(['--help'], withCache(home));
    expect(second).toEqual(first);
    // Accepted by V8: not thrown away and written again (a new file would be a new inode).
    expect(fs.statSync(file!).ino).toBe(before);
  });

  it('a damaged cache is thrown away and made anew; the command is unaffected', () => {
    const home = tempDir('tt-cache-');
    const plain = cli(['--help'], withCache(home));
    const [file] = cacheFiles(home);
    const garbage = Buffer.alloc(fs.statSync(file!).size, 0x5a);
    fs.writeFileSync(file!, garbage);
    const again = cli(['--help'], withCache(home));
    expect(again).toEqual(plain);
    const remade = fs.readFileSync(file!);
    expect(remade.equals(garbage)).toBe(false);
    expect(remade.length).toBeGreaterThan(100_000);
  });

  it('is neither read nor written in a folder that others can write to', () => {
    const home = tempDir('tt-cache-');
    const dir = path.join(home, 'tuyentruyen', 'v8');
    fs.mkdirSync(dir, { recursive: true });
    fs.chmodSync(dir, 0o777);
    // A planted file in the name the cache would have: never run.
    const planted = path.join(dir, 'planted.bin');
    fs.writeFileSync(planted, 'x');
    const r = cli(['--help'], withCache(home));
    expect(r.status).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(['planted.bin']);
  });

  it('is off with TUYENTRUYEN_NO_CODE_CACHE', () => {
    const home = tempDir('tt-cache-');
    const r = cli(['--help'], { ...withCache(home), TUYENTRUYEN_NO_CODE_CACHE: '1' });
    expect(r.status).toBe(0);
    expect(cacheFiles(home)).toEqual([]);
  });
});
