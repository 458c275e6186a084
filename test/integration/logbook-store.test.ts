// The logbook's store over the real engine (the desktop app's `window.api`, here a core on a
// SQLite file): the first page comes without the page keys, the keys are asked once, and a
// list that another program grew between the count and the keys is counted again, so every
// row can be scrolled to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import type { Input } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { makeActivities } from '../fixtures/activities';
import profile from '../fixtures/profile.json';
import { tempDir } from './helpers';

let core: Core;
let dataDir: string;
/** Every method the store asked the engine, in order. */
const asked: string[] = [];

beforeAll(async () => {
  dataDir = tempDir();
  core = createCore({ dataDir, mode: 'browser' });
  await core.call('profile:save', JSON.parse(JSON.stringify(profile)) as Input<'profile:save'>);
  await core.call('activities:import', { fileName: 'a.json', records: makeActivities(450, 11) });
  const call = (method: string, input: unknown): Promise<Result<unknown>> => {
    asked.push(method);
    return core.call(method, input);
  };
  // The renderer's side of the preload: the store reaches the engine through it.
  Object.assign(globalThis, {
    window: { api: { call }, requestIdleCallback: (run: () => void) => setTimeout(run, 0) },
  });
}, 60_000);
afterAll(() => core.close());

const store = async () => (await import('../../renderer/src/stores/logbook')).useLogbookStore;
const idle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the logbook store', () => {
  it('shows the first page and the count without the page keys, then asks for them once', async () => {
    const logbook = await store();
    await logbook.getState().load();
    expect(asked).toEqual(['activities:pages']);
    expect(logbook.getState().total).toBe(450);
    expect(logbook.getState().pages.get(0)).toHaveLength(200);
    await idle(); // asked when the browser is idle, before anyone scrolls
    expect(asked).toEqual(['activities:pages', 'activities:anchors']);
    logbook.getState().ensurePage(2);
    await idle();
    expect(asked.filter((m) => m === 'activities:anchors')).toHaveLength(1);
    expect(logbook.getState().pages.get(2)).toHaveLength(50);
  });

  it('counts again when another program added rows between the count and the keys', async () => {
    const logbook = await store();
    // From another list (the bin, empty): the logbook opens at its top, with its first page only.
    logbook.getState().setFilter({ deleted: true });
    await idle();
    asked.length = 0;
    logbook.setState({ filter: { ...logbook.getState().filter, deleted: false } });
    await logbook.getState().load();
    // The CLI beside the app imports 250 more before the keys are read.
    const cli = createCore({ dataDir, mode: 'cli' });
    const more = makeActivities(250, 12).map((a, i) => ({ ...a, id: `later-${i}` }));
    cli.activities.importMany(more, (i) => ({ vi: `#${i}`, en: `#${i}` }));
    cli.close();
    await idle();
    await idle();
    // The keys named four pages where the count said three: the list was read again.
    expect(asked.slice(0, 3)).toEqual([
      'activities:pages',
      'activities:anchors',
      'activities:pages',
    ]);
    expect(logbook.getState().total).toBe(700);
    logbook.getState().ensurePage(3);
    await idle();
    await idle();
    const last = logbook.getState().pages.get(3);
    expect(last).toHaveLength(100);
  });
});
