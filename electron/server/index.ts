// Browser mode: the same renderer and the same contract over HTTP, for machines where the
// Electron binary is missing and for tests in Chromium. Bound to 127.0.0.1 only; the Host
// header is checked (DNS rebinding). The printed URL carries a token derived from a secret
// kept in the data folder (./session): opening it sets a session cookie and redirects to
// `/`, so the token leaves the address bar and a bookmark of `/` works after a restart.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { HTTP_API_PREFIX, HTTP_TOKEN_HEADER } from '../../shared/contract';
import type { Core } from '../core';
import { cookieOf, loadSecret, sameSecret, sessionKeys, setCookieHeader } from './session';

/** `tuyentruyen serve`'s port when none is given: one address for bookmarks. */
export const DEFAULT_PORT = 47321;

export interface ServerOptions {
  core: Core;
  /** 0 picks a free port. */
  port?: number;
  /** Ports after `port` tried in turn when it is taken by another program (0: none). */
  fallbackPorts?: number;
  /** Folder of the built renderer (dist/renderer). */
  rendererDir?: string;
  /** The secret the token and cookie derive from; by default the data folder's own. */
  secret?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  /** The session cookie, `name=value`, as a visit to `url` sets it. */
  cookie: string;
  close(): Promise<void>;
}

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// Fits the largest input of the contract: a package sent as base64 ('inbox:import', 48 MB).
const MAX_BODY = 64 * 1024 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export function defaultRendererDir(): string {
  // dist/cli.cjs and dist/main.cjs sit next to dist/renderer; from sources (tests) use dist/.
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  const beside = path.join(here, 'renderer');
  return fs.existsSync(beside) ? beside : path.resolve(here, '../../dist/renderer');
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

function send(
  res: http.ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': type, ...SECURITY_HEADERS, ...headers });
  res.end(body);
}

/**
 * The build names every file under assets/ by a hash of its content, so a name never serves
 * other bytes: the browser may keep them (and the code it compiled from them) for good.
 */
const IMMUTABLE = { 'Cache-Control': 'public, max-age=31536000, immutable' };

const HELP_PAGE =
  '<!doctype html><meta charset="utf-8"><title>Sổ tuyên truyền</title>' +
  '<p>Hãy mở đúng địa chỉ (có mã phiên) được in ra khi chạy <code>tuyentruyen serve</code> ' +
  'hoặc <code>npm start</code>. Sau lần mở đó, trình duyệt này mở được thẳng địa chỉ không có mã phiên.</p>';

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), TYPES['.json']!);
}

function forbidden(res: http.ServerResponse, vi: string): void {
  sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: vi } });
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Listens on `port`, or the next ones when it is taken; 0 picks any free port. */
async function listen(server: http.Server, port: number, fallbacks: number): Promise<number> {
  for (let i = 0; ; i += 1) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port === 0 ? 0 : port + i, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      });
      return (server.address() as AddressInfo).port;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0 || i >= fallbacks)
        throw err;
    }
  }
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const keys = sessionKeys(options.secret ?? loadSecret(options.core.dataDir));
  const rendererDir = options.rendererDir ?? defaultRendererDir();
  const indexFile = path.join(rendererDir, 'index.html');
  let port = 0;

  const hasCookie = (req: http.IncomingMessage): boolean =>
    sameSecret(cookieOf(req.headers.cookie, keys.cookieName), keys.cookieValue);

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      console.error('[serve]', err);
      if (!res.headersSent)
        sendJson(res, 500, {
          ok: false,
          error: { code: 'internal', message: 'Lỗi máy chủ nội bộ.' },
        });
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // Only our own origin: a page elsewhere that rebinds a name to 127.0.0.1 is refused.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return forbidden(res, 'Địa chỉ truy cập không hợp lệ.');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith(HTTP_API_PREFIX)) {
      if (req.method !== 'POST') return forbidden(res, 'Chỉ nhận yêu cầu POST.');
      // A page of another local program (another port is the same site to the browser)
      // must not drive the API with our cookie: its requests carry its own Origin, and
      // without a JSON content type they would not even need the browser's permission.
      const origin = req.headers.origin;
      const own = origin === undefined || origin === `http://${host}`;
      const given = req.headers[HTTP_TOKEN_HEADER];
      const byHeader = typeof given === 'string' && sameSecret(given, keys.token);
      const json = (req.headers['content-type'] ?? '').startsWith('application/json');
      if (!own || !(byHeader || (json && hasCookie(req)))) {
        return forbidden(
          res,
          'Phiên làm việc không hợp lệ: hãy mở lại địa chỉ được in khi khởi động.',
        );
      }
      const method = decodeURIComponent(url.pathname.slice(HTTP_API_PREFIX.length));
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body === '' ? {} : (JSON.parse(body) as unknown);
      } catch {
        return sendJson(res, 400, {
          ok: false,
          error: { code: 'invalid_input', message: 'Dữ liệu gửi lên không phải JSON hợp lệ.' },
        });
      }
      const result = await options.core.call(method, input, 'vi');
      return sendJson(res, 200, result);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD')
      return forbidden(res, 'Yêu cầu không được phép.');

    if (url.pathname === '/' || url.pathname === '/index.html') {
      const given = url.searchParams.get('token');
      if (given !== null && (sameSecret(given, keys.token) || hasCookie(req))) {
        // The token served its purpose: keep it out of the history and of screenshots.
        res.writeHead(303, {
          Location: '/',
          ...(sameSecret(given, keys.token) ? { 'Set-Cookie': setCookieHeader(keys) } : {}),
          ...SECURITY_HEADERS,
        });
        return void res.end();
      }
      if (given !== null || !hasCookie(req)) return send(res, 403, HELP_PAGE, TYPES['.html']!);
      return send(res, 200, fs.readFileSync(indexFile), TYPES['.html']!);
    }

    // Static assets of the renderer: public code, no token needed; no path escapes the folder.
    const file = path.resolve(rendererDir, `.${decodeURIComponent(url.pathname)}`);
    if (
      !file.startsWith(rendererDir + path.sep) ||
      !fs.existsSync(file) ||
      !fs.statSync(file).isFile()
    ) {
      return send(res, 404, 'Không tìm thấy.', 'text/plain; charset=utf-8');
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const hashed = url.pathname.startsWith('/assets/');
    return send(res, 200, fs.readFileSync(file), type, hashed ? IMMUTABLE : {});
  }

  port = await listen(server, options.port ?? 0, options.fallbackPorts ?? 0);
  return {
    url: `http://127.0.0.1:${port}/?token=${keys.token}`,
    port,
    token: keys.token,
    cookie: `${keys.cookieName}=${keys.cookieValue}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
