// Files chosen in the page, as the contract carries them (base64), and the folder picker's
// files (an <input webkitdirectory> gives every file under the folder).

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return window.btoa(binary);
}

/** A file's bytes as base64, through the browser's own encoder (packages are a few MB). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(`Không đọc được tệp "${file.name}".`));
    reader.readAsDataURL(file);
  });
}

/** The name to show: the path inside the chosen folder when there is one. */
export function displayName(file: File): string {
  return file.webkitRelativePath !== '' ? file.webkitRelativePath : file.name;
}

// ---------- folders dropped on the page ----------

/** The parts of the File and Directory Entries API a dropped folder is read through. */
export interface DroppedEntry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  file?: (ok: (file: File) => void, fail: (err: unknown) => void) => void;
  createReader?: () => {
    readEntries: (ok: (entries: DroppedEntry[]) => void, fail: (err: unknown) => void) => void;
  };
}

/**
 * Every file under the dropped entries, folders walked to the bottom, each with its path
 * inside the drop ("usb/quy3/LS-CAOLOC_2023-Q3_0001.ttpkg"). A directory reader gives its
 * entries in batches (Chromium: 100 at a time) until an empty one.
 */
export async function filesOfEntries(
  entries: readonly DroppedEntry[],
  prefix = '',
): Promise<{ file: File; path: string }[]> {
  const out: { file: File; path: string }[] = [];
  for (const entry of entries) {
    const at = `${prefix}${entry.name}`;
    if (entry.isFile && entry.file) {
      const read = entry.file.bind(entry);
      out.push({ file: await new Promise<File>((ok, fail) => read(ok, fail)), path: at });
    } else if (entry.isDirectory && entry.createReader) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise<DroppedEntry[]>((ok, fail) => reader.readEntries(ok, fail));
        if (batch.length === 0) break;
        out.push(...(await filesOfEntries(batch, `${at}/`)));
      }
    }
  }
  return out;
}

/** The dropped entries when the drop holds a folder; null for plain files (Upload takes those). */
export function droppedFolderEntries(data: DataTransfer): DroppedEntry[] | null {
  const entries = Array.from(data.items)
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null))
    .filter((e): e is FileSystemEntry => e !== null);
  return entries.some((e) => e.isDirectory) ? entries : null;
}
