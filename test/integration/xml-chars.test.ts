// Text a Word file cannot hold (XML 1.0: U+FFFE, lone surrogates, most C0 controls,
// noncharacters) is refused where it comes in, with a sentence naming the field, and nothing
// is written: once stored, it would make the period's Word file one Word and LibreOffice
// refuse to open, and the package would sign it.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { buildPackage, encodePackageData, type PackageData } from '../../electron/core/package';
import { fingerprintOf, generateOfficeKey } from '../../electron/core/signing';
import type { Input, Method, Output } from '../../shared/contract';
import type { ErrorInfo } from '../../shared/errors';
import type { ImportResult } from '../../shared/inbox';
import { makeActivities } from '../fixtures/activities';
import { OFFICES, openOffice, quarterActivities } from '../fixtures/offices';
import profile from '../fixtures/profile.json';
import { PROVINCE_PROFILE } from '../fixtures/province';
import { cli, PROFILE, tempDir, writeJson } from './helpers';

const sentence = (field: string, cp: string): { vi: string; en: string } => ({
  vi: `Trường "${field}" chứa ký tự không hợp lệ (${cp}) không thể lưu vào tệp Word; hãy xóa ký tự đó.`,
  en: `Field "${field}" holds a character (${cp}) that cannot be written into a Word file; delete it.`,
});

describe('the contract refuses characters a Word file cannot hold', () => {
  let core: Core;

  async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
    const r = await core.call(method, input);
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value as Output<M>;
  }
  async function failure(method: string, input: unknown): Promise<ErrorInfo> {
    const r = await core.call(method, input);
    if (r.ok) throw new Error(`${method} should have failed`);
    return r.error;
  }

  const van: Input<'activities:create'> = {
    channel: 'van',
    date: '2023-07-28',
    communes: ['CL-HT'],
    themes: ['trafficking'],
    title: 'Tuyên truyền lưu động phòng, chống mua bán người',
    measures: { sessions: 3, km: 45, minutes: 240 },
  };

  beforeEach(async () => {
    core = createCore({ dataDir: tempDir(), mode: 'browser' });
    await call('profile:save', JSON.parse(JSON.stringify(profile)) as Input<'profile:save'>);
  });
  afterEach(() => core.close());

  it.each([
    ['\uFFFE', 'U+FFFE'],
    ['\uD800', 'U+D800'],
    ['\u0001', 'U+0001'],
    ['\uFDD0', 'U+FDD0'],
    ['\u{1FFFF}', 'U+1FFFF'],
  ])('activities:create refuses a title holding %j and writes nothing', async (ch, cp) => {
    const error = await failure('activities:create', { ...van, title: `Tuyên truyền${ch}` });
    expect(error.code).toBe('invalid_input');
    expect(error.field).toBe('title');
    expect(error.message).toBe(sentence('title', cp).vi);
    expect(await call('activities:list', {})).toHaveLength(0);
  });

  it('keeps tab, newline, emoji and Vietnamese text', async () => {
    const title = 'Tuyên truyền\tlưu động 🎬';
    const created = await call('activities:create', { ...van, title, notes: 'Dòng 1\nDòng 2' });
    expect(created.title).toBe(title);
    expect(created.notes).toBe('Dòng 1\nDòng 2');
  });

  it('activities:update refuses and leaves the activity as it was', async () => {
    const created = await call('activities:create', van);
    const error = await failure('activities:update', {
      id: created.id,
      activity: { ...van, notes: 'Ghi chú\uFFFF' },
    });
    expect([error.code, error.field]).toEqual(['invalid_input', 'activity.notes']);
    expect((await call('activities:get', { id: created.id })).notes).toBe('');
  });

  it('report:saveTexts refuses a bad character in strengths and keeps the saved texts', async () => {
    const before = await call('report:texts', { period: '2023-Q3' });
    const error = await failure('report:saveTexts', {
      period: '2023-Q3',
      texts: { ...before, strengths: 'Làm tốt\uFFFE việc tuyên truyền' },
    });
    expect([error.code, error.field]).toEqual(['invalid_input', 'texts.strengths']);
    expect(error.message).toBe(sentence('texts.strengths', 'U+FFFE').vi);
    expect(await call('report:texts', { period: '2023-Q3' })).toEqual(before);
  });

  it('directives:save refuses and the register stays empty', async () => {
    const error = await failure('directives:save', {
      number: '12/KH-UBND',
      date: '2023-07-01',
      issuer: 'UBND huyện Cao Lộc',
      subject: 'Kế hoạch tuyên truyền\u0008',
      direction: 'incoming',
    });
    expect([error.code, error.field]).toEqual(['invalid_input', 'subject']);
    expect(await call('directives:list', {})).toHaveLength(0);
  });

  it('profile:save refuses a bad office name and keeps the saved profile', async () => {
    const bad = JSON.parse(JSON.stringify(profile)) as Input<'profile:save'>;
    bad.office.name = 'Phòng Văn hóa\uFFFF và Thông tin';
    const error = await failure('profile:save', bad);
    expect([error.code, error.field]).toEqual(['invalid_input', 'office.name']);
    expect(error.message).toBe(sentence('office.name', 'U+FFFF').vi);
    expect((await call('profile:get', {}))?.office.name).toBe(profile.office.name);
  });

  it('periods:unlock refuses a bad character in its reason', async () => {
    const error = await failure('periods:unlock', {
      period: '2023-Q3',
      reason: 'Sửa số liệu\uDC00 cho đúng',
    });
    expect([error.code, error.field]).toEqual(['invalid_input', 'reason']);
  });
});

describe('tuyentruyen activities import', () => {
  it('refuses a file with a bad character, names the record and the field, writes nothing', () => {
    const dir = tempDir();
    const data = ['--data-dir', path.join(dir, 'data')];
    expect(cli(['setup', '--profile', PROFILE, ...data]).status).toBe(0);
    const records = makeActivities(3) as Array<Record<string, unknown>>;
    records[1] = { ...records[1], title: 'Treo băng rôn\uFFFE tại xã' };
    const file = writeJson(dir, 'bad.json', records);

    const r = cli(['activities', 'import', file, ...data]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(
      `Tệp ${file}, bản ghi số 1 (id "act-1"): ${sentence('title', 'U+FFFE').vi}`,
    );
    const en = cli(['activities', 'import', file, '--lang', 'en', ...data]);
    expect(en.status).toBe(1);
    expect(en.stderr.trim()).toBe(
      `File ${file}, record 1 (id "act-1"): ${sentence('title', 'U+FFFE').en}`,
    );

    const listed = cli(['activities', 'list', '--json', ...data]);
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([]);
  });
});

describe('the province desk', () => {
  it('refuses a signed package whose data holds a bad character, naming the activity and field', async () => {
    const root = tempDir('tt-xml-');
    const office = await openOffice(OFFICES[0]!, root);
    const desk = createCore({ dataDir: path.join(root, 'province'), mode: 'cli' });
    try {
      office.add(quarterActivities('2023-Q3', 3, 11));
      // The app refuses to sign such text, so this package comes from another tool with a
      // genuine key: the desk's own check is the last one.
      const key = generateOfficeKey({ code: OFFICES[0]!.code, name: 'Phòng Văn hóa và Thông tin' });
      const fingerprint = fingerprintOf(key.certificateDer);
      const report = await office.core.report.build('2023-Q3', 'trafficking', new Date());
      const signed = office.core.packages.data(office.core.report.period('2023-Q3'), [report]);
      const data = JSON.parse(signed.bytes.toString('utf8')) as PackageData;
      data.activities = data.activities.map((a) =>
        a.id === '2023-Q3-11-1' ? { ...a, title: 'Chiếu phim\uFFFE lưu động' } : a,
      );
      const pkg = await buildPackage({
        data: encodePackageData(data),
        reportDocx: [report.docx],
        photoFiles: new Map(),
        sequence: 1,
        supersedes: null,
        createdAt: new Date().toISOString(),
        key: { ...key, fingerprint },
      });

      expect((await desk.call('profile:save', PROVINCE_PROFILE)).ok).toBe(true);
      const trusted = await desk.call('trust:addFingerprint', {
        code: OFFICES[0]!.code,
        name: 'Phòng Văn hóa và Thông tin huyện Cao Lộc',
        fingerprint,
      });
      expect(trusted.ok).toBe(true);
      const r = await desk.call('inbox:import', {
        fileName: 'LS-CAOLOC-VHTT_2023-Q3_0001.ttpkg',
        base64: pkg.bytes.toString('base64'),
      });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      const result = r.value as ImportResult;
      expect(result.outcome).toBe('refused');
      expect(result.message.vi).toBe(
        `Tệp data.json: hoạt động 2023-Q3-11-1: ${sentence('title', 'U+FFFE').vi}`,
      );
      const figures = await desk.call('inbox:packages', {});
      expect(figures.ok && (figures.value as unknown[]).length).toBe(0);
    } finally {
      desk.close();
      office.close();
    }
  }, 60_000);
});
