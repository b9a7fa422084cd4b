-- A conditional download answered 304: the source was checked, nothing else changes.
-- Parameters: source, url.
UPDATE source_download SET checked_at = now() WHERE source = ? AND url = ?;
