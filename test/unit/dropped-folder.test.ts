// A folder dropped on the inbox: every file under it, however deep, read through the
// entries API in batches as Chromium gives them.
import { describe, expect, it } from 'vitest';
import { filesOfEntries, type DroppedEntry } from '../../renderer/src/lib/files';

const file = (name: string): DroppedEntry => ({
  isFile: true,
  isDirectory: false,
  name,
  file: (ok) => ok(new File([name], name)),
});

/** A folder whose reader hands out its entries `batch` at a time, then an empty batch. */
function folder(name: string, children: DroppedEntry[], batch = 2): DroppedEntry {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok) => {
          const next = children.slice(at, at + batch);
          at += next.length;
          ok(next);
        },
      };
    },
  };
}

describe('filesOfEntries', () => {
  it('walks nested folders and keeps each file path inside the drop', async () => {
    const drop = [
      folder('usb', [
        file('A_2023-Q3_0001.ttpkg'),
        file('ghi-chu.txt'),
        folder('quy2', [file('B_2023-Q2_0001.ttpkg'), folder('trong', [])]),
        file('C_2023-Q3_0002.ttpkg'),
      ]),
      file('D_2023-Q3_0001.ttpkg'),
    ];
    const found = await filesOfEntries(drop);
    expect(found.map((f) => f.path)).toEqual([
      'usb/A_2023-Q3_0001.ttpkg',
      'usb/ghi-chu.txt',
      'usb/quy2/B_2023-Q2_0001.ttpkg',
      'usb/C_2023-Q3_0002.ttpkg',
      'D_2023-Q3_0001.ttpkg',
    ]);
    expect(await found[2]!.file.text()).toBe('B_2023-Q2_0001.ttpkg');
  });

  it('reads a folder of more entries than one batch holds', async () => {
    const many = Array.from({ length: 250 }, (_, i) => file(`P_${i}.ttpkg`));
    const found = await filesOfEntries([folder('big', many, 100)]);
    expect(found).toHaveLength(250);
  });
});
