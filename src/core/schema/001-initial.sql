-- Phaen workspace, schema version 1.
-- Every record has a stable UUID so that files sent back by units can be merged later.
-- Foreign keys are deferred so that undo can replay rows in any order inside its transaction.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE unit (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE,
  abbr      TEXT NOT NULL,
  name      TEXT NOT NULL DEFAULT '',
  parent_id INTEGER REFERENCES unit (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE person (
  id       INTEGER PRIMARY KEY,
  uuid     TEXT NOT NULL UNIQUE,
  unit_id  INTEGER REFERENCES unit (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  title    TEXT NOT NULL DEFAULT '',
  name     TEXT NOT NULL,
  position TEXT NOT NULL DEFAULT '',
  phone    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE fiscal_year (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE,
  year      INTEGER NOT NULL UNIQUE CHECK (year BETWEEN 2400 AND 2800),
  target_q1 REAL, -- cumulative disbursement targets, % (cabinet resolution)
  target_q2 REAL,
  target_q3 REAL,
  target_q4 REAL
);

CREATE TABLE plan (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  unit_id      INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  fiscal_year  INTEGER NOT NULL CHECK (fiscal_year BETWEEN 2400 AND 2800),
  kind         INTEGER NOT NULL CHECK (kind IN (0, 1, 2)),
  title        TEXT NOT NULL DEFAULT '',
  extra_months INTEGER NOT NULL DEFAULT 0 CHECK (extra_months BETWEEN 0 AND 12)
);
CREATE INDEX plan_unit_year ON plan (unit_id, fiscal_year);

CREATE TABLE plan_section (
  id      INTEGER PRIMARY KEY,
  uuid    TEXT NOT NULL UNIQUE,
  plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  key     TEXT NOT NULL,
  body    TEXT NOT NULL DEFAULT '',
  UNIQUE (plan_id, key)
);

CREATE TABLE activity (
  id         INTEGER PRIMARY KEY,
  uuid       TEXT NOT NULL UNIQUE,
  plan_id    INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  parent_id  INTEGER REFERENCES activity (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  position   INTEGER NOT NULL DEFAULT 0,
  name       TEXT NOT NULL DEFAULT '',
  category   INTEGER NOT NULL DEFAULT 0 CHECK (category BETWEEN 0 AND 5),
  owner      TEXT NOT NULL DEFAULT '',
  budget     REAL, -- NULL prints "-"
  output     TEXT NOT NULL DEFAULT '',
  progress   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX activity_plan ON activity (plan_id, parent_id, position);

CREATE TABLE activity_month (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  month       INTEGER NOT NULL CHECK (month BETWEEN 0 AND 23),
  marks       INTEGER NOT NULL DEFAULT 0 CHECK (marks BETWEEN 0 AND 15),
  progress    TEXT NOT NULL DEFAULT '',
  UNIQUE (activity_id, month)
);

CREATE TABLE budget_quarter (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE,
  plan_id   INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  quarter   INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  allocated REAL NOT NULL DEFAULT 0,
  committed REAL NOT NULL DEFAULT 0,
  disbursed REAL NOT NULL DEFAULT 0,
  UNIQUE (plan_id, quarter)
);

CREATE TABLE indicator (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE,
  unit_id         INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  fiscal_year     INTEGER NOT NULL CHECK (fiscal_year BETWEEN 2400 AND 2800),
  plan_id         INTEGER REFERENCES plan (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  position        INTEGER NOT NULL DEFAULT 0,
  code            TEXT NOT NULL DEFAULT '',
  name            TEXT NOT NULL DEFAULT '',
  org_plan        TEXT NOT NULL DEFAULT '',
  strategy        TEXT NOT NULL DEFAULT '',
  dimension       TEXT NOT NULL DEFAULT '',
  goal            TEXT NOT NULL DEFAULT '',
  weight          REAL NOT NULL DEFAULT 0,
  description     TEXT NOT NULL DEFAULT '',
  condition       TEXT NOT NULL DEFAULT '',
  measure_unit    TEXT NOT NULL DEFAULT '',
  target          TEXT NOT NULL DEFAULT '',
  baseline1       TEXT NOT NULL DEFAULT '',
  baseline2       TEXT NOT NULL DEFAULT '',
  baseline3       TEXT NOT NULL DEFAULT '',
  data_source     TEXT NOT NULL DEFAULT '',
  owner_name      TEXT NOT NULL DEFAULT '',
  owner_phone     TEXT NOT NULL DEFAULT '',
  supporter_name  TEXT NOT NULL DEFAULT '',
  supporter_phone TEXT NOT NULL DEFAULT '',
  scoring         INTEGER NOT NULL DEFAULT 0 CHECK (scoring BETWEEN 0 AND 4),
  direction       INTEGER NOT NULL DEFAULT 0 CHECK (direction IN (0, 1)),
  cumulative      INTEGER NOT NULL DEFAULT 1,
  level           INTEGER NOT NULL DEFAULT 1 CHECK (level BETWEEN 0 AND 2),
  leading         INTEGER NOT NULL DEFAULT 0,
  mandatory       INTEGER NOT NULL DEFAULT 0 CHECK (mandatory BETWEEN 0 AND 2),
  pmqa_group      TEXT,
  pmqa_target     REAL,
  pmqa_score      REAL,
  pmqa_note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX indicator_unit_year ON indicator (unit_id, fiscal_year, position);

CREATE TABLE criteria_version (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  version      INTEGER NOT NULL,
  approved_on  TEXT,
  reason       TEXT NOT NULL DEFAULT '',
  pass_percent REAL NOT NULL DEFAULT 80,
  created_at   TEXT NOT NULL,
  UNIQUE (indicator_id, version)
);

CREATE TABLE criterion (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE,
  version_id      INTEGER NOT NULL REFERENCES criteria_version (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  level           INTEGER NOT NULL CHECK (level BETWEEN 1 AND 10),
  threshold       REAL,
  upper           REAL,
  lower_inclusive INTEGER NOT NULL DEFAULT 1,
  upper_inclusive INTEGER NOT NULL DEFAULT 1,
  score           REAL NOT NULL DEFAULT 0,
  label           TEXT NOT NULL DEFAULT '',
  description     TEXT NOT NULL DEFAULT '',
  UNIQUE (version_id, level)
);

CREATE TABLE result (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE,
  indicator_id    INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  quarter         INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  value_text      TEXT NOT NULL DEFAULT '',
  value           REAL,
  detail          TEXT NOT NULL DEFAULT '',
  problems        TEXT NOT NULL DEFAULT '',
  score_override  REAL,
  override_reason TEXT NOT NULL DEFAULT '',
  updated_at      TEXT NOT NULL,
  UNIQUE (indicator_id, quarter)
);

CREATE TABLE pmqa_value (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  year         INTEGER NOT NULL CHECK (year BETWEEN 2400 AND 2800),
  value        REAL NOT NULL,
  UNIQUE (indicator_id, year)
);

CREATE TABLE evidence (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE,
  result_id INTEGER NOT NULL REFERENCES result (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  name      TEXT NOT NULL,
  mime      TEXT,
  url       TEXT,
  data      BLOB,
  added_at  TEXT NOT NULL,
  CHECK ((data IS NULL) <> (url IS NULL))
);
CREATE INDEX evidence_result ON evidence (result_id);
