// The one transport switch of the renderer. Under Electron the preload exposes
// `window.api.call`; in browser mode the same contract is spoken over
// POST /api/<method> to 127.0.0.1 with the session token. Either way the caller gets a
// typed `api` whose methods resolve with the value or throw an ApiError.

import {
  HTTP_API_PREFIX,
  HTTP_TOKEN_HEADER,
  METHOD_NAMES,
  type Api,
  type Method,
} from '../../shared/contract';
import type { ErrorCode, ErrorInfo, Result } from '../../shared/errors';

interface PreloadApi {
  call: (method: string, input: unknown) => Promise<Result<unknown>>;
}

declare global {
  interface Window {
    api?: PreloadApi;
  }
}

/** An error returned by the engine; `message` is already Vietnamese. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  /** Dotted path of the field at fault ("measures.km", "communes[0]"). */
  readonly field: string | undefined;

  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'ApiError';
    this.code = info.code;
    this.field = info.field;
  }
}

/** The message to show for anything thrown by an api call. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

function sessionToken(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="tuyentruyen-token"]');
  const fromMeta = meta?.content ?? '';
  if (fromMeta !== '') return fromMeta;
  // The server puts the token in the page too; the query string is only a fallback.
  return new URLSearchParams(window.location.search).get('token') ?? '';
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
      headers: { 'content-type': 'application/json', [HTTP_TOKEN_HEADER]: sessionToken() },
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

async function invoke(method: Method, input: unknown): Promise<unknown> {
  const result = window.api ? await window.api.call(method, input) : await overHttp(method, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export const api: Api = Object.fromEntries(
  METHOD_NAMES.map((method) => [method, (input: unknown) => invoke(method, input)]),
) as Api;
