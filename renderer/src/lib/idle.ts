// Work a screen will likely need soon, done once the browser is idle so that what the person
// waits for comes first (code loaded from disk, the logbook's page keys).

/** Runs `load` when the browser is idle (within 3 s); a failure is left to the next use. */
export function whenIdle(load: () => Promise<unknown>): void {
  const run = () => void load().catch(() => undefined);
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 1000);
}
