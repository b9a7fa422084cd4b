-- Re-imports skip what did not change (issue 16, point 8). A row whose content hash is the one its
-- source last published is not located, matched nor written again (unchanged.sql), and its
-- provenance row is not rewritten either: rewriting last_run/last_seen_at of every unchanged row
-- cost a re-import of 470,000 rows 8.7 s of its 35.6. Instead a full import (not --partial) that
-- read usable rows records when it ended here: every provenance row of the source still `seen`
-- after it was in that file, so that was when it was last seen (record/sources.sql reads the later
-- of the two). Partial imports still date each row they read.
ALTER TABLE source ADD COLUMN complete_run_at timestamptz;

COMMENT ON COLUMN source.complete_run_at IS
  'When the last full import of this source (not --partial, with usable rows) committed: every provenance row of the source with seen = true was in it.';
