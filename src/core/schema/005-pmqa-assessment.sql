-- Schema version 5: the PMQA 4.0 self-assessment of categories 1–6 (DOMAIN-pmqa.md §2). The
-- framework (categories, topics, sub-items, statements) is data of an edition (data/pmqa/*.json),
-- so rows name sub-items and topics by their printed codes ("1.1.1", "1.1") and statements by
-- their printed position (1-based), as OPDC's attachment addresses do.
-- SPDX-License-Identifier: GPL-3.0-or-later

-- One application per unit and fiscal year: which edition it follows and the narrative limit.
CREATE TABLE pmqa_assessment (
  id             INTEGER PRIMARY KEY,
  uuid           TEXT NOT NULL UNIQUE,
  unit_id        INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  fiscal_year    INTEGER NOT NULL CHECK (fiscal_year BETWEEN 2400 AND 2800),
  edition        TEXT NOT NULL,
  narrative_limit INTEGER NOT NULL DEFAULT 3000 CHECK (narrative_limit BETWEEN 0 AND 1000000),
  UNIQUE (unit_id, fiscal_year)
);

-- What the applicant wrote for a sub-item: statements claimed (bit n-1 = statement n), the
-- narrative, who writes it, its status (0 ร่าง, 1 ตรวจแล้ว, 2 อนุมัติ) since when, and when it is due.
CREATE TABLE pmqa_sub_item (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  assessment_id INTEGER NOT NULL REFERENCES pmqa_assessment (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  code          TEXT NOT NULL,
  claimed       INTEGER NOT NULL DEFAULT 0 CHECK (claimed BETWEEN 0 AND 1073741823),
  narrative     TEXT NOT NULL DEFAULT '',
  author        TEXT NOT NULL DEFAULT '',
  status        INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 2),
  status_on     TEXT,
  due_on        TEXT,
  UNIQUE (assessment_id, code)
);

-- The level a topic assesses itself at: 0 none, 1 Basic, 2 Advance, 3 Significance.
CREATE TABLE pmqa_topic (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  assessment_id INTEGER NOT NULL REFERENCES pmqa_assessment (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  code          TEXT NOT NULL,
  level         INTEGER NOT NULL DEFAULT 0 CHECK (level BETWEEN 0 AND 3),
  UNIQUE (assessment_id, code)
);

-- The evidence file of a starred statement (one per slot); its bytes live in evidence_blob,
-- aside from undo, like a result's evidence (schema 002).
CREATE TABLE pmqa_attachment (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  assessment_id INTEGER NOT NULL REFERENCES pmqa_assessment (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  code          TEXT NOT NULL,
  statement     INTEGER NOT NULL CHECK (statement BETWEEN 1 AND 30),
  name          TEXT NOT NULL,
  mime          TEXT,
  blob_id       INTEGER NOT NULL REFERENCES evidence_blob (id) DEFERRABLE INITIALLY DEFERRED,
  added_at      TEXT NOT NULL,
  UNIQUE (assessment_id, code, statement)
);
CREATE INDEX pmqa_attachment_blob ON pmqa_attachment (blob_id);
