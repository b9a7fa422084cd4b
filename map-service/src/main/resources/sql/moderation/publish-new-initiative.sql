-- Publishes an approved new initiative, as publish-new-actor.sql does an actor.
INSERT INTO initiative (name, name_search, status, themes, description, lessons_learned, start_date, end_date,
                        website, address, postcode, geom, precision, commune, epci, petr, bassin_vie, departement,
                        region, out_of_region)
SELECT :name, atlas_normalize(:name), :status, coalesce(string_to_array(CAST(:themes AS text), ','), '{}'), :description, :lessonsLearned,
       CAST(:startDate AS date), CAST(:endDate AS date), :website, :address, :postcode,
       ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), :precision,
       c.code, c.epci, c.petr, c.bassin_vie, c.departement, c.region, false
FROM commune c WHERE c.code = :commune
RETURNING id
