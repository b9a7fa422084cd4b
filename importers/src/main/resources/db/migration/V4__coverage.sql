-- Display geometries: every territory simplified once, when the territories are published, for
-- maps that draw many polygons at once (the choropleths of /api/coverage). Simplifying the 4,446
-- commune polygons at each request would cost about a second; reading them costs milliseconds.

-- How far, in metres, a display geometry may stray from the reference one, per kind: below a
-- screen pixel at the zoom a map of that kind is looked at (a pixel is ~430 m at zoom 8, the
-- whole region, and ~110 m at zoom 10).
ALTER TABLE territory_kind ADD COLUMN display_tolerance real;
UPDATE territory_kind SET display_tolerance = CASE kind
  WHEN 'commune' THEN 100
  WHEN 'qpv' THEN 10
  WHEN 'departement' THEN 400
  WHEN 'region' THEN 400
  ELSE 200
END;
ALTER TABLE territory_kind ALTER COLUMN display_tolerance SET NOT NULL;

-- One geometry simplified by :metres in Lambert-93 (EPSG:2154, metric, for metropolitan France;
-- the service's ATLAS_PROJECTED_SRID default), then snapped to 6 decimals so that the GeoJSON
-- written from it is exactly what was checked valid. ST_SimplifyPreserveTopology keeps each
-- polygon valid, but neighbours are simplified apart: their shared border may part by up to the
-- tolerance (PostGIS 3.4's ST_CoverageSimplify would keep it shared). A polygon too small to
-- survive keeps its reference geometry.
CREATE FUNCTION atlas_display_geom(geom geometry, metres float8) RETURNS geometry
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN ST_IsEmpty(s.geom) THEN ST_Multi(geom) ELSE s.geom END
  FROM (SELECT ST_Multi(ST_CollectionExtract(ST_ReducePrecision(
                 ST_Transform(ST_SimplifyPreserveTopology(ST_Transform(geom, 2154), metres), 4326), 0.000001), 3)) AS geom) s
$$;

CREATE TABLE territory_display (
  kind text NOT NULL,
  code text NOT NULL,
  geom geometry(MultiPolygon, 4326) NOT NULL,
  PRIMARY KEY (kind, code),
  FOREIGN KEY (kind, code) REFERENCES territory ON DELETE CASCADE
);
CREATE INDEX territory_display_geom_idx ON territory_display USING gist (geom);

-- Rebuilds every display geometry from the published territories; the territory import calls it
-- in its transaction (sql/territory-import/publish.sql), so readers never see the two disagree.
CREATE FUNCTION atlas_refresh_territory_display() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM territory_display;
  INSERT INTO territory_display (kind, code, geom)
  SELECT t.kind, t.code, atlas_display_geom(t.geom, k.display_tolerance)
  FROM territory t JOIN territory_kind k ON k.kind = t.kind
  WHERE t.geom IS NOT NULL;
$$;

SELECT atlas_refresh_territory_display();
