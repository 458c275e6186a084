import { describe, expect, it } from 'vitest';
import { EarlyRead } from '../../renderer/src/lib/early';

describe('a read sent before its screen is drawn', () => {
  it('is taken once, for the same question, when nothing was written since', async () => {
    const early = new EarlyRead<string>();
    early.send({ period: '2023-Q3' }, 0, () => Promise.resolve('rows of Q3'));
    await expect(early.take({ period: '2023-Q3' }, 0)).resolves.toBe('rows of Q3');
    expect(early.take({ period: '2023-Q3' }, 0)).toBeNull();
  });

  it('is dropped after a write, or for another question', () => {
    const early = new EarlyRead<string>();
    early.send({ period: '' }, 2, () => Promise.resolve('before the write'));
    expect(early.take({ period: '' }, 3)).toBeNull();
    early.send({ period: '' }, 3, () => Promise.resolve('all time'));
    expect(early.take({ period: '2023-Q3' }, 3)).toBeNull();
  });

  it('keeps a failure for whoever takes it, and troubles nobody else', async () => {
    const early = new EarlyRead<string>();
    early.send({}, 0, () => Promise.reject(new Error('no logbook yet')));
    await expect(early.take({}, 0)).rejects.toThrow('no logbook yet');
    early.send({}, 0, () => Promise.reject(new Error('never taken')));
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
});
