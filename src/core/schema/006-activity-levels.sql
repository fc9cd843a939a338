-- Schema version 6: the typed levels of a plan's rows (DOMAIN §3b): 1 ยุทธศาสตร์, 2 เป้าประสงค์,
-- 3 โครงการ, 4 กิจกรรม.
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Rows written before levels existed get one from their depth. Process and efficiency plans
-- hold activities and their steps: every row is a กิจกรรม. An action plan's tree is read from
-- its leaves up, since its deepest rows are the activities that the months schedule: a tree
-- four or more levels deep starts at its strategies (depth 0 ยุทธศาสตร์, 1 เป้าประสงค์,
-- 2 โครงการ, 3 and deeper กิจกรรม), three levels start at goals, two at projects, and a flat
-- action plan lists projects.

ALTER TABLE activity ADD COLUMN level INTEGER NOT NULL DEFAULT 4 CHECK (level BETWEEN 1 AND 4);

WITH RECURSIVE
  tree (id, plan_id, depth) AS (
    SELECT a.id, a.plan_id, 0 FROM activity a JOIN plan p ON p.id = a.plan_id
      WHERE a.parent_id IS NULL AND p.kind = 1
    UNION ALL
    SELECT a.id, a.plan_id, tree.depth + 1 FROM activity a JOIN tree ON a.parent_id = tree.id
      WHERE tree.depth < 32),
  deepest (plan_id, depth) AS (SELECT plan_id, max (depth) FROM tree GROUP BY plan_id),
  typed (id, level) AS (
    SELECT tree.id,
           min (4, CASE WHEN deepest.depth = 0 THEN 3 ELSE max (1, 4 - deepest.depth) END
                   + tree.depth)
      FROM tree JOIN deepest ON deepest.plan_id = tree.plan_id)
UPDATE activity SET level = (SELECT typed.level FROM typed WHERE typed.id = activity.id)
  WHERE id IN (SELECT id FROM typed);
