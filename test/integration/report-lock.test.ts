// The promise of an exported period: nothing that its signed report was made of can change,
// through core.call or the command line, until someone unlocks it with a reason; meanwhile
// the report given out is the signed one, byte for byte. After unlocking, edits work again
// and the next package is a correction superseding the first.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore, DB_FILE, type Core } from '../../electron/core';
import type { Result } from '../../shared/errors';
import type { Manifest } from '../../shared/package';
import type { ReportFileView, ReportTexts } from '../../shared/report';
import { cli, PROFILE, ROOT, tempDir, writeJson } from './helpers';

const PASS = { TUYENTRUYEN_PASSPHRASE: 'mật khẩu đúng 123' };
const QUARTER = path.join(ROOT, 'test/fixtures/quarter-2023-q3.json');
const KEY = { period: '2023-Q3' };

type Activity = Record<string, unknown> & { id: string; date: string };
const fixture = JSON.parse(fs.readFileSync(QUARTER, 'utf8')) as Activity[];
const record = (id: string): Activity => ({ ...fixture.find((a) => a.id === id)! });

/** An activity of Q4, outside the exported period: moving it into Q3 is an edit of Q3. */
const Q4_MEETING: Activity = {
  id: 'q4-meeting',
  channel: 'meeting',
  date: '2023-10-10',
  communes: ['CL-HT'],
  themes: ['trafficking'],
  title: 'Họp dân tại nhà văn hóa thôn',
  audience: 40,
  measures: { sessions: 1 },
};

const DIRECTIVE = {
  number: '125/KH-UBND',
  date: '2023-07-10',
  issuer: 'UBND huyện Cao Lộc',
  subject: 'tuyên truyền phòng, chống mua bán người năm 2023',
  direction: 'incoming' as const,
};

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function withCore<T>(dataDir: string, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = createCore({ dataDir, mode: 'cli', passphrase: PASS.TUYENTRUYEN_PASSPHRASE });
  try {
    return await fn(core);
  } finally {
    core.close();
  }
}

async function value<T>(result: Promise<Result<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** Everything an edit of 2023-Q3 could touch, read back through the contract. */
async function snapshot(core: Core) {
  return {
    activities: await value(core.call('activities:list', {})),
    deleted: await value(core.call('activities:list', { deleted: true })),
    totals: await value(core.call('activities:summary', KEY)),
    directives: await value(core.call('directives:list', {})),
    deletedDirectives: await value(core.call('directives:list', { deleted: true })),
    texts: await value(core.call('report:texts', KEY)),
  };
}

function auditRows(dataDir: string): number {
  const raw = new BetterSqlite3(path.join(dataDir, DB_FILE), { readonly: true });
  try {
    return (raw.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
  } finally {
    raw.close();
  }
}

async function entries(pkgPath: string): Promise<Record<string, Buffer>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(pkgPath));
  const out: Record<string, Buffer> = {};
  for (const name of Object.keys(zip.files)) {
    out[name] = await zip.file(name)!.async('nodebuffer');
  }
  return out;
}

/** A data folder through the CLI: the profile (changed by `edit`) and the quarter fixture. */
function dataFolder(edit?: (profile: { office: Record<string, unknown> }) => void) {
  const dir = tempDir('tt-lock-');
  const dataDir = path.join(dir, 'data');
  const profile = JSON.parse(fs.readFileSync(PROFILE, 'utf8')) as {
    office: Record<string, unknown>;
  };
  edit?.(profile);
  const d = ['--data-dir', dataDir];
  expect(cli(['setup', '--profile', writeJson(dir, 'profile.json', profile), ...d]).status).toBe(0);
  expect(cli(['activities', 'import', QUARTER, ...d]).status).toBe(0);
  return { dir, dataDir, d, profile };
}

/** After export: a changed signer, so that a report built anew would differ from the signed. */
function changeSigner(dir: string, d: string[], profile: { office: Record<string, unknown> }) {
  const changed = {
    ...profile,
    office: { ...profile.office, signer: { title: 'TRƯỞNG PHÒNG', name: 'Trần Thị B' } },
  };
  const r = cli(['setup', '--profile', writeJson(dir, 'profile-2.json', changed), ...d]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}

describe('an exported period (2023-Q3)', () => {
  let dir: string;
  let dataDir: string;
  let d: string[];
  let profile: { office: Record<string, unknown> };
  let pkgPath: string;
  let saved: ReportTexts;
  let directiveId: string;
  let q4DirectiveId: string;

  beforeAll(async () => {
    ({ dir, dataDir, d, profile } = dataFolder());
    expect(
      cli(['activities', 'import', writeJson(dir, 'q4.json', [Q4_MEETING]), ...d]).status,
    ).toBe(0);
    await withCore(dataDir, async (core) => {
      // A directive of the period, so the signed report cites it; one of Q4 to move in.
      directiveId = (await value<{ id: string }>(core.call('directives:save', DIRECTIVE))).id;
      q4DirectiveId = (
        await value<{ id: string }>(
          core.call('directives:save', { ...DIRECTIVE, number: '9/KH-UBND', date: '2023-10-02' }),
        )
      ).id;
      // Deleted before the export: restoring it later would change the signed figures.
      await value(core.call('activities:delete', { id: 'q3-banner' }));
      const draft = await value<ReportTexts>(core.call('report:texts', KEY));
      expect(draft.directives).toEqual([expect.stringContaining('125/KH-UBND')]);
      saved = await value<ReportTexts>(
        core.call('report:saveTexts', {
          ...KEY,
          texts: {
            ...draft,
            number: '27',
            date: '2023-09-20',
            strengths: 'Tuyên truyền đến tận thôn bản.',
            limitations: 'Kinh phí còn hạn chế.',
            nextSteps: 'Tăng tuyên truyền bằng tiếng dân tộc.',
          },
        }),
      );
    });
    const r = cli(['export', '--period', '2023-Q3', '--out', path.join(dir, 'out'), ...d], PASS);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    pkgPath = r.stdout.trim();
    expect(path.basename(pkgPath)).toBe('LS-CAOLOC-VHTT_2023-Q3_0001.ttpkg');
  });

  it('refuses every edit through core.call with code "locked", changing nothing', async () => {
    const auditBefore = auditRows(dataDir);
    await withCore(dataDir, async (core) => {
      const before = await snapshot(core);
      const van = record('q3-van-1');
      const inPeriod = { ...Q4_MEETING, id: 'new-in-q3', date: '2023-08-10' };
      const attempts: [string, unknown][] = [
        ['activities:create', inPeriod],
        ['activities:update', { id: 'q3-van-1', activity: { ...van, audience: 9999 } }],
        [
          'activities:update',
          { id: 'q3-van-1', activity: { ...van, date: '2023-10-05', endDate: '2023-10-06' } },
        ],
        [
          'activities:update',
          { id: 'q4-meeting', activity: { ...Q4_MEETING, date: '2023-08-01' } },
        ],
        ['activities:delete', { id: 'q3-van-1' }],
        ['activities:restore', { id: 'q3-banner' }],
        ['activities:import', { fileName: 'new.json', records: [inPeriod] }],
        ['activities:import', { fileName: 'upd.json', records: [{ ...van, audience: 9999 }] }],
        ['report:saveTexts', { ...KEY, texts: { ...saved, strengths: 'Viết lại sau khi ký.' } }],
        ['report:saveTexts', { ...KEY, texts: { ...saved, number: '28' } }],
        ['report:saveTexts', { ...KEY, texts: { ...saved, date: '2023-09-25' } }],
        ['report:saveTexts', { ...KEY, texts: { ...saved, recipients: ['UBND tỉnh'] } }],
        ['report:saveTexts', { ...KEY, texts: { ...saved, directives: [] } }],
        ['directives:save', { ...DIRECTIVE, number: '130/KH-UBND', date: '2023-08-15' }],
        ['directives:save', { ...DIRECTIVE, id: directiveId, subject: 'về việc khác' }],
        ['directives:save', { ...DIRECTIVE, id: directiveId, date: '2023-10-03' }],
        ['directives:save', { ...DIRECTIVE, id: q4DirectiveId, date: '2023-08-02' }],
        ['directives:delete', { id: directiveId }],
      ];
      for (const [method, input] of attempts) {
        const r = await core.call(method, input);
        expect({ method, input, ok: r.ok, code: r.ok ? null : r.error.code }).toEqual({
          method,
          input,
          ok: false,
          code: 'locked',
        });
        expect(!r.ok && r.error.message).toContain('Mở khóa để sửa');
      }
      expect(await snapshot(core)).toEqual(before);
    });
    expect(auditRows(dataDir)).toBe(auditBefore);
  });

  it('refuses every edit through the command line with exit 1, changing nothing', async () => {
    const auditBefore = auditRows(dataDir);
    const before = await withCore(dataDir, snapshot);
    const van = record('q3-van-1');
    const files = [
      writeJson(dir, 'cli-new.json', [{ ...Q4_MEETING, id: 'cli-new', date: '2023-08-10' }]),
      writeJson(dir, 'cli-upd.json', [{ ...van, audience: 9999 }]),
      writeJson(dir, 'cli-move.json', [{ ...Q4_MEETING, date: '2023-09-01' }]),
    ];
    for (const file of files) {
      const r = cli(['activities', 'import', file, ...d]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('Mở khóa để sửa');
    }
    const out = path.join(dir, 'never.docx');
    for (const texts of [
      { ...saved, strengths: 'Viết lại sau khi ký.' },
      { ...saved, number: '28' },
      { ...saved, date: '2023-09-25' },
      { ...saved, recipients: ['UBND tỉnh'] },
    ]) {
      const file = writeJson(dir, 'cli-texts.json', texts);
      const r = cli(['report', '--period', '2023-Q3', '--texts', file, '--out', out, ...d]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('đã khóa');
    }
    expect(fs.existsSync(out)).toBe(false);
    expect(await withCore(dataDir, snapshot)).toEqual(before);
    expect(auditRows(dataDir)).toBe(auditBefore);
  });

  it('gives the signed report byte for byte: report --out, report:docx, --json and texts', async () => {
    // A report made anew now would carry another signer; the signed one must not.
    changeSigner(dir, d, profile);
    const signed = await entries(pkgPath);
    const docx = signed['report-trafficking.docx']!;
    const data = JSON.parse(signed['data.json']!.toString('utf8')) as {
      reports: { subject: string; figures: unknown; texts: ReportTexts }[];
      directives: { number: string }[];
    };

    const out = path.join(dir, 'locked.docx');
    const r = cli(['report', '--period', '2023-Q3', '--out', out, ...d]);
    expect(r.status).toBe(0);
    expect(sha256(fs.readFileSync(out))).toBe(sha256(docx));
    const viaCall = await withCore(dataDir, (core) =>
      value<ReportFileView>(core.call('report:docx', KEY)),
    );
    expect(sha256(Buffer.from(viaCall.base64, 'base64'))).toBe(sha256(docx));

    const json = cli(['report', '--period', '2023-Q3', '--json', ...d]);
    expect(JSON.parse(json.stdout)).toEqual(data.reports[0]!.figures);
    const texts = cli(['report', 'texts', '--period', '2023-Q3', ...d]);
    expect(JSON.parse(texts.stdout)).toEqual(saved);
    expect(data.reports[0]!.texts).toEqual(saved);
    expect(data.directives.map((x) => x.number)).toEqual(['125/KH-UBND']);
  });

  it('after unlocking with a reason, edits work and the next export supersedes the first', async () => {
    const first = fs.readFileSync(pkgPath);
    await withCore(dataDir, async (core) => {
      const short = await core.call('periods:unlock', { ...KEY, reason: 'sửa' });
      expect(!short.ok && short.error.field).toBe('reason');
      await value(core.call('periods:unlock', { ...KEY, reason: 'Bổ sung hoạt động bị sót' }));
      // The refused saves above left the draft as it was when signed.
      expect(await value(core.call('report:texts', KEY))).toEqual(saved);
      await value(
        core.call('activities:update', {
          id: 'q3-van-1',
          activity: { ...record('q3-van-1'), audience: 1300 },
        }),
      );
      await value(core.call('activities:restore', { id: 'q3-banner' }));
      await value(
        core.call('directives:save', { ...DIRECTIVE, id: directiveId, date: '2023-07-11' }),
      );
    });
    const imported = cli([
      'activities',
      'import',
      writeJson(dir, 'after.json', [{ ...Q4_MEETING, id: 'after-unlock', date: '2023-08-10' }]),
      ...d,
    ]);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    const corrected = { ...saved, number: '31', strengths: 'Đã bổ sung hoạt động bị sót.' };
    const textsFile = writeJson(dir, 'corrected.json', corrected);
    const saving = cli(['report', '--period', '2023-Q3', '--texts', textsFile, ...d]);
    expect(saving.stderr).toBe('');
    expect(saving.status).toBe(0);

    const r = cli(['export', '--period', '2023-Q3', '--out', path.join(dir, 'out'), ...d], PASS);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const second = r.stdout.trim();
    expect(path.basename(second)).toBe('LS-CAOLOC-VHTT_2023-Q3_0002.ttpkg');
    expect(cli(['verify', second]).stdout).toBe(`OK ${second} LS-CAOLOC-VHTT 2023-Q3 2\n`);
    const signed = await entries(second);
    const manifest = JSON.parse(signed['manifest.json']!.toString('utf8')) as Manifest;
    expect(manifest.sequence).toBe(2);
    expect(manifest.supersedes).toBe(sha256(first));
    // The first package is left as it was, and the report given out is now the new one.
    expect(sha256(fs.readFileSync(pkgPath))).toBe(sha256(first));
    const out = path.join(dir, 'corrected.docx');
    expect(cli(['report', '--period', '2023-Q3', '--out', out, ...d]).status).toBe(0);
    expect(sha256(fs.readFileSync(out))).toBe(sha256(signed['report-trafficking.docx']!));
    expect(JSON.parse(cli(['report', 'texts', '--period', '2023-Q3', ...d]).stdout)).toEqual(
      corrected,
    );
  });
});

describe('an office reporting on trafficking and drugs', () => {
  it('signs both reports into the package and gives each back byte for byte by --theme', async () => {
    const { dir, dataDir, d, profile } = dataFolder((p) => {
      p.office.subjects = ['trafficking', 'drugs'];
    });
    const r = cli(['export', '--period', '2023-Q3', '--out', path.join(dir, 'out'), ...d], PASS);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const signed = await entries(r.stdout.trim());
    expect(Object.keys(signed)).toEqual([
      'manifest.json',
      'manifest.json.p7s',
      'data.json',
      'report-trafficking.docx',
      'report-drugs.docx',
    ]);
    expect(sha256(signed['report-drugs.docx']!)).not.toBe(
      sha256(signed['report-trafficking.docx']!),
    );
    changeSigner(dir, d, profile);

    for (const [theme, entry] of [
      [[], 'report-trafficking.docx'],
      [['--theme', 'trafficking'], 'report-trafficking.docx'],
      [['--theme', 'drugs'], 'report-drugs.docx'],
    ] as const) {
      const out = path.join(dir, `${entry}-${theme.length}.docx`);
      const made = cli(['report', '--period', '2023-Q3', ...theme, '--out', out, ...d]);
      expect(made.status).toBe(0);
      expect(sha256(fs.readFileSync(out))).toBe(sha256(signed[entry]!));
    }
    const drugs = await withCore(dataDir, (core) =>
      value<ReportFileView>(core.call('report:docx', { ...KEY, subject: 'drugs' })),
    );
    expect(sha256(Buffer.from(drugs.base64, 'base64'))).toBe(sha256(signed['report-drugs.docx']!));
    // Either subject's texts are locked with the period.
    const file = writeJson(dir, 'drugs-texts.json', {
      ...(JSON.parse(
        cli(['report', 'texts', '--period', '2023-Q3', '--theme', 'drugs', ...d]).stdout,
      ) as ReportTexts),
      strengths: 'Sau khi ký.',
    });
    const refused = cli([
      'report',
      '--period',
      '2023-Q3',
      '--theme',
      'drugs',
      '--texts',
      file,
      ...d,
    ]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('đã khóa');
  });
});
