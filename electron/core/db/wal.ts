// A damaged write-ahead log, found before SQLite opens the database. SQLite replays the log's
// frames in order and stops, silently and by design, at the first frame whose checksum fails
// (https://sqlite.org/fileformat2.html#walformat): every commit after a damaged page would be
// dropped without a word. Frames after the first bad one that still carry this log's salts
// are commits of the same log, so they are proof of loss; frames of an older log (other salts)
// are what a reset log leaves behind, and are no loss.
import fs from 'node:fs';

const HEADER = 32;
const FRAME_HEADER = 24;
const MAGIC_LE = 0x377f0682;
const MAGIC_BE = 0x377f0683;

export interface WalDamage {
  /** Frames in the log, and the first one SQLite would stop at (0-based). */
  frames: number;
  firstBad: number;
  /** Commits of this log after the damage, dropped if SQLite opens it (all but perhaps the last were acknowledged). */
  lostCommits: number;
}

function checksum(
  buf: Buffer,
  start: number,
  end: number,
  bigEndian: boolean,
  s: [number, number],
): [number, number] {
  let [s0, s1] = s;
  for (let i = start; i < end; i += 8) {
    const x0 = bigEndian ? buf.readUInt32BE(i) : buf.readUInt32LE(i);
    const x1 = bigEndian ? buf.readUInt32BE(i + 4) : buf.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

/** Null when the log is absent, empty, or whole; otherwise what its damage drops. */
export function walDamage(walFile: string): WalDamage | null {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(walFile);
  } catch {
    return null;
  }
  if (buf.length < HEADER) return null;
  const magic = buf.readUInt32BE(0);
  if (magic !== MAGIC_LE && magic !== MAGIC_BE) return null; // not a log SQLite would replay
  const bigEndian = magic === MAGIC_BE;
  const pageSize = buf.readUInt32BE(8);
  const salt1 = buf.readUInt32BE(16);
  const salt2 = buf.readUInt32BE(20);
  let sum = checksum(buf, 0, 24, bigEndian, [0, 0]);
  // A header that fails its own checksum makes SQLite ignore the whole log.
  const headerOk = sum[0] === buf.readUInt32BE(24) && sum[1] === buf.readUInt32BE(28);
  const frameSize = FRAME_HEADER + pageSize;
  if (pageSize < 512 || pageSize > 65536) return null;
  const frames = Math.floor((buf.length - HEADER) / frameSize);
  let firstBad = headerOk ? -1 : 0;
  let lostCommits = 0;
  for (let i = 0; i < frames; i++) {
    const at = HEADER + i * frameSize;
    const ours = buf.readUInt32BE(at + 8) === salt1 && buf.readUInt32BE(at + 12) === salt2;
    const commit = buf.readUInt32BE(at + 4) !== 0;
    if (firstBad < 0) {
      if (!ours) break; // the end of this log: older frames follow
      sum = checksum(buf, at, at + 8, bigEndian, sum);
      sum = checksum(buf, at + FRAME_HEADER, at + frameSize, bigEndian, sum);
      if (sum[0] !== buf.readUInt32BE(at + 16) || sum[1] !== buf.readUInt32BE(at + 20))
        firstBad = i;
    } else if (ours && commit) {
      lostCommits++;
    }
  }
  // One commit after the bad frame may be the transaction a power cut tore (its frames reach
  // the disk in any order until its flush). Two prove it: the first of them was flushed, with
  // every frame before it, before the second began, so the bad frame was whole once.
  return firstBad >= 0 && lostCommits >= 2 ? { frames, firstBad, lostCommits } : null;
}
