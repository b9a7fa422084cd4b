-- Licences: each directory source records under which licence its data may be reused, where that
-- licence is published, and the attribution its producer asks for. The map's cards, the detail of
-- a record, the exports and the OGC collections show them. Given by the import (--licence,
-- --licence-url, --attribution, or the `licence` block of the mapping file); never guessed from the
-- format. NULL licence: not given, shown as « licence inconnue » and warned about by the import.
--
-- Sources are public metadata (no private column): the reader role already reads table `source`
-- as a whole (V1; V7 kept it), which covers these columns. Every write is bounded.
ALTER TABLE source
  ADD COLUMN licence     text CHECK (char_length(licence) BETWEEN 1 AND 200),
  ADD COLUMN licence_url text CHECK (char_length(licence_url) <= 2000 AND licence_url ~ '^https?://[^\s]+$'),
  ADD COLUMN attribution text CHECK (char_length(attribution) BETWEEN 1 AND 1000);

COMMENT ON COLUMN source.licence IS 'public: the licence of the source''s data, its usual name (Licence Ouverte 2.0, ODbL 1.0, CC BY 4.0...) or as given; NULL when unknown';
COMMENT ON COLUMN source.licence_url IS 'public: where the licence text is published (http or https only)';
COMMENT ON COLUMN source.attribution IS 'public: the credit line the producer asks reusers to show';
