// The province desk's rules at their edges (issue 5, found in review): a commune dropped by
// the office, a certificate registered under the wrong code, the same file twice at once, a
// quarantined package older than what counts, a reinstalled office (new key, sequence from 1),
// another cut-off rule, and a revoked certificate registered again.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import type { ImportResult, InboxStatus, MergedData, TrustResult } from '../../shared/inbox';
import type { ReportData } from '../../shared/report';
import {
  OFFICES,
  officeProfile,
  openOffice,
  quarterActivities,
  type Office,
} from '../fixtures/offices';
import { PROVINCE_PROFILE } from '../fixtures/province';
import { tempDir } from './helpers';

async function ok<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

async function province(root: string, name: string): Promise<Core> {
  const core = createCore({ dataDir: path.join(root, name), mode: 'cli' });
  await ok(core, 'profile:save', PROVINCE_PROFILE);
  return core;
}

const pemOf = async (o: Office) => Buffer.from(await o.certificatePem()).toString('base64');
const take = async (core: Core, file: string): Promise<ImportResult> =>
  ok<ImportResult>(core, 'inbox:import', {
    fileName: path.basename(file),
    base64: fs.readFileSync(file).toString('base64'),
  });
const stateOf = async (core: Core, code: string, period = '2023-Q3') =>
  (await ok<InboxStatus>(core, 'inbox:status', { period })).offices.find((o) => o.code === code);

describe('the rules of the province desk at their edges', () => {
  const root = tempDir('tt-inbox-rules-');
  const out = path.join(root, 'out');
  const opened: (Office | Core)[] = [];
  let a: Office;

  beforeAll(async () => {
    fs.mkdirSync(out);
    a = await openOffice(OFFICES[0]!, root);
    opened.push(a);
  }, 60_000);

  afterAll(() => {
    for (const o of opened) o.close();
  });

  it('counts activities in a commune the office dropped from its list since, as the office did', async () => {
    const office = await openOffice(OFFICES[1]!, root);
    opened.push(office);
    office.add(quarterActivities('2023-Q3', 40, 7));
    // The office drops its fourth commune (merged into another), keeping its activities.
    const profile = officeProfile(OFFICES[1]!);
    const dropped = profile.communes[3]!;
    await ok(office.core, 'profile:save', {
      ...profile,
      communes: profile.communes.filter((c) => c !== dropped),
    });
    const pkg = await office.export('2023-Q3', out);
    const own = (await ok<ReportData>(office.core, 'report:data', { period: '2023-Q3' })).figures;
    expect(own.byCommune.some((c) => c.code === dropped.code && c.activities > 0)).toBe(true);

    const desk = await province(root, 'p-former');
    opened.push(desk);
    await ok(desk, 'trust:addCertificate', { base64: await pemOf(office) });
    expect((await take(desk, pkg.path)).outcome).toBe('accepted');
    const merged = await ok<MergedData>(desk, 'inbox:figures', { period: '2023-Q3' });
    expect(merged.figures.activities).toBe(own.activities);
    expect(merged.figures.flagged).toEqual(own.flagged);
    expect(merged.figures.byChannel).toEqual(own.byChannel);
    const former = merged.figures.byCommune.find((c) => c.code.endsWith(`/${dropped.code}`))!;
    expect(former.activities).toBe(own.byCommune.find((c) => c.code === dropped.code)!.activities);
  });

  it('a certificate registered under a wrong code is moved by revoking it and registering again', async () => {
    a.add(quarterActivities('2023-Q3', 10, 1));
    const pkg = await a.export('2023-Q3', out);
    const desk = await province(root, 'p-typo');
    opened.push(desk);
    const key = await ok<{ fingerprint: string }>(a.core, 'key:info', {});
    await ok(desk, 'trust:addFingerprint', {
      code: 'LS-CAOLOC-VHT', // a typo
      name: 'Phòng Văn hóa và Thông tin huyện Cao Lộc',
      fingerprint: key.fingerprint,
    });
    expect((await take(desk, pkg.path)).outcome).toBe('quarantined');
    const refused = await desk.call('trust:addCertificate', { base64: await pemOf(a) });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toContain(
      'hãy thu hồi chứng thư ở đơn vị LS-CAOLOC-VHT',
    );

    await ok(desk, 'trust:revoke', { fingerprint: key.fingerprint });
    const moved = await ok<TrustResult>(desk, 'trust:addCertificate', { base64: await pemOf(a) });
    expect(moved.office.code).toBe('LS-CAOLOC-VHTT');
    expect(moved.fingerprint).toBe(key.fingerprint);
    expect(moved.released.map((r) => r.outcome)).toEqual(['accepted']);
    const status = await ok<InboxStatus>(desk, 'inbox:status', { period: '2023-Q3' });
    // The mistyped office holds no certificate any more: it is not expected to report.
    expect(status.offices.map((o) => [o.code, o.state])).toEqual([['LS-CAOLOC-VHTT', 'received']]);

    // The mistyped office can go (asked in the page); undone from the audit log.
    await ok(desk, 'trust:removeOffice', { code: 'LS-CAOLOC-VHT' });
    const codes = async () =>
      (await ok<{ code: string }[]>(desk, 'trust:list', {})).map((o) => o.code);
    expect(await codes()).toEqual(['LS-CAOLOC-VHTT']);
    const back = await ok<TrustResult>(desk, 'trust:restoreOffice', { code: 'LS-CAOLOC-VHT' });
    expect(back.office).toMatchObject({ code: 'LS-CAOLOC-VHT', certificates: [] });
    expect(await codes()).toEqual(['LS-CAOLOC-VHT', 'LS-CAOLOC-VHTT']);
    // An office whose packages were counted cannot be removed: its figures keep its name.
    const kept = await desk.call('trust:removeOffice', { code: 'LS-CAOLOC-VHTT' });
    expect(!kept.ok && kept.error.message).toContain('không xóa được');
    expect(await codes()).toEqual(['LS-CAOLOC-VHT', 'LS-CAOLOC-VHTT']);
  });

  it('takes the same file in twice at once: one counted, the other "already received"', async () => {
    const pkg = await a.export('2023-Q3', out);
    const desk = await province(root, 'p-twice');
    opened.push(desk);
    await ok(desk, 'trust:addCertificate', { base64: await pemOf(a) });
    const both = await Promise.all([take(desk, pkg.path), take(desk, pkg.path)]);
    expect(both.map((r) => r.outcome).sort()).toEqual(['accepted', 'duplicate']);
  });

  it('a reinstalled office (new key, sequence from 1) corrects by date; an old quarantined package stays out', async () => {
    const desk = await province(root, 'p-reinstall');
    opened.push(desk);
    await ok(desk, 'trust:addCertificate', { base64: await pemOf(a) });
    const before = await a.export('2023-Q3', out); // sequence 3 or more, old key
    expect((await take(desk, before.path)).outcome).toBe('accepted');

    const fresh = await openOffice(OFFICES[0]!, root); // same office, new computer, new key
    opened.push(fresh);
    fresh.add(quarterActivities('2023-Q3', 25, 42));
    const after = await fresh.export('2023-Q3', out);
    expect(after.sequence).toBe(1);
    // Until the province registers the new key, the package waits in quarantine.
    expect((await take(desk, after.path)).outcome).toBe('quarantined');
    const trusted = await ok<TrustResult>(desk, 'trust:addCertificate', {
      base64: await pemOf(fresh),
    });
    expect(trusted.released.map((r) => r.outcome)).toEqual(['corrected']);
    expect(await stateOf(desk, 'LS-CAOLOC-VHTT')).toMatchObject({
      state: 'corrected',
      sequence: 1,
    });

    // The old key's earlier package, quarantined, then let in: older, so it never counts and
    // does not make the office look corrected.
    const desk2 = await province(root, 'p-stale');
    opened.push(desk2);
    await ok(desk2, 'trust:addCertificate', { base64: await pemOf(fresh) });
    expect((await take(desk2, after.path)).outcome).toBe('accepted');
    expect((await take(desk2, before.path)).outcome).toBe('quarantined');
    const late = await ok<TrustResult>(desk2, 'trust:addCertificate', { base64: await pemOf(a) });
    expect(late.released.map((r) => r.outcome)).toEqual(['refused']);
    expect(late.released[0]!.message.vi).toContain('được ký bằng khóa khác');
    expect(await stateOf(desk2, 'LS-CAOLOC-VHTT')).toMatchObject({
      state: 'received',
      sequence: 1,
    });
    const held = await ok<{ status: string }[]>(desk2, 'inbox:packages', {});
    expect(held.map((p) => p.status).sort()).toEqual(['current', 'stale']);
  }, 60_000);

  it('refuses a package made under another cut-off rule, naming both date ranges', async () => {
    const spec = {
      code: 'LS-BINHGIA-VHTT',
      name: 'Phòng Văn hóa và Thông tin',
      parent: 'UBND huyện Bình Gia',
    };
    const office = await openOffice(spec, root);
    opened.push(office);
    const profile = officeProfile(spec);
    await ok(office.core, 'profile:save', {
      ...profile,
      office: { ...profile.office, cutoff: 'calendar' },
    });
    office.add(quarterActivities('2023-Q3', 5, 3).map((x) => ({ ...x, date: '2023-08-01' })));
    const pkg = await office.export('2023-Q3', out);
    const desk = await province(root, 'p-cutoff');
    opened.push(desk);
    await ok(desk, 'trust:addCertificate', { base64: await pemOf(office) });
    const r = await take(desk, pkg.path);
    expect(r.outcome).toBe('refused');
    expect(r.message.vi).toContain('từ 01/07/2023 đến 30/09/2023');
    expect(r.message.vi).toContain('từ 15/06/2023 đến 14/09/2023');
    expect(await ok<unknown[]>(desk, 'inbox:packages', {})).toEqual([]);
  });

  it('registering a revoked certificate again is refused and points to "Khôi phục"', async () => {
    const desk = await province(root, 'p-revoked');
    opened.push(desk);
    const { fingerprint } = await ok<TrustResult>(desk, 'trust:addCertificate', {
      base64: await pemOf(a),
    });
    await ok(desk, 'trust:revoke', { fingerprint });
    const again = await desk.call('trust:addCertificate', { base64: await pemOf(a) });
    expect(!again.ok && again.error.message).toContain('Khôi phục');
    const restored = await ok<TrustResult>(desk, 'trust:restore', { fingerprint });
    expect(restored.office.certificates[0]!.revokedAt).toBeNull();
  });
});
