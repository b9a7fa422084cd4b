-- The fields of an actor that a human may own (field_source.field): those the contributions API
-- edits, under its names and in its shapes (ProposedFields in the map service): text as a
-- string, themes as an array, the place as {"lon", "lat"}. Each with the source row's value (s)
-- and the published record's (r). SIREN, RNA, email and phone are no contribution's: they follow
-- the sources as before, and a private value never enters a proposal a moderator reads.
    ('name', to_jsonb(s.name), to_jsonb(r.name)),
    ('type', to_jsonb(s.type), to_jsonb(r.type)),
    ('themes', to_jsonb(s.themes), to_jsonb(r.themes)),
    ('description', to_jsonb(s.description), to_jsonb(r.description)),
    ('address', to_jsonb(s.address), to_jsonb(r.address)),
    ('postcode', to_jsonb(s.postcode), to_jsonb(r.postcode)),
    ('website', to_jsonb(s.website), to_jsonb(r.website)),
    ('place', jsonb_build_object('lon', round(ST_X(s.geom)::numeric, 6), 'lat', round(ST_Y(s.geom)::numeric, 6)),
                 jsonb_build_object('lon', round(ST_X(r.geom)::numeric, 6), 'lat', round(ST_Y(r.geom)::numeric, 6)))
