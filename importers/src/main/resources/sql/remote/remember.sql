-- Remembers a download once its import committed: what the next download sends back.
-- Parameters: source, url, etag, last modified.
INSERT INTO source_download (source, url, etag, last_modified, downloaded_at, checked_at)
VALUES (?, ?, ?, ?, now(), now())
ON CONFLICT (source) DO UPDATE SET url = excluded.url, etag = excluded.etag, last_modified = excluded.last_modified,
  downloaded_at = excluded.downloaded_at, checked_at = excluded.checked_at;
