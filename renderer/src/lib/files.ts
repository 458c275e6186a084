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
