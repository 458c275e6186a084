// Browser mode for a person: the printed address and a bookmark of it survive a restart
// (the secret stays in the data folder), the token leaves the address bar for an HttpOnly,
// SameSite=Strict cookie, nothing is served or written without that session, another
// folder's cookie opens nothing, and a second `serve` points to the first.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { startServer, type RunningServer } from '../../electron/server';
import { SECRET_FILE } from '../../electron/server/session';
import { cli, PROFILE, ROOT, tempDir } from './helpers';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  port: number,
  method: string,
  pathname: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        // A fresh connection each time: a kept-alive one would outlive the server restarted.
        agent: false,
        method,
        path: pathname,
        headers: { host: `127.0.0.1:${port}`, ...headers },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (data += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

let rendererDir: string;
const open: { core: Core; server: RunningServer }[] = [];

async function start(dataDir: string, port = 0) {
  const core = createCore({ dataDir, mode: 'browser' });
  const server = await startServer({ core, rendererDir, port });
  const entry = { core, server };
  open.push(entry);
  return entry;
}

async function stop(entry: { core: Core; server: RunningServer }) {
  await entry.server.close();
  entry.core.close();
  open.splice(open.indexOf(entry), 1);
}

/** `name=value` of the cookie a redirect set, with its attributes checked by the caller. */
function cookieOf(reply: Reply): { pair: string; attributes: string[] } {
  const header = reply.headers['set-cookie']?.[0] ?? '';
  const [pair = '', ...attributes] = header.split(';').map((p) => p.trim());
  return { pair, attributes };
}

const activity = JSON.stringify({
  channel: 'banner',
  date: '2023-07-28',
  communes: ['CL-HT'],
  themes: ['trafficking'],
  title: 'Treo băng rôn tuyên truyền phòng, chống mua bán người',
  audience: 0,
  costVnd: 0,
  measures: { pieces: 2 },
});

beforeAll(() => {
  rendererDir = tempDir('tt-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
});
afterAll(async () => {
  for (const entry of [...open]) await stop(entry);
});

describe('the browser-mode session', () => {
  it('keeps the address and the cookie across a restart on the same folder and port', async () => {
    const dataDir = tempDir('tt-serve-a-');
    const first = await start(dataDir);
    const { port, url } = first.server;
    const visit = await request(port, 'GET', `/?token=${first.server.token}`);
    expect(visit.status).toBe(303);
    expect(visit.headers.location).toBe('/');
    const { pair, attributes } = cookieOf(visit);
    expect(pair).toBe(first.server.cookie);
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/']));
    expect((await request(port, 'GET', '/', { cookie: pair })).status).toBe(200);
    if (process.platform !== 'win32') {
      expect(fs.statSync(path.join(dataDir, SECRET_FILE)).mode & 0o777).toBe(0o600);
    }
    await stop(first);

    const second = await start(dataDir, port);
    expect(second.server.url).toBe(url);
    // The bookmark of `/`, with the cookie the first run set.
    const bookmark = await request(port, 'GET', '/', { cookie: pair });
    expect(bookmark.status).toBe(200);
    expect(bookmark.body).toContain('<title>app</title>');
    const info = await request(
      port,
      'POST',
      '/api/app:info',
      { cookie: pair, 'content-type': 'application/json' },
      '{}',
    );
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { mode: 'browser' } });
    // Without the cookie, `/` shows how to get in, and never the app.
    const bare = await request(port, 'GET', '/');
    expect(bare.status).toBe(403);
    expect(bare.body).toContain('Hãy mở đúng địa chỉ');
    expect((await request(port, 'GET', '/?token=sai')).status).toBe(403);
  });

  it('refuses the API without a session, and writes nothing', async () => {
    const { core, server } = await start(tempDir('tt-serve-b-'));
    expect(cli(['setup', '--profile', PROFILE, '--data-dir', core.dataDir]).status).toBe(0);
    const create = (headers: Record<string, string>) =>
      request(server.port, 'POST', '/api/activities:create', headers, activity);
    const json = { 'content-type': 'application/json' };
    const refusals = [
      await create(json),
      await create({ ...json, cookie: `${server.cookie.split('=')[0]}=sai` }),
      // A simple cross-site POST: the cookie comes along, but not as JSON.
      await create({ 'content-type': 'text/plain', cookie: server.cookie }),
      // Another local program's page: same site to the browser, another origin.
      await create({ ...json, cookie: server.cookie, origin: 'http://127.0.0.1:1' }),
    ];
    for (const r of refusals) {
      expect(r.status).toBe(403);
      const body = JSON.parse(r.body) as { ok: boolean; error: { code: string; message: string } };
      expect(body.ok).toBe(false);
      expect(body.error.code).toBe('forbidden');
      expect(body.error.message).toContain('Phiên làm việc');
    }
    expect(core.activities.list({}).length).toBe(0);
    // The same request with the session is taken: the refusals above were the session's.
    const taken = await create({
      ...json,
      cookie: server.cookie,
      origin: `http://127.0.0.1:${server.port}`,
    });
    expect(JSON.parse(taken.body)).toMatchObject({ ok: true });
    const byHeader = await create({ 'x-tuyentruyen-token': server.token });
    expect(JSON.parse(byHeader.body)).toMatchObject({ ok: true });
    expect(core.activities.list({}).length).toBe(2);
  });

  it("refuses another data folder's cookie", async () => {
    const a = await start(tempDir('tt-serve-c-'));
    const b = await start(tempDir('tt-serve-d-'));
    expect(a.server.token).not.toBe(b.server.token);
    expect((await request(b.server.port, 'GET', '/', { cookie: a.server.cookie })).status).toBe(
      403,
    );
    const api = await request(
      b.server.port,
      'POST',
      '/api/app:info',
      { cookie: a.server.cookie, 'content-type': 'application/json' },
      '{}',
    );
    expect(api.status).toBe(403);
    // Even under b's cookie name, a's value is no session of b's.
    const bName = b.server.cookie.split('=')[0]!;
    const aValue = a.server.cookie.split('=')[1]!;
    expect(
      (await request(b.server.port, 'GET', '/', { cookie: `${bName}=${aValue}` })).status,
    ).toBe(403);
  });

  it('takes the next port when the one asked for is held by another program', async () => {
    const holder = net.createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', () => r()));
    const taken = (holder.address() as net.AddressInfo).port;
    const core = createCore({ dataDir: tempDir('tt-serve-e-'), mode: 'browser' });
    try {
      const server = await startServer({ core, rendererDir, port: taken, fallbackPorts: 5 });
      expect(server.port).toBeGreaterThan(taken);
      expect(server.port).toBeLessThanOrEqual(taken + 5);
      await server.close();
      // Without fallbacks, the port asked for is that port or an error.
      await expect(startServer({ core, rendererDir, port: taken })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      core.close();
      holder.close();
    }
  });
});

describe('a second `tuyentruyen serve` on the same folder', () => {
  it('prints the running address and exits 0', async () => {
    const dataDir = tempDir('tt-serve-f-');
    const env = { ...process.env, TUYENTRUYEN_NO_BROWSER: '1' };
    const bin = path.join(ROOT, 'bin/tuyentruyen.cjs');
    const first = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir], {
      cwd: ROOT,
      env,
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        first.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+/.exec(out);
          if (m) resolve(m[0]);
        });
        first.once('exit', () => reject(new Error(`serve ended: ${out}`)));
      });
      const second = cli(['serve', '--open', '--data-dir', dataDir], {
        TUYENTRUYEN_NO_BROWSER: '1',
      });
      expect(second.status).toBe(0);
      expect(second.stdout).toContain('Sổ tuyên truyền đã chạy ở');
      expect(second.stdout).toContain(url);
      expect(second.stderr).toBe('');
    } finally {
      first.kill('SIGTERM');
      await new Promise((r) => first.once('exit', r));
    }
  });
});
