// The drives a package can be written to, best effort: Windows drive letters D: to Z: that
// exist; Linux /media/<user>/<label>, /run/media/<user>/<label> and /mnt/<name>; macOS
// /Volumes/<name> (without the start-up disk's link to /).
import fs from 'node:fs';
import path from 'node:path';
import type { DriveInfo } from '../../../shared/contract';

function subdirs(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() || d.isSymbolicLink())
      .map((d) => path.join(dir, d.name));
  } catch {
    return [];
  }
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export function listDrives(platform: NodeJS.Platform = process.platform): DriveInfo[] {
  if (platform === 'win32') {
    const out: DriveInfo[] = [];
    for (let c = 'D'.charCodeAt(0); c <= 'Z'.charCodeAt(0); c++) {
      const root = `${String.fromCharCode(c)}:\\`;
      if (isDir(root)) out.push({ path: root, label: `Ổ ${String.fromCharCode(c)}:` });
    }
    return out;
  }
  if (platform === 'darwin') {
    return subdirs('/Volumes')
      .filter((p) => {
        try {
          return fs.realpathSync(p) !== '/';
        } catch {
          return false;
        }
      })
      .map((p) => ({ path: p, label: path.basename(p) }));
  }
  const candidates = [
    ...subdirs('/media').flatMap((p) => subdirs(p)),
    ...subdirs('/run/media').flatMap((p) => subdirs(p)),
    ...subdirs('/mnt'),
  ];
  return [...new Set(candidates)].filter(isDir).map((p) => ({ path: p, label: path.basename(p) }));
}
