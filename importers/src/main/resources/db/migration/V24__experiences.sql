-- The bank of experiences (issue 15, point 3), beside the V21 table: the kinds of territory an
-- experience is searched and compared by, where each experience comes from, and the lessons
-- learned of initiatives kept as experiences by the database itself.

-- ---------------------------------------------------------------------------------------------
-- Kinds of territory ("territoryType" of /api/experiences and its exports). Rurality is decided
-- from the reference data only (../shared/data has no INSEE "grille de densité"):
-- - EPCI: by legal form. A communauté de communes (CC) is rural; a communauté d'agglomération
--   (CA), a communauté urbaine (CU) or a métropole (METRO) is urban: the law sets them by
--   population thresholds around an urban centre (CGCT L5216-1, L5215-1, L5217-1).
-- - Bassin de vie: INSEE calls a bassin de vie rural when more than half of its population lives
--   in rural communes. Without the density grid's 1 km cells, a commune counts as urban here when
--   its density is at least 300 inhabitants per km² or it has at least 5,000 inhabitants (the
--   thresholds of the grid's "centres urbains intermédiaires", applied to the whole commune), else
--   rural; the bassin de vie is urban when its urban communes hold at least half of its
--   population in the region (its communes outside Occitanie are not in the reference data), else
--   rural. On the 2026 data: 325 urban communes of 4,446, 69 urban bassins de vie of 228.
-- - QPV, PNR: an experience whose point lies in one (by geometry, as the territory filter does).
CREATE TABLE territory_type (
  code  text PRIMARY KEY,
  rank  smallint NOT NULL UNIQUE,
  kind  text NOT NULL REFERENCES territory_kind,
  label text NOT NULL
);
INSERT INTO territory_type (code, rank, kind, label) VALUES
  ('bassin_vie_rural', 1, 'bassin_vie', 'Bassin de vie rural'),
  ('bassin_vie_urbain', 2, 'bassin_vie', 'Bassin de vie urbain'),
  ('epci_rural', 3, 'epci', 'EPCI rural (communauté de communes)'),
  ('epci_urbain', 4, 'epci', 'EPCI urbain (agglomération, communauté urbaine, métropole)'),
  ('qpv', 5, 'qpv', 'Quartier prioritaire (QPV)'),
  ('pnr', 6, 'pnr', 'Parc naturel régional');

-- The type of each bassin de vie and EPCI, computed from the reference tables by the function
-- below at each territory import (territory-import/publish.sql) and once here.
CREATE TABLE territory_typology (
  kind text NOT NULL,
  code text NOT NULL,
  type text NOT NULL REFERENCES territory_type,
  PRIMARY KEY (kind, code)
);
CREATE INDEX territory_typology_type_idx ON territory_typology (type, kind);

CREATE FUNCTION atlas_refresh_territory_typology() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM territory_typology;
  INSERT INTO territory_typology (kind, code, type)
  SELECT 'epci', t.code, CASE WHEN t.category = 'CC' THEN 'epci_rural' ELSE 'epci_urbain' END
  FROM territory t
  WHERE t.kind = 'epci' AND t.category IN ('CC', 'CA', 'CU', 'METRO');
  INSERT INTO territory_typology (kind, code, type)
  SELECT 'bassin_vie', b.code, CASE WHEN 2 * b.urban_population >= b.population AND b.population > 0
                                    THEN 'bassin_vie_urbain' ELSE 'bassin_vie_rural' END
  FROM (SELECT c.bassin_vie AS code, sum(coalesce(c.population, 0)) AS population,
               sum(coalesce(c.population, 0)) FILTER (
                 WHERE c.population >= 5000
                    OR c.population >= 300 * ST_Area(t.geom::geography) / 1e6) AS urban_population
        FROM commune c
        LEFT JOIN territory t ON t.kind = 'commune' AND t.code = c.code
        WHERE c.bassin_vie IS NOT NULL
        GROUP BY c.bassin_vie) b
  WHERE EXISTS (SELECT FROM territory bv WHERE bv.kind = 'bassin_vie' AND bv.code = b.code);
$$;
COMMENT ON FUNCTION atlas_refresh_territory_typology() IS
  'Recomputes territory_typology from territory and commune (rules in V24__experiences.sql and the README).';

SELECT atlas_refresh_territory_typology();

-- The kinds of territory a record's place belongs to, most specific first: QPV and PNR by the
-- point, then the type of its bassin de vie and of its EPCI. "Expériences comparables" share one.
CREATE FUNCTION atlas_territory_types(bassin_vie_code text, epci_code text, point geometry) RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT array_remove(ARRAY[
    CASE WHEN EXISTS (SELECT FROM territory t WHERE t.kind = 'qpv' AND ST_Intersects(t.geom, point)) THEN 'qpv' END,
    CASE WHEN EXISTS (SELECT FROM territory t WHERE t.kind = 'pnr' AND ST_Intersects(t.geom, point)) THEN 'pnr' END,
    (SELECT y.type FROM territory_typology y WHERE y.kind = 'bassin_vie' AND y.code = bassin_vie_code),
    (SELECT y.type FROM territory_typology y WHERE y.kind = 'epci' AND y.code = epci_code)], NULL)
$$;

-- ---------------------------------------------------------------------------------------------
-- Where an experience comes from: proposed through the form (and moderated), the lessons learned
-- of an initiative (kept in step by the triggers below), the demo, or an import.
ALTER TABLE experience ADD COLUMN origin text NOT NULL DEFAULT 'proposed'
  CHECK (origin IN ('proposed', 'lessons', 'demo', 'import'));
ALTER TABLE experience_hidden ADD COLUMN origin text NOT NULL DEFAULT 'proposed';
-- A proposed experience may name the initiative it comes from too: only the lessons' experience
-- is one per initiative.
ALTER TABLE experience DROP CONSTRAINT experience_initiative_id_key;
CREATE UNIQUE INDEX experience_lessons_idx ON experience (initiative_id) WHERE origin = 'lessons';
CREATE INDEX experience_initiative_idx ON experience (initiative_id);
-- The public view keeps every column of its table (V7's rule 3): origin is public.
CREATE OR REPLACE VIEW experience_public AS
  SELECT id, name, name_search, outcome, themes, description, happened, differently, carried_by, started_on, ended_on,
         public_reached, means, partners, evidence_links, initiative_id, website, address, postcode, geom, precision,
         territory_kind, territory_code, commune, epci, petr, bassin_vie, departement, region, out_of_region,
         created_at, updated_at, search, geom_3857, origin
  FROM experience;

-- ---------------------------------------------------------------------------------------------
-- The lessons learned of initiatives as experiences. An initiative whose lessons_learned is not
-- blank has one experience (origin 'lessons', initiative_id its id): its name, its description
-- (or its name when it has none), its place and territory keys, its themes, its actors (as
-- experience_actor, their names as carried_by), started_on = start_date (else the day it was
-- created, Paris time), ended_on = end_date, outcome 'abandonne' for an abandoned initiative and
-- 'non_precise' otherwise. The lessons text is split by experience_lessons_split below.
-- Statement-level triggers on initiative and initiative_actor keep it in step with every write
-- (imports, moderation, hiding, merges), one set-based statement each; removing the initiative
-- or blanking its lessons removes that experience, never a proposed one.

-- {happened, differently} from a lessons text: with two sentences or more, the last sentence is
-- what would be done differently (the lessons texts end with the lesson drawn) and the others
-- what happened; a single sentence with " : " or " ; " is cut at the last of them; else the
-- whole text is both.
CREATE FUNCTION experience_lessons_split(lessons text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE
    WHEN cardinality(s.parts) >= 2
      THEN ARRAY[array_to_string(s.parts[1:cardinality(s.parts) - 1], ' '), s.parts[cardinality(s.parts)]]
    WHEN m.cut IS NOT NULL
      THEN ARRAY[m.cut[1] || '.', upper(left(m.cut[2], 1)) || substr(m.cut[2], 2)]
    ELSE ARRAY[s.text, s.text]
  END
  FROM (SELECT btrim(lessons) AS text, regexp_split_to_array(btrim(lessons), '(?<=[.!?…])\s+') AS parts) s
  CROSS JOIN LATERAL (SELECT regexp_match(s.text, '^(.*\S)\s+[:;]\s+(\S.*)$') AS cut) m
$$;

-- The actors of the lessons' experiences of these initiatives: those carrying the initiative.
CREATE FUNCTION experience_of_lessons_actors(ids bigint[]) RETURNS void
LANGUAGE sql AS $$
  DELETE FROM experience_actor ea
  USING experience e
  WHERE ea.experience_id = e.id AND e.origin = 'lessons' AND e.initiative_id = ANY (ids)
    AND NOT EXISTS (SELECT FROM initiative_actor ia WHERE ia.initiative_id = e.initiative_id AND ia.actor_id = ea.actor_id);
  INSERT INTO experience_actor (experience_id, actor_id)
  SELECT e.id, ia.actor_id
  FROM experience e
  JOIN initiative_actor ia ON ia.initiative_id = e.initiative_id
  WHERE e.origin = 'lessons' AND e.initiative_id = ANY (ids)
  ON CONFLICT DO NOTHING;
  UPDATE experience e SET carried_by = n.names, updated_at = now()
  FROM (SELECT x.id, (SELECT string_agg(a.name, ', ' ORDER BY a.name) FROM experience_actor ea JOIN actor a ON a.id = ea.actor_id
                      WHERE ea.experience_id = x.id) AS names
        FROM experience x WHERE x.origin = 'lessons' AND x.initiative_id = ANY (ids)) n
  WHERE e.id = n.id AND e.carried_by IS DISTINCT FROM n.names;
$$;
CREATE FUNCTION experience_of_lessons_sync(ids bigint[]) RETURNS void
LANGUAGE sql AS $$
  -- Gone: the initiative was removed (initiative_id set NULL by the foreign key) or has no lessons.
  DELETE FROM experience e
  WHERE e.origin = 'lessons'
    AND (e.initiative_id IS NULL
         OR (e.initiative_id = ANY (ids)
             AND NOT EXISTS (SELECT FROM initiative i WHERE i.id = e.initiative_id AND btrim(coalesce(i.lessons_learned, '')) <> '')));
  INSERT INTO experience AS e (origin, initiative_id, name, name_search, outcome, themes, description, happened,
                               differently, started_on, ended_on, website, address, postcode, geom, precision,
                               territory_kind, territory_code, commune, epci, petr, bassin_vie, departement, region,
                               out_of_region, created_at, updated_at)
  SELECT 'lessons', i.id, left(i.name, 300), atlas_normalize(left(i.name, 300)),
         CASE WHEN i.status = 'abandonnee' THEN 'abandonne' ELSE 'non_precise' END, i.themes,
         coalesce(nullif(btrim(i.description), ''), i.name), l.split[1], l.split[2], d.started_on,
         CASE WHEN i.end_date >= d.started_on THEN i.end_date END, i.website, i.address, i.postcode, i.geom, i.precision,
         i.territory_kind, i.territory_code, i.commune, i.epci, i.petr, i.bassin_vie, i.departement, i.region,
         i.out_of_region, i.created_at, now()
  FROM initiative i
  CROSS JOIN LATERAL (SELECT experience_lessons_split(i.lessons_learned) AS split) l
  CROSS JOIN LATERAL (SELECT coalesce(i.start_date, (i.created_at AT TIME ZONE 'Europe/Paris')::date) AS started_on) d
  WHERE i.id = ANY (ids) AND btrim(coalesce(i.lessons_learned, '')) <> ''
  ON CONFLICT (initiative_id) WHERE origin = 'lessons' DO UPDATE
  SET name = excluded.name, name_search = excluded.name_search, outcome = excluded.outcome, themes = excluded.themes,
      description = excluded.description, happened = excluded.happened, differently = excluded.differently,
      started_on = excluded.started_on, ended_on = excluded.ended_on, website = excluded.website,
      address = excluded.address, postcode = excluded.postcode, geom = excluded.geom, precision = excluded.precision,
      territory_kind = excluded.territory_kind, territory_code = excluded.territory_code, commune = excluded.commune,
      epci = excluded.epci, petr = excluded.petr, bassin_vie = excluded.bassin_vie, departement = excluded.departement,
      region = excluded.region, out_of_region = excluded.out_of_region, updated_at = now()
  WHERE (e.name, e.outcome, e.themes, e.description, e.happened, e.differently, e.started_on, e.ended_on, e.website,
         e.address, e.postcode, e.geom, e.precision, e.territory_kind, e.territory_code, e.commune, e.epci, e.petr,
         e.bassin_vie, e.departement, e.region, e.out_of_region)
        IS DISTINCT FROM
        (excluded.name, excluded.outcome, excluded.themes, excluded.description, excluded.happened, excluded.differently,
         excluded.started_on, excluded.ended_on, excluded.website, excluded.address, excluded.postcode, excluded.geom,
         excluded.precision, excluded.territory_kind, excluded.territory_code, excluded.commune, excluded.epci,
         excluded.petr, excluded.bassin_vie, excluded.departement, excluded.region, excluded.out_of_region);
  SELECT experience_of_lessons_actors(ids);
$$;


CREATE FUNCTION experience_of_lessons_after_initiative() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM experience_of_lessons_sync(ARRAY(SELECT id FROM old_rows));
  ELSE
    PERFORM experience_of_lessons_sync(ARRAY(SELECT id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION experience_of_lessons_after_initiative_actor() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM experience_of_lessons_actors(ARRAY(SELECT DISTINCT initiative_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM experience_of_lessons_actors(ARRAY(SELECT DISTINCT initiative_id FROM old_rows));
  ELSE
    PERFORM experience_of_lessons_actors(ARRAY(SELECT initiative_id FROM new_rows UNION SELECT initiative_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER experience_of_lessons_insert AFTER INSERT ON initiative REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION experience_of_lessons_after_initiative();
CREATE TRIGGER experience_of_lessons_update AFTER UPDATE ON initiative REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION experience_of_lessons_after_initiative();
CREATE TRIGGER experience_of_lessons_delete AFTER DELETE ON initiative REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION experience_of_lessons_after_initiative();
CREATE TRIGGER experience_of_lessons_actor_insert AFTER INSERT ON initiative_actor REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION experience_of_lessons_after_initiative_actor();
CREATE TRIGGER experience_of_lessons_actor_update AFTER UPDATE ON initiative_actor
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION experience_of_lessons_after_initiative_actor();
CREATE TRIGGER experience_of_lessons_actor_delete AFTER DELETE ON initiative_actor REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION experience_of_lessons_after_initiative_actor();

-- The initiatives already there.
SELECT experience_of_lessons_sync(ARRAY(SELECT id FROM initiative WHERE btrim(coalesce(lessons_learned, '')) <> ''));

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${readerRole}') AND '${readerRole}' <> current_user THEN
    EXECUTE format('GRANT SELECT ON territory_type, territory_typology TO %I', '${readerRole}');
  END IF;
END $$;
