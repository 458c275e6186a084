// The renderer's one door to the engine: a typed `api` whose methods resolve with the value
// or throw an ApiError, over IPC or HTTP (transport.ts). A call that needs the signing key's
// passphrase asks for it here, once for all the screens, and is retried.

// Types only from the contract: its values are the engine's input schemas, code the first
// screen would have to load and run before anything shows.
import type { Api, Method } from '../../shared/contract';
import type { ErrorCode, ErrorInfo, Result } from '../../shared/errors';
import { send as sendNow } from './transport';

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

/**
 * Shows the passphrase prompt; resolves true once 'key:unlock' took a passphrase, false when
 * the person cancelled. Set by components/PassphrasePrompt while it is mounted.
 */
export type PassphraseAsker = () => Promise<boolean>;
let askPassphrase: PassphraseAsker | null = null;
/** One prompt for calls that need the key at the same time. */
let asking: Promise<boolean> | null = null;

export function setPassphraseAsker(asker: PassphraseAsker | null): void {
  askPassphrase = asker;
}

const notUnlocked: ErrorInfo = {
  code: 'passphrase_required',
  message: 'Chưa nhập mật khẩu khóa ký nên việc này chưa được thực hiện.',
  field: 'passphrase',
};

/** A read boot.ts already sent is taken, not asked again (lib/early.ts says when). */
const send = (method: Method, input: unknown): Promise<Result<unknown>> =>
  window.tuyentruyenEarly?.take(method, input, writesSent) ?? sendNow(method, input);

/**
 * Calls that change nothing, as the contract marks them (a unit test holds them to it). Any
 * other call counts as a write: a read counted so only has an early answer asked again.
 */
export const READS: ReadonlySet<string> = new Set<Method>([
  'app:info',
  'app:integrity',
  'profile:get',
  'settings:getDesks',
  'settings:getDelivery',
  'activities:list',
  'activities:summary',
  'activities:pages',
  'activities:anchors',
  'activities:page',
  'activities:get',
  'activities:latest',
  'activities:largest',
  'activities:audit',
  'activities:photos',
  'photos:image',
  'periods:locks',
  'directives:list',
  'report:data',
  'report:series',
  'report:texts',
  'key:info',
  'package:list',
  'outbox:list',
  'trust:list',
  'inbox:packages',
  'backup:status',
  'backup:list',
]);

let writesSent = 0;

/** How many calls that may write have been sent: a read answered before a write is stale. */
export function writeCount(): number {
  return writesSent;
}

async function invoke(method: Method, input: unknown): Promise<unknown> {
  if (!READS.has(method)) writesSent += 1;
  let result = await send(method, input);
  if (!result.ok && result.error.code === 'passphrase_required' && method !== 'key:unlock') {
    const asker = askPassphrase;
    if (asker) {
      asking ??= asker().finally(() => {
        asking = null;
      });
      result = (await asking) ? await send(method, input) : { ok: false, error: notUnlocked };
    }
  }
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

/** `api['activities:pages'](input)`: each method of the contract, typed by it. */
const made = new Map<string, (input: unknown) => Promise<unknown>>();
export const api = new Proxy(made, {
  get: (cache, method) => {
    // Not a thenable (a promise resolved with `api` would call it) and no symbols.
    if (typeof method !== 'string' || method === 'then') return undefined;
    let call = cache.get(method);
    if (!call) {
      call = (input: unknown) => invoke(method as Method, input);
      cache.set(method, call);
    }
    return call;
  },
}) as unknown as Api;
