// Numbered migrations (Signal's ts/sql/migrations): steps of 10, never edited once landed.
import type { Database } from 'better-sqlite3';
import * as m0010 from './0010-initial';
import * as m0020 from './0020-report-drafts';
import * as m0030 from './0030-locks-and-packages';
import * as m0040 from './0040-outbox';
import * as m0050 from './0050-inbox';
import * as m0060 from './0060-report-subjects';
import * as m0070 from './0070-inbox-subjects';
import * as m0080 from './0080-areas';
import * as m0090 from './0090-copies';
import * as m0100 from './0100-photos';
import * as m0110 from './0110-inbox-package-ids';
import * as m0120 from './0120-covering-indexes';
import * as m0130 from './0130-day-totals';
import * as m0140 from './0140-follow-from';

export interface Migration {
  version: number;
  up(db: Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  m0010,
  m0020,
  m0030,
  m0040,
  m0050,
  m0060,
  m0070,
  m0080,
  m0090,
  m0100,
  m0110,
  m0120,
  m0130,
  m0140,
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
