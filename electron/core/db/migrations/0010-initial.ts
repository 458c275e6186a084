// 0010: office profile, communes, activities, directives, audit log. Never edit once landed.
import type { Database } from 'better-sqlite3';

export const version = 10;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE office (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      code TEXT NOT NULL,
      name TEXT NOT NULL,
      parent TEXT NOT NULL DEFAULT '',
      province TEXT NOT NULL DEFAULT '',
      place TEXT NOT NULL DEFAULT '',
      doc_symbol TEXT NOT NULL DEFAULT '',
      recipients TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(recipients)),
      signer_title TEXT NOT NULL DEFAULT '',
      signer_name TEXT NOT NULL DEFAULT '',
      cutoff TEXT NOT NULL DEFAULT 'decree09' CHECK (cutoff IN ('decree09', 'calendar')),
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE communes (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL,
      name TEXT NOT NULL,
      code_key TEXT NOT NULL UNIQUE,
      name_key TEXT NOT NULL,
      border INTEGER NOT NULL DEFAULT 0 CHECK (border IN (0, 1)),
      remote INTEGER NOT NULL DEFAULT 0 CHECK (remote IN (0, 1)),
      ethnic INTEGER NOT NULL DEFAULT 0 CHECK (ethnic IN (0, 1)),
      key_area INTEGER NOT NULL DEFAULT 0 CHECK (key_area IN (0, 1)),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      position INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE UNIQUE INDEX communes_active_name ON communes (name_key) WHERE active = 1;

    CREATE TABLE activities (
      id TEXT PRIMARY KEY,
      channel TEXT NOT NULL CHECK (channel IN
        ('van','banner','cinema','radio','leaflet','meeting','online','press','sms','model')),
      date TEXT NOT NULL,
      end_date TEXT,
      village TEXT NOT NULL DEFAULT '',
      theme_mask INTEGER NOT NULL CHECK (theme_mask BETWEEN 1 AND 7),
      language TEXT NOT NULL DEFAULT 'vi',
      title TEXT NOT NULL,
      audience INTEGER NOT NULL DEFAULT 0 CHECK (audience >= 0),
      cost_vnd INTEGER NOT NULL DEFAULT 0 CHECK (cost_vnd >= 0),
      notes TEXT NOT NULL DEFAULT '',
      -- per-channel counts: NULL where the channel has no such measure
      sessions INTEGER CHECK (sessions >= 0),
      km INTEGER CHECK (km >= 0),
      minutes INTEGER CHECK (minutes >= 0),
      pieces INTEGER CHECK (pieces >= 0),
      screenings INTEGER CHECK (screenings >= 0),
      message_minutes INTEGER CHECK (message_minutes >= 0),
      items INTEGER CHECK (items >= 0),
      broadcasts INTEGER CHECK (broadcasts >= 0),
      copies INTEGER CHECK (copies >= 0),
      messages INTEGER CHECK (messages >= 0),
      models INTEGER CHECK (models >= 0),
      -- per-channel descriptions
      kind TEXT,
      slogan TEXT,
      film TEXT,
      relayed INTEGER CHECK (relayed IN (0, 1)),
      permit_no TEXT,
      url TEXT,
      search_text TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      CHECK (end_date IS NULL OR end_date >= date)
    ) STRICT;
    -- the logbook's order, walked backwards: no sort, and OFFSET skips rows without building them
    CREATE INDEX activities_live_order ON activities (date, created_at, id) WHERE deleted_at IS NULL;
    CREATE INDEX activities_channel_date ON activities (channel, date);

    CREATE TABLE activity_communes (
      activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
      commune_id INTEGER NOT NULL REFERENCES communes (id),
      position INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (activity_id, commune_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX activity_communes_commune ON activity_communes (commune_id, activity_id);

    CREATE TABLE directives (
      id TEXT PRIMARY KEY,
      number TEXT NOT NULL,
      date TEXT NOT NULL,
      issuer TEXT NOT NULL,
      subject TEXT NOT NULL,
      direction TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
      search_text TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT;
    CREATE INDEX directives_date ON directives (date);

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      entity TEXT NOT NULL CHECK (entity IN ('activity', 'directive', 'profile')),
      entity_id TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),
      source TEXT NOT NULL,
      before TEXT CHECK (before IS NULL OR json_valid(before)),
      after TEXT CHECK (after IS NULL OR json_valid(after)),
      reason TEXT
    ) STRICT;
    CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);
  `);
}
