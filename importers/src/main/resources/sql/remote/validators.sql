-- The validators of a source's last successful download, when it was of the same URL.
-- Parameters: source, url.
SELECT etag, last_modified, downloaded_at FROM source_download WHERE source = ? AND url = ?;
