-- Schema version 4: a person's e-mail address (the head of a unit, as unit lists carry it).
-- SPDX-License-Identifier: GPL-3.0-or-later

ALTER TABLE person ADD COLUMN email TEXT NOT NULL DEFAULT '';
