-- Schema version 3: unit copies and result packets (issue #12, src/sync).
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- packet_log (the planning office): one row per result packet merged, so that importing the
-- same packet again changes nothing, and packets of one unit copy are merged in order. It is
-- a table users' edits reach (a merge is one undo step, and undoing it forgets its packets).
-- sync_image (a unit copy): the unit's own rows as they were when the copy was made or the
-- last packet was written, kept as a changeset of inserts; the next packet is the difference
-- between it and the copy's rows now (SQLite's session extension computes it).

CREATE TABLE packet_log (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  copy_uuid   TEXT NOT NULL,
  seq         INTEGER NOT NULL CHECK (seq >= 1),
  unit_uuid   TEXT NOT NULL,
  fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 2400 AND 2800),
  quarter     INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  created_by  TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  received_at TEXT NOT NULL,
  changes     INTEGER NOT NULL DEFAULT 0,
  pending     INTEGER NOT NULL DEFAULT 0,
  UNIQUE (copy_uuid, seq)
);
CREATE INDEX packet_log_unit ON packet_log (unit_uuid, fiscal_year, quarter);

CREATE TABLE sync_image (
  name TEXT PRIMARY KEY,
  data BLOB NOT NULL
);
