import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { startServer, type RunningServer } from '../../electron/server';
import { HTTP_TOKEN_HEADER } from '../../shared/contract';
import { tempDir } from './helpers';

let core: Core;
let server: RunningServer;
let rendererDir: string;

/** Raw requests, so that the Host header can be forged. */
function request(
  method: string,
  pathname: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path: pathname,
        headers: { host: `127.0.0.1:${server.port}`, ...headers },
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

beforeAll(async () => {
  rendererDir = tempDir('tt-renderer-');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><script src="./assets/app.js"></script>',
  );
  fs.writeFileSync(path.join(rendererDir, 'assets/app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(rendererDir), 'secret.txt'), 'outside');
  core = createCore({ dataDir: tempDir(), mode: 'browser' });
  server = await startServer({ core, rendererDir });
});
afterAll(async () => {
  await server.close();
  core.close();
});

describe('browser mode server', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the page with a strict CSP only to a session, which the token URL opens', async () => {
    const opened = await request('GET', `/?token=${server.token}`);
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/');
    const ok = await request('GET', '/', { cookie: server.cookie });
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('<script src="./assets/app.js">');
    expect(ok.body).not.toContain(server.token);
    expect(ok.headers['content-security-policy']).toContain("script-src 'self'");
    const without = await request('GET', '/');
    expect(without.status).toBe(403);
    expect(without.body).not.toContain(server.token);
  });

  it('refuses another Host (DNS rebinding)', async () => {
    const r = await request(
      'POST',
      '/api/app:info',
      { host: 'evil.example:80', [HTTP_TOKEN_HEADER]: server.token },
      '{}',
    );
    expect(r.status).toBe(403);
  });

  it('refuses API calls without the token', async () => {
    const r = await request('POST', '/api/app:info', {}, '{}');
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers the contract, and parses input by its schema', async () => {
    const info = await request(
      'POST',
      '/api/app:info',
      { [HTTP_TOKEN_HEADER]: server.token },
      '{}',
    );
    expect(JSON.parse(info.body)).toMatchObject({
      ok: true,
      value: { mode: 'browser', writable: true, hasProfile: false },
    });
    const bad = await request(
      'POST',
      '/api/activities:get',
      { [HTTP_TOKEN_HEADER]: server.token },
      '{"id":"x","extra":1}',
    );
    expect(JSON.parse(bad.body)).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        field: 'extra',
        message: 'Trường "extra" không có trong định dạng, không được phép.',
      },
    });
    const notJson = await request(
      'POST',
      '/api/app:info',
      { [HTTP_TOKEN_HEADER]: server.token },
      '{oops',
    );
    expect(notJson.status).toBe(400);
  });

  it('serves assets but nothing outside the renderer folder', async () => {
    const asset = await request('GET', '/assets/app.js');
    expect(asset.status).toBe(200);
    // Named by their content's hash: kept by the browser; the page and the answers are not.
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await request('GET', '/')).headers['cache-control']).toBe('no-store');
    const escape = await request(
      'GET',
      `/..%2f${path.basename(path.dirname(rendererDir))}%2fsecret.txt`,
    );
    expect(escape.status).toBe(404);
    expect((await request('GET', '/../secret.txt')).status).toBe(404);
  });
});
