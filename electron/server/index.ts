// Browser mode: the same renderer and the same contract over HTTP, for machines where the
// Electron binary is missing and for tests in Chromium. Bound to 127.0.0.1 only; the Host
// header is checked (DNS rebinding) and every API call carries a per-run random token that
// only the printed URL gives away.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { HTTP_API_PREFIX, HTTP_TOKEN_HEADER } from '../../shared/contract';
import type { Core } from '../core';

export interface ServerOptions {
  core: Core;
  /** 0 picks a free port. */
  port?: number;
  /** Folder of the built renderer (dist/renderer). */
  rendererDir?: string;
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
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

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

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

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = options.rendererDir ?? defaultRendererDir();
  const indexFile = path.join(rendererDir, 'index.html');
  let port = 0;

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
      const given = req.headers[HTTP_TOKEN_HEADER];
      if (typeof given !== 'string' || !sameToken(given, token)) {
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
      const given = url.searchParams.get('token') ?? '';
      if (!sameToken(given, token)) {
        return send(
          res,
          403,
          '<!doctype html><meta charset="utf-8"><title>Sổ tuyên truyền</title>' +
            '<p>Hãy mở đúng địa chỉ (có mã phiên) được in ra khi chạy <code>tuyentruyen serve</code>.</p>',
          TYPES['.html']!,
        );
      }
      const html = fs
        .readFileSync(indexFile, 'utf8')
        .replace(
          /<meta name="tuyentruyen-token" content="[^"]*"\s*\/?>/,
          `<meta name="tuyentruyen-token" content="${token}">`,
        );
      return send(res, 200, html, TYPES['.html']!);
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
    return send(res, 200, fs.readFileSync(file), type);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
