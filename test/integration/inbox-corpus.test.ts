// Issue 5: a corpus of bad archives, each taken to the province desk's import and each
// refused with a sentence of its own, the database unchanged and nothing written anywhere.
// The package is read in memory and never extracted, so a zip-slip name
// (https://security.snyk.io/research/zip-slip-vulnerability) has nowhere to land; these
// tests check that it also gets no further than the first sentence.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, DB_FILE, type Core } from '../../electron/core';
import { verifyPackageBytes } from '../../electron/core/package';
import type { ImportResult } from '../../shared/inbox';
import { badArchives, type BadArchive } from '../fixtures/badArchives';
import { OFFICES, openOffice, quarterActivities } from '../fixtures/offices';
import { cli, ROOT, tempDir } from './helpers';

const invalidName = (name: string, vi: string): string =>
  `Gói có tệp mang tên không hợp lệ "${name}": ${vi}.`;

/**
 * The sentence each archive is refused with (vi, exact) and words its English must hold.
 * File-level sentences name the file as imported (`bad-<id>.ttpkg`).
 */
const EXPECTED: Record<string, { vi: string; en: string[] }> = {
  dotdot: {
    vi: invalidName('../evil.txt', 'tên có ".." để trỏ lên thư mục cha, ra ngoài gói'),
    en: ['invalid name "../evil.txt"', '".."', 'parent folder'],
  },
  absolute: {
    vi: invalidName('/etc/evil', 'đó là đường dẫn tuyệt đối, trỏ ra ngoài gói'),
    en: ['invalid name "/etc/evil"', 'absolute path'],
  },
  drive: {
    vi: invalidName('C:evil.txt', 'tên bắt đầu bằng ký hiệu ổ đĩa "C:" của Windows'),
    en: ['invalid name "C:evil.txt"', 'Windows drive "C:"'],
  },
  backslash: {
    vi: invalidName('dir\\evil.txt', 'tên có dấu \\ (dấu phân cách thư mục của Windows)'),
    en: ['invalid name "dir\\evil.txt"', 'backslash'],
  },
  symlink: {
    vi: 'Gói có mục evil-link là liên kết tượng trưng (symlink), không phải tệp; gói không bao giờ chứa liên kết.',
    en: ['evil-link', 'symbolic link'],
  },
  'inflates-beyond-declared': {
    vi: 'Tệp data.json trong gói giải nén ra nhiều hơn kích thước đã khai báo (100 byte): gói bị hỏng hoặc bị làm giả.',
    en: ['data.json', 'more than its declared size', '100 bytes'],
  },
  'ratio-bomb': {
    // 400 MiB declared from 4,101 bytes.
    vi: 'Tệp report-trafficking.docx trong gói nén bất thường: khai báo giải nén ra gấp 102.275 lần kích thước nén, vượt mức 200 lần (dấu hiệu của bom giải nén).',
    en: ['report-trafficking.docx', 'abnormally compressed', '102275 times', 'zip bomb'],
  },
  'huge-declared': {
    vi: 'Tệp report-trafficking.docx trong gói có kích thước giải nén 3.072 MB, vượt mức cho phép 512 MB cho một tệp.',
    en: ['report-trafficking.docx', '3072 MB', '512 MB allowed'],
  },
  'many-entries': {
    vi: 'Gói có 100.000 tệp, nhiều hơn mức cho phép (2.016).',
    en: ['100000 entries', 'more than allowed (2016)'],
  },
  duplicate: {
    vi: 'Gói có hai tệp cùng tên manifest.json.',
    en: ['two entries named manifest.json'],
  },
  'case-duplicate': {
    vi: 'Gói có hai tệp trùng tên khi không phân biệt chữ hoa, chữ thường: manifest.json và MANIFEST.JSON.',
    en: ['manifest.json and MANIFEST.JSON', 'letter case'],
  },
  unlisted: {
    vi: 'Gói có tệp evil.txt không được liệt kê trong manifest.json.',
    en: ['evil.txt', 'manifest.json does not list'],
  },
  'not-zip': {
    vi: 'Tệp bad-not-zip.ttpkg không phải tệp ZIP nên không phải gói báo cáo.',
    en: ['bad-not-zip.ttpkg', 'not a ZIP file'],
  },
  truncated: {
    vi: 'Tệp bad-truncated.ttpkg bị cắt cụt hoặc chưa tải xong: thiếu phần cuối của tệp ZIP.',
    en: ['bad-truncated.ttpkg', 'truncated', 'not fully downloaded'],
  },
  'manifest-not-json': {
    vi: 'Tệp manifest.json không phải JSON hợp lệ.',
    en: ['manifest.json', 'not valid JSON'],
  },
  'data-too-large': {
    vi: 'Tệp data.json trong gói có 65 MB số liệu, vượt mức cho phép 64 MB.',
    en: ['data.json', '65 MB of data', '64 MB allowed'],
  },
  empty: {
    vi: 'Tệp bad-empty.ttpkg trống (0 byte), không phải gói báo cáo.',
    en: ['bad-empty.ttpkg', 'empty'],
  },
};

// ---------- what "nothing changed" means ----------

interface DbSnapshot {
  counts: Record<string, number>;
  inboxPackages: unknown[];
  auditLog: unknown[];
}

/** Row counts of every table, plus the full rows of the two the import would write first. */
function dbSnapshot(dataDir: string): DbSnapshot {
  const db = new BetterSqlite3(path.join(dataDir, DB_FILE), { readonly: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[];
    // Table names come from sqlite_master itself; quoting keeps any of them a plain name.
    const count = (table: string): number =>
      (
        db.prepare(`SELECT COUNT(*) AS n FROM "${table.replace(/"/g, '""')}"`).get() as {
          n: number;
        }
      ).n;
    return {
      counts: Object.fromEntries(tables.map((t) => [t.name, count(t.name)])),
      inboxPackages: db.prepare('SELECT * FROM inbox_packages ORDER BY rowid').all(),
      auditLog: db.prepare('SELECT * FROM audit_log ORDER BY rowid').all(),
    };
  } finally {
    db.close();
  }
}

/** Every file and folder under `dir` with its size, but the database's own files. */
function listing(dir: string): string[] {
  const dbFiles = new Set([DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, `${DB_FILE}-journal`]);
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((d) => {
      const rel = path.relative(dir, path.join(d.parentPath, d.name));
      if (d.isDirectory()) return `${rel}/`;
      return dbFiles.has(rel) ? null : `${rel} ${fs.statSync(path.join(dir, rel)).size}`;
    })
    .filter((line): line is string => line !== null)
    .sort();
}

/** The last part of an entry name, by any separator a tool might honour. */
const leafOf = (name: string): string => name.split(/[/\\:]/).pop() ?? name;

/**
 * Checks that nothing named after the archive's entries appeared: in the temp folder (other
 * test files run alongside, so only new names count, and only those that could come from
 * this archive), and where a zip-slip would have put its `evil` files.
 */
function expectNothingWritten(archive: BadArchive, tmpBefore: Set<string>, dataDir: string): void {
  const leaves = new Set(archive.entryNames.map(leafOf));
  const created = fs.readdirSync(os.tmpdir()).filter((n) => !tmpBefore.has(n));
  expect(created.filter((n) => n.includes('evil') || leaves.has(n))).toEqual([]);
  for (const name of archive.entryNames.filter((n) => n.includes('evil'))) {
    for (const base of [dataDir, os.tmpdir(), ROOT, process.cwd()]) {
      for (const variant of [name, name.replace(/\\/g, '/')]) {
        expect(fs.existsSync(path.resolve(base, variant)), `${variant} under ${base}`).toBe(false);
      }
    }
  }
}

// ---------- the corpus against one province desk ----------

let corpus: BadArchive[];
let genuine: Buffer;
let provinceDir: string;
let province: Core;

async function importFile(core: Core, fileName: string, bytes: Buffer): Promise<ImportResult> {
  const r = await core.call('inbox:import', { fileName, base64: bytes.toString('base64') });
  if (!r.ok) throw new Error(`inbox:import: ${JSON.stringify(r.error)}`);
  return r.value as ImportResult;
}

const byId = (id: string): BadArchive => {
  const archive = corpus.find((c) => c.id === id);
  if (!archive) throw new Error(`no archive ${id} in the corpus`);
  return archive;
};

beforeAll(async () => {
  const office = await openOffice(OFFICES[0]!, tempDir('tt-corpus-o-'));
  try {
    office.add(quarterActivities('2023-Q3', 12, 5));
    genuine = fs.readFileSync((await office.export('2023-Q3', tempDir('tt-corpus-p-'))).path);
    corpus = await badArchives(genuine);

    // A province that knows the office and already holds its genuine package, so the
    // snapshot has rows to keep, and a refusal cannot be mistaken for an unknown signer.
    provinceDir = tempDir('tt-corpus-');
    province = createCore({ dataDir: provinceDir, mode: 'cli' });
    const pem = await office.certificatePem();
    const trusted = await province.call('trust:addCertificate', {
      base64: Buffer.from(pem).toString('base64'),
    });
    if (!trusted.ok) throw new Error(`trust:addCertificate: ${JSON.stringify(trusted.error)}`);
  } finally {
    office.close();
  }
  const first = await importFile(province, 'genuine.ttpkg', genuine);
  expect(first.outcome).toBe('accepted');
  // So that "unchanged" below compares real rows, not two empty tables.
  const held = dbSnapshot(provinceDir);
  expect(held.counts.inbox_packages).toBe(1);
  expect(held.auditLog.length).toBeGreaterThan(0);
});

afterAll(() => province?.close());

describe('the corpus of bad archives', () => {
  it('has one case for each expected sentence, and no two cases share a sentence', () => {
    expect(corpus.map((c) => c.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    const sentences = Object.values(EXPECTED).map((e) => e.vi);
    expect(new Set(sentences).size).toBe(sentences.length);
  });

  it.each(Object.keys(EXPECTED))(
    '%s: inbox:import refuses it with its own sentence, changes nothing and writes nothing',
    async (id) => {
      const archive = byId(id);
      const expected = EXPECTED[id]!;
      const dbBefore = dbSnapshot(provinceDir);
      const dirBefore = listing(provinceDir);
      const tmpBefore = new Set(fs.readdirSync(os.tmpdir()));

      const result = await importFile(province, archive.fileName, archive.bytes);

      expect(result.outcome, archive.title).toBe('refused');
      expect(result.file).toBe(archive.fileName);
      expect(result.message.vi, archive.title).toBe(expected.vi);
      for (const words of expected.en) expect(result.message.en).toContain(words);
      expect(dbSnapshot(provinceDir)).toEqual(dbBefore);
      expect(listing(provinceDir)).toEqual(dirBefore);
      expectNothingWritten(archive, tmpBefore, provinceDir);
    },
  );

  it.each(Object.keys(EXPECTED))(
    '%s: verifyPackageBytes (tuyentruyen verify) gives the same sentence',
    async (id) => {
      const archive = byId(id);
      const check = await verifyPackageBytes(archive.fileName, archive.bytes);
      expect(check.ok, archive.title).toBe(false);
      if (check.ok) return;
      expect(check.reason.vi, archive.title).toBe(EXPECTED[id]!.vi);
      for (const words of EXPECTED[id]!.en) expect(check.reason.en).toContain(words);
    },
  );

  it('tuyentruyen verify prints each sentence on its own FAIL line', () => {
    const dir = tempDir('tt-corpus-v-');
    const files = corpus.map((c) => {
      const file = path.join(dir, c.fileName);
      fs.writeFileSync(file, c.bytes);
      return file;
    });
    const r = cli(['verify', ...files]);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual(
      corpus.map((c, i) => `FAIL ${files[i]}: ${EXPECTED[c.id]!.vi}`),
    );
  });

  it('leaves the genuine package counted, and still takes it as a duplicate', async () => {
    const again = await importFile(province, 'genuine-again.ttpkg', genuine);
    expect(again.outcome).toBe('duplicate');
    const packages = await province.call('inbox:packages', {});
    expect(packages.ok && (packages.value as { status: string }[]).map((p) => p.status)).toEqual([
      'current',
    ]);
  });
});
