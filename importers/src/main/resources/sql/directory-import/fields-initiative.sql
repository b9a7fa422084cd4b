-- The fields of an initiative that a human may own (field_source.field), under the names and in
-- the shapes of the contributions API, as fields-actor.sql does; dates as ISO strings.
    ('name', to_jsonb(s.name), to_jsonb(r.name)),
    ('status', to_jsonb(s.status), to_jsonb(r.status)),
    ('themes', to_jsonb(s.themes), to_jsonb(r.themes)),
    ('description', to_jsonb(s.description), to_jsonb(r.description)),
    ('lessonsLearned', to_jsonb(s.lessons_learned), to_jsonb(r.lessons_learned)),
    ('startDate', to_jsonb(s.start_date), to_jsonb(r.start_date)),
    ('endDate', to_jsonb(s.end_date), to_jsonb(r.end_date)),
    ('website', to_jsonb(s.website), to_jsonb(r.website)),
    ('address', to_jsonb(s.address), to_jsonb(r.address)),
    ('postcode', to_jsonb(s.postcode), to_jsonb(r.postcode)),
    ('place', jsonb_build_object('lon', round(ST_X(s.geom)::numeric, 6), 'lat', round(ST_Y(s.geom)::numeric, 6)),
                 jsonb_build_object('lon', round(ST_X(r.geom)::numeric, 6), 'lat', round(ST_Y(r.geom)::numeric, 6)))
