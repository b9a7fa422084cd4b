-- Fresh statistics for the published table and its provenance after a commit, so that the map's
-- first queries on new rows are planned well. ${record} is the record table (actor or initiative).
ANALYZE ${record}, ${record}_provenance;
