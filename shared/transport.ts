// Names of the transports. Kept apart from contract.ts so the sandboxed preload bundles
// these few constants and not the schemas.
import type { Result } from './errors';

/** The single IPC channel: the method travels as data, never as a channel name. */
export const IPC_CHANNEL = 'tuyentruyen:call';
/** Browser mode: POST /api/<method>. */
export const HTTP_API_PREFIX = '/api/';
export const HTTP_TOKEN_HEADER = 'x-tuyentruyen-token';

/** What the preload puts on `window.api`. */
export interface PreloadApi {
  call(method: string, input: unknown): Promise<Result<unknown>>;
}
