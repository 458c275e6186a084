// Saves bytes that came over the contract as base64 (a Word file, a workbook) under the given file name, through an
// <a download> element: the browser's download in browser mode, Electron's save dialog
// in the desktop app.
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = window.atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function downloadBase64(base64: string, fileName: string, type = DOCX_TYPE): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started from the URL; give it a moment before letting it go.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
