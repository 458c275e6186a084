// The first thing the page runs, before the app's scripts have arrived and compiled: it asks
// the engine for what the first screen shows (the app's state, the desks, the profile and
// the logbook's first page), so the answers are in when the code that draws them starts.
// api.ts takes each answer once for the same question (lib/early.ts). Built on its own
// into boot.js (scripts/build.mjs): it must stay small and load nothing else.
import type { Result } from '../../shared/errors';
import { EarlyReads } from './lib/early';
import { openingFilter, pagesInput, toApiFilter } from './lib/logbookFilter';
import { send } from './transport';

const early = new EarlyReads<Result<unknown>>();
const ask = (method: string, input: unknown) =>
  early.send(method, input, () => send(method, input));

ask('app:info', {});
ask('settings:getDesks', {});
ask('profile:get', {});
ask('activities:pages', pagesInput(toApiFilter(openingFilter())));
window.tuyentruyenEarly = early;
