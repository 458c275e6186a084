// The backups folder: each backup is `<time>-<kind>.sqlite`, a self-contained SQLite file, with
// `<file>.json` beside it describing it (kind, time, SHA-256, counts). The description is
// written last, so a backup without one was never verified and is not listed. The folder also
// keeps `settings.json` (the second place for copies), outside the database on purpose: it
// must be readable when the database is not.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  BACKUP_KINDS,
  PINNED_KINDS,
  type BackupEntry,
  type BackupKind,
} from '../../../shared/backup';
import { temporaryIn, writeDurably } from '../durable';

export { temporaryIn };
import type { FileFacts } from './inspect';

export const BACKUP_DIR = 'backups';
/** The folder made inside the second place (a USB stick holds other things too). */
export const MIRROR_FOLDER = 'SoTuyenTruyen-SaoLuu';
const SIDECAR_FORMAT = 'tuyentruyen-backup';
const SETTINGS_FILE = 'settings.json';

interface Sidecar {
  format: typeof SIDECAR_FORMAT;
  version: 1;
  file: string;
  kind: BackupKind;
  createdAt: string;
  sizeBytes: number;
  sha256: string;
  integrity: 'ok';
  counts: BackupEntry['counts'];
  lastActivityDate: string | null;
  lastChangeAt: string | null;
  office: BackupEntry['office'];
  dataVersion: number;
}

export interface BackupSettings {
  mirrorDir: string | null;
  lastMirroredAt: string | null;
  mirrorPending: boolean;
}

const DEFAULT_SETTINGS: BackupSettings = {
  mirrorDir: null,
  lastMirroredAt: null,
  mirrorPending: false,
};

export function sha256File(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      hash.update(chunk.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** `2026-12-02T08:15:00.000Z` → `20261202-081500`: a sortable UTC stamp for file names. */
export const fileStamp = (iso: string): string =>
  iso.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/** `20261202-081500-daily.sqlite` (UTC, sortable); a suffix when the second is taken. */
export function backupName(dir: string, createdAt: string, kind: BackupKind): string {
  const stamp = fileStamp(createdAt);
  let name = `${stamp}-${kind}.sqlite`;
  while (fs.existsSync(path.join(dir, name)))
    name = `${stamp}-${kind}-${randomBytes(2).toString('hex')}.sqlite`;
  return name;
}

const sidecarOf = (file: string) => `${file}.json`;

export function writeSidecar(
  file: string,
  kind: BackupKind,
  createdAt: string,
  facts: FileFacts,
): void {
  const sidecar: Sidecar = {
    format: SIDECAR_FORMAT,
    version: 1,
    file: path.basename(file),
    kind,
    createdAt,
    sizeBytes: fs.statSync(file).size,
    sha256: sha256File(file),
    integrity: 'ok',
    counts: facts.counts,
    lastActivityDate: facts.lastActivityDate,
    lastChangeAt: facts.lastChangeAt,
    office: facts.office,
    dataVersion: facts.dataVersion,
  };
  writeDurably(sidecarOf(file), Buffer.from(`${JSON.stringify(sidecar, null, 2)}\n`));
}

function readSidecar(file: string): Sidecar | null {
  try {
    const s = JSON.parse(fs.readFileSync(sidecarOf(file), 'utf8')) as Sidecar;
    if (s.format !== SIDECAR_FORMAT || s.version !== 1) return null;
    if (!BACKUP_KINDS.includes(s.kind) || !/^[0-9a-f]{64}$/.test(s.sha256)) return null;
    return s;
  } catch {
    return null;
  }
}

function toEntry(file: string, s: Sidecar, location: BackupEntry['location']): BackupEntry {
  return {
    id: path.basename(file),
    path: file,
    location,
    kind: s.kind,
    createdAt: s.createdAt,
    sizeBytes: s.sizeBytes,
    sha256: s.sha256,
    counts: s.counts,
    lastActivityDate: s.lastActivityDate,
    lastChangeAt: s.lastChangeAt,
    office: s.office,
    dataVersion: s.dataVersion,
    pinned: PINNED_KINDS.includes(s.kind),
  };
}

/** The verified backups of a folder, newest first (a missing folder has none). */
export function listFolder(dir: string, location: BackupEntry['location']): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const entries: BackupEntry[] = [];
  for (const name of names) {
    if (!name.endsWith('.sqlite') || name.startsWith('.')) continue;
    const file = path.join(dir, name);
    const sidecar = readSidecar(file);
    if (sidecar && sidecar.file === name) entries.push(toEntry(file, sidecar, location));
  }
  return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The description of a backup file anywhere (a copy on a USB stick), when it has one. */
export function entryOf(file: string): BackupEntry | null {
  const sidecar = readSidecar(file);
  return sidecar ? toEntry(file, sidecar, 'local') : null;
}

export function removeBackup(entry: BackupEntry): void {
  fs.rmSync(sidecarOf(entry.path), { force: true });
  fs.rmSync(entry.path, { force: true });
}

/** Copies a verified backup and its description into another folder, checking the copy. */
export function copyBackup(entry: BackupEntry, dir: string): BackupEntry {
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, entry.id);
  const tmp = temporaryIn(dir, entry.id);
  try {
    fs.copyFileSync(entry.path, tmp);
    const fd = fs.openSync(tmp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (sha256File(tmp) !== entry.sha256) throw new Error(`copy of ${entry.id} differs`);
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  writeDurably(sidecarOf(target), fs.readFileSync(sidecarOf(entry.path)));
  return { ...entry, path: target, location: 'mirror' };
}

export function readSettings(dir: string): BackupSettings {
  try {
    const s = JSON.parse(
      fs.readFileSync(path.join(dir, SETTINGS_FILE), 'utf8'),
    ) as Partial<BackupSettings>;
    return {
      mirrorDir: typeof s.mirrorDir === 'string' && s.mirrorDir !== '' ? s.mirrorDir : null,
      lastMirroredAt: typeof s.lastMirroredAt === 'string' ? s.lastMirroredAt : null,
      mirrorPending: s.mirrorPending === true,
    };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function writeSettings(dir: string, settings: BackupSettings): void {
  fs.mkdirSync(dir, { recursive: true });
  writeDurably(
    path.join(dir, SETTINGS_FILE),
    Buffer.from(`${JSON.stringify(settings, null, 2)}\n`),
  );
}
