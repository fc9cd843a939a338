-- Schema version 6: the quarterly budget of each row of a plan (activity, project — activities
-- nest through parent_id): allocated (จัดสรร), committed (ก่อหนี้ผูกพัน) and disbursed (เบิกจ่าย)
-- in baht, entered per quarter of the fiscal year (Q1 = ต.ค.–ธ.ค.). A parent's figures are its
-- own plus its children's, summed by the budget view (src/core/phaen-budget-view.c), never stored.
-- SPDX-License-Identifier: GPL-3.0-or-later

CREATE TABLE activity_budget (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  quarter     INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  allocated   REAL NOT NULL DEFAULT 0 CHECK (allocated BETWEEN 0 AND 1e15),
  committed   REAL NOT NULL DEFAULT 0 CHECK (committed BETWEEN 0 AND 1e15),
  disbursed   REAL NOT NULL DEFAULT 0 CHECK (disbursed BETWEEN 0 AND 1e15),
  UNIQUE (activity_id, quarter)
);
