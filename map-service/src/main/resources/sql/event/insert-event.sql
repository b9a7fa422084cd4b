-- Publishes an approved event proposal: placed at its point (precision 'address') or at its
-- commune's point ('commune'), with the territory keys of the commune.
INSERT INTO event (name, name_search, event_type, themes, description, starts_at, ends_at, all_day, place_name,
                   online_url, website, address, geom, precision, commune, epci, petr, bassin_vie, departement, region)
SELECT :name, atlas_normalize(:name), :eventType, coalesce(string_to_array(CAST(:themes AS text), ','), '{}'), :description,
       :startsAt, :endsAt, :allDay, :placeName, :onlineUrl, :website, :address,
       CASE WHEN CAST(:lon AS float8) IS NOT NULL THEN ST_SetSRID(ST_MakePoint(CAST(:lon AS float8), CAST(:lat AS float8)), 4326)
            ELSE (SELECT coalesce(t.label_point, ST_PointOnSurface(t.geom)) FROM territory t
                  WHERE t.kind = 'commune' AND t.code = c.code) END,
       CASE WHEN CAST(:lon AS float8) IS NOT NULL THEN 'address' ELSE 'commune' END::location_precision,
       c.code, c.epci, c.petr, c.bassin_vie, c.departement, c.region
FROM commune c WHERE c.code = :commune
RETURNING id
