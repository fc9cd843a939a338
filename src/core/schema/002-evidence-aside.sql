-- Schema version 2: the bytes of evidence files live in evidence_blob, which undo does not
-- record. Deleting a 600 MB file then costs one small row in the undo log; its bytes stay
-- aside until no undo step can bring the file back (the store removes unreferenced blobs when
-- it opens and closes a workspace).
-- SPDX-License-Identifier: GPL-3.0-or-later

CREATE TABLE evidence_blob (
  id   INTEGER PRIMARY KEY,
  data BLOB NOT NULL
);
INSERT INTO evidence_blob (id, data) SELECT id, data FROM evidence WHERE data IS NOT NULL;

CREATE TABLE evidence_v2 (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE,
  result_id INTEGER NOT NULL REFERENCES result (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  name      TEXT NOT NULL,
  mime      TEXT,
  url       TEXT,
  blob_id   INTEGER REFERENCES evidence_blob (id) DEFERRABLE INITIALLY DEFERRED,
  added_at  TEXT NOT NULL,
  CHECK ((blob_id IS NULL) <> (url IS NULL))
);
INSERT INTO evidence_v2 (id, uuid, result_id, name, mime, url, blob_id, added_at)
  SELECT id, uuid, result_id, name, mime, url, CASE WHEN data IS NULL THEN NULL ELSE id END,
         added_at
  FROM evidence;
DROP TABLE evidence;
ALTER TABLE evidence_v2 RENAME TO evidence;
CREATE INDEX evidence_result ON evidence (result_id);
CREATE INDEX evidence_blob_ref ON evidence (blob_id);
