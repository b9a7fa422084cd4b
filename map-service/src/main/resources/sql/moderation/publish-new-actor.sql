-- Publishes an approved new actor, filling the columns as the directory import does
-- (publish-actor.sql): name_search = atlas_normalize(name); the search vector and geom_3857 are
-- generated columns; the territory keys come from the commune. name_key and name_kinds (dedup
-- keys) stay NULL: the next import derives them for every record that lacks them (match.sql).
INSERT INTO actor (name, name_search, type, themes, description, address, postcode, website, website_host,
                   geom, precision, commune, epci, petr, bassin_vie, departement, region, out_of_region)
SELECT :name, atlas_normalize(:name), :type, coalesce(string_to_array(CAST(:themes AS text), ','), '{}'), :description, :address, :postcode, :website,
       :websiteHost, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), :precision,
       c.code, c.epci, c.petr, c.bassin_vie, c.departement, c.region, false
FROM commune c WHERE c.code = :commune
RETURNING id
