// The speed goals the benchmarks hold the app to, each measured beside its floor (the least
// the same work can cost: raw SQL, zip + hash + sign, …). A bench records every goal it
// measures here; scripts/bench.mjs prints them all as one table with a verdict. In quick
// mode (`npm run bench -- --quick`) the sizes are smaller and a goal set for a larger size
// is shown without a verdict.

import fs from 'node:fs';

/** Smaller sizes and fewer runs, for everyday use (the whole run under two minutes). */
export const QUICK = process.env.BENCH_QUICK === '1';

export interface GoalResult {
  /** What is measured, in a few words. */
  what: string;
  /** The size it is measured at ("500 activities"). */
  size: string;
  /** The figure: a median in ms, or a rate per second. */
  measured: number;
  unit: 'ms' | '/s';
  /** The floor in the same unit, when the goal has one. */
  floor: number | null;
  /** The goal in words ("≤ 300 ms", "≤ 3 × floor"). */
  goal: string;
  /** Whether it was met; null when the size is not the goal's (quick mode). */
  met: boolean | null;
}

function record(result: GoalResult): void {
  const file = process.env.BENCH_RESULTS;
  if (file) fs.appendFileSync(file, `${JSON.stringify(result)}\n`);
  const floor = result.floor === null ? '' : ` (floor ${result.floor.toFixed(1)})`;
  const verdict = result.met === null ? '' : result.met ? ' ✓' : ' ✗';
  process.stderr.write(
    `  goal ${result.what}, ${result.size}: ${result.measured.toFixed(1)} ${result.unit}${floor}, ${result.goal}${verdict}\n`,
  );
}

/** A median time that must stay under `maxMs`; `atSize` false in quick mode's smaller sizes. */
export function withinMs(
  what: string,
  size: string,
  measuredMs: number,
  maxMs: number,
  options: { floorMs?: number; atSize?: boolean } = {},
): void {
  record({
    what,
    size,
    measured: measuredMs,
    unit: 'ms',
    floor: options.floorMs ?? null,
    goal: `≤ ${maxMs} ms`,
    met: options.atSize === false ? null : measuredMs <= maxMs,
  });
}

/** A median time that must stay within `ratio` times its floor. */
export function withinFloor(
  what: string,
  size: string,
  measuredMs: number,
  floorMs: number,
  ratio: number,
  options: { atSize?: boolean } = {},
): void {
  record({
    what,
    size,
    measured: measuredMs,
    unit: 'ms',
    floor: floorMs,
    goal: `≤ ${ratio} × floor`,
    met: options.atSize === false ? null : measuredMs <= floorMs * ratio,
  });
}

/** A rate that must reach `min` per second (and, with a floor rate, `ratio` of it). */
export function atLeastRate(
  what: string,
  size: string,
  perSecond: number,
  min: number,
  options: { floorPerSecond?: number; ratio?: number; atSize?: boolean } = {},
): void {
  const { floorPerSecond, ratio } = options;
  const nearFloor =
    floorPerSecond === undefined || ratio === undefined || perSecond * ratio >= floorPerSecond;
  record({
    what,
    size,
    measured: perSecond,
    unit: '/s',
    floor: floorPerSecond ?? null,
    goal: `≥ ${min}/s${ratio !== undefined ? `, within ${ratio} × floor` : ''}`,
    met: options.atSize === false ? null : perSecond >= min && nearFloor,
  });
}

/** The median of samples. */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
