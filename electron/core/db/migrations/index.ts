// Numbered migrations (Signal's ts/sql/migrations): steps of 10, never edited once landed.
import type { Database } from 'better-sqlite3';
import * as m0010 from './0010-initial';

export interface Migration {
  version: number;
  up(db: Database): void;
}

export const MIGRATIONS: readonly Migration[] = [m0010];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
