import { describe, expect, it } from 'vitest';
import { EarlyReads } from '../../renderer/src/lib/early';

describe('reads sent before the code that needs them has loaded', () => {
  it('are taken once, by a call asking the same method with the same input', async () => {
    const early = new EarlyReads<string>();
    early.send('activities:pages', { period: '2023-Q3' }, () => Promise.resolve('Q3'));
    early.send('app:info', {}, () => Promise.resolve('info'));
    expect(early.take('activities:pages', { period: '2023-Q4' }, 0)).toBeNull();
    expect(early.take('activities:summary', { period: '2023-Q3' }, 0)).toBeNull();
    await expect(early.take('activities:pages', { period: '2023-Q3' }, 0)).resolves.toBe('Q3');
    expect(early.take('activities:pages', { period: '2023-Q3' }, 0)).toBeNull();
    await expect(early.take('app:info', {}, 0)).resolves.toBe('info');
  });

  it('are all dropped once anything was written since they went out', () => {
    const early = new EarlyReads<string>();
    early.send('app:info', {}, () => Promise.resolve('before the write'));
    early.send('profile:get', {}, () => Promise.resolve('before the write'));
    expect(early.take('app:info', {}, 1)).toBeNull();
    // The other one too, even asked as if nothing had been written: it is gone.
    expect(early.take('profile:get', {}, 0)).toBeNull();
  });

  it('keep a failure for whoever takes it, and trouble nobody else', async () => {
    const early = new EarlyReads<string>();
    early.send('app:info', {}, () => Promise.reject(new Error('no engine yet')));
    await expect(early.take('app:info', {}, 0)).rejects.toThrow('no engine yet');
    early.send('profile:get', {}, () => Promise.reject(new Error('never taken')));
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
});
