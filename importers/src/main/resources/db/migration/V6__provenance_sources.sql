-- Lists, details and exports name each record's sources, one index probe per record: with the
-- source in the index, the probe answers without reading the table (an export of 500,000 actors
-- spends about a fifth less time in SQL).
CREATE INDEX actor_provenance_actor_source_idx ON actor_provenance (actor_id, source);
DROP INDEX actor_provenance_actor_idx;
CREATE INDEX initiative_provenance_initiative_source_idx ON initiative_provenance (initiative_id, source);
DROP INDEX initiative_provenance_initiative_idx;
