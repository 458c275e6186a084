// Writing a file so that a crash leaves either the old content or the new, never a mix:
// a temporary name in the same folder, flushed, renamed over the real name, then the folder
// flushed. Used for the signing key, packages, and packages copied to a USB stick.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Kills the process on the spot when TUYENTRUYEN_FAILPOINT names this point: the crash
 * tests use it to stop an export between its steps, as a power cut would. Never set in use.
 */
export function failpoint(name: string): void {
  if (process.env.TUYENTRUYEN_FAILPOINT === name) process.kill(process.pid, 'SIGKILL');
}

/** The temporary names writeDurably gives `file`'s content before renaming it. */
export function isTemporaryOf(file: string, candidate: string): boolean {
  const base = `.${path.basename(file)}.`;
  const name = path.basename(candidate);
  return name.startsWith(base) && name.endsWith('.tmp');
}

/** A temporary name in `dir` for a file to be called `base` (the form isTemporaryOf knows). */
export function temporaryIn(dir: string, base: string): string {
  return path.join(dir, `.${base}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Removes what a crash left of writeDurably's temporary files for `file`. */
export function removeTemporaries(file: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(file));
  } catch {
    return; // the folder (a USB stick) is gone: nothing to tidy
  }
  for (const name of names) {
    if (isTemporaryOf(file, name)) fs.rmSync(path.join(path.dirname(file), name), { force: true });
  }
}

/** Whether a process of this machine is still running (signal 0 only checks). */
export function processAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function writeDurably(file: string, bytes: Buffer, mode = 0o644): void {
  const tmp = temporaryIn(path.dirname(file), path.basename(file));
  try {
    const fd = fs.openSync(tmp, 'wx', mode);
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    failpoint('durable:before-rename');
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fsyncFolder(path.dirname(file));
}

/** Flushes a written file to the disk. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename in `dir` durable (POSIX); Windows cannot open a folder for this. */
export function fsyncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* best effort */
  }
}
