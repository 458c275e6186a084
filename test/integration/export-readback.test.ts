// The export reads the package it wrote back from the disk: a file that does not read back
// byte for byte as signed is removed, nothing is locked or listed, and its number stays spent.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createCore } from '../../electron/core';
import type { Input } from '../../shared/contract';
import profile from '../fixtures/profile.json';
import { tempDir } from './helpers';

const PASSPHRASE = 'mật khẩu đúng 123';

const van: Input<'activities:create'> = {
  id: 'v1',
  channel: 'van',
  date: '2023-07-28',
  communes: ['CL-HT'],
  themes: ['trafficking'],
  title: 'Tuyên truyền lưu động',
  audience: 100,
  measures: { sessions: 1, km: 10, minutes: 60 },
};

describe('reading back an exported package', () => {
  it('removes a package that does not read back as signed, locks nothing and spends its number', async () => {
    const dir = tempDir('tt-pkg-rb-');
    const core = createCore({
      dataDir: dir,
      mode: 'browser',
      passphrase: PASSPHRASE,
    });
    // The disk gives back one byte changed (a failing USB stick): the real read is kept, the
    // package file's bytes are flipped on their way back.
    const read = fs.readFileSync;
    const spy = vi.spyOn(fs, 'readFileSync').mockImplementation(((
      file: fs.PathOrFileDescriptor,
      ...rest: unknown[]
    ) => {
      const bytes = (read as (...a: unknown[]) => Buffer | string)(file, ...rest);
      if (typeof file === 'string' && file.endsWith('.ttpkg') && Buffer.isBuffer(bytes)) {
        const flipped = Buffer.from(bytes);
        flipped[flipped.length >> 1]! ^= 0x01;
        return flipped;
      }
      return bytes;
    }) as typeof fs.readFileSync);
    try {
      await core.call('profile:save', JSON.parse(JSON.stringify(profile)));
      expect((await core.call('activities:create', van)).ok).toBe(true);
      const failed = await core.call('package:export', { period: '2023-Q3' });
      expect(failed.ok).toBe(false);
      expect(!failed.ok && failed.error.message).toContain(
        'đọc lại không khớp với gói đã ký; gói đã bị xóa',
      );
      expect(fs.readdirSync(path.join(dir, 'packages'))).toEqual([]);
      const list = await core.call('package:list', {});
      expect(list.ok && list.value).toEqual([]);
      expect(
        (await core.call('activities:update', { id: 'v1', activity: { ...van, audience: 150 } }))
          .ok,
      ).toBe(true);
      spy.mockRestore();
      const next = await core.call('package:export', { period: '2023-Q3' });
      expect(next.ok && next.value).toMatchObject({ sequence: 2, supersedes: null });
    } finally {
      spy.mockRestore();
      core.close();
    }
  });
});
