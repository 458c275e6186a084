// Small choices that survive a reload (the period of each screen, the last channel used):
// kept in localStorage, read back only when still valid.
import type { Channel } from '../../../shared/domain';
import { CHANNELS } from '../../../shared/domain';
import { parsePeriod } from '../../../shared/period';

const PREFIX = 'tuyentruyen:';

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(PREFIX + key, value);
  } catch {
    // A full or disabled storage only forgets the choice.
  }
}

/** The period key last chosen on `screen` ('' for all time); null when none or unreadable. */
export function rememberedPeriod(screen: string): string | null {
  const key = read(`period:${screen}`);
  if (key === null || key === '') return key;
  try {
    // Keys do not depend on the cut-off rule: any rule checks the form.
    return parsePeriod(key, 'calendar').key;
  } catch {
    return null;
  }
}

export function rememberPeriod(screen: string, key: string): void {
  write(`period:${screen}`, key);
}

export function rememberedChannel(): Channel | null {
  const value = read('last-channel');
  return CHANNELS.find((c) => c === value) ?? null;
}

export function rememberChannel(channel: Channel): void {
  write('last-channel', channel);
}
