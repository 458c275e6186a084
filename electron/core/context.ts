// What every service is given: the open database, a clock and an id source, both
// replaceable so that tests can freeze them.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';

export interface Context {
  db: Database;
  /** ISO 8601 instant, UTC. */
  now(): string;
  newId(): string;
  /** Who is acting, written in the audit log ("app", "cli"). */
  source: string;
}

export const systemClock = (): string => new Date().toISOString();
export const randomId = (): string => randomUUID();
