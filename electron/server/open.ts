// Opening an address in the person's default browser, for `tuyentruyen serve --open` and
// `npm start` without Electron. Best effort: no opener (a server without a desktop) is no
// error, the printed address is always there to copy.
import { spawn } from 'node:child_process';

/** Set (to anything but "0") to never start a browser: tests, scripts, remote shells. */
export const NO_BROWSER_ENV = 'TUYENTRUYEN_NO_BROWSER';

export function browserDisabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env[NO_BROWSER_ENV];
  return v !== undefined && v !== '' && v !== '0';
}

export function openInBrowser(url: string): void {
  if (browserDisabled()) return;
  // The URL is ours (http://127.0.0.1:PORT/?token=base64url): nothing in it a shell reads.
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, {
      detached: true,
      stdio: 'ignore',
      windowsHide: true,
      // `start ""` needs its empty title verbatim: Node would quote the quotes.
      windowsVerbatimArguments: process.platform === 'win32',
    });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener: the address printed beside is how the person gets there.
  }
}
