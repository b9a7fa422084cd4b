-- The fields of an actor that a human may own (field_source.field), each with the source row's
-- value (s) and the published record's (r) as JSON, in the shapes of the contributions API:
-- the column's name, text as a string, themes as an array, the point as {"lon", "lat"}.
    ('name', to_jsonb(s.name), to_jsonb(r.name)),
    ('type', to_jsonb(s.type), to_jsonb(r.type)),
    ('themes', to_jsonb(s.themes), to_jsonb(r.themes)),
    ('description', to_jsonb(s.description), to_jsonb(r.description)),
    ('address', to_jsonb(s.address), to_jsonb(r.address)),
    ('postcode', to_jsonb(s.postcode), to_jsonb(r.postcode)),
    ('website', to_jsonb(s.website), to_jsonb(r.website)),
    ('siren', to_jsonb(s.siren), to_jsonb(r.siren)),
    ('rna', to_jsonb(s.rna), to_jsonb(r.rna)),
    ('email', to_jsonb(s.email), to_jsonb(r.email)),
    ('phone', to_jsonb(s.phone), to_jsonb(r.phone)),
    ('geometry', jsonb_build_object('lon', round(ST_X(s.geom)::numeric, 6), 'lat', round(ST_Y(s.geom)::numeric, 6)),
                 jsonb_build_object('lon', round(ST_X(r.geom)::numeric, 6), 'lat', round(ST_Y(r.geom)::numeric, 6)))
