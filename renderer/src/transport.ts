// How a call reaches the engine. Under Electron the preload exposes `window.api.call`; in
// browser mode the same contract is spoken over POST /api/<method> to 127.0.0.1, authorised
// by the session cookie the server set. Kept apart from api.ts so boot.ts, which sends the
// first screen's reads before the app's code has loaded, carries nothing else.
import type { ErrorInfo, Result } from '../../shared/errors';
import { HTTP_API_PREFIX, type PreloadApi } from '../../shared/transport';
import type { EarlyReads } from './lib/early';

declare global {
  interface Window {
    api?: PreloadApi;
    /** The reads boot.ts sent as the page started (absent in tests and before it ran). */
    tuyentruyenEarly?: EarlyReads<Result<unknown>>;
  }
}

const offline: ErrorInfo = {
  code: 'internal',
  message:
    'Không kết nối được với phần xử lý dữ liệu của ứng dụng. Hãy đóng và mở lại ứng dụng; dữ liệu đã lưu không bị mất.',
};

async function overHttp(method: string, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`${HTTP_API_PREFIX}${method}`, {
      method: 'POST',
      // The server takes the cookie only with this type (a cross-site form cannot send it).
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: offline };
  }
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return {
      ok: false,
      error: { ...offline, message: `${offline.message} (HTTP ${String(response.status)})` },
    };
  }
}

/** One call to the engine, by whichever transport this page has. */
export function send(method: string, input: unknown): Promise<Result<unknown>> {
  return window.api ? window.api.call(method, input) : overHttp(method, input);
}
