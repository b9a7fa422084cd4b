-- Map tiles (map-service tiles/): each record's point in Web Mercator, the projection of tiles,
-- stored once instead of transformed at every request, and the clusters of the low zooms stored
-- per grid cell, kept up to date by triggers whatever writes the records.
--
-- The grid: at zoom z a tile is cut in 64 x 64 cells (64 units of the 4096 of a vector tile), so
-- the world is 2^(z+6) cells across; cell (gx, gy) counts from the west and from the north. A
-- cell at zoom z is made of the 4 cells (2gx..2gx+1, 2gy..2gy+1) at zoom z+1: the stored zooms
-- are summed from the deepest one up, which keeps an update to the cells its records touch.

ALTER TABLE actor ADD COLUMN geom_3857 geometry(Point, 3857)
  GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED;
ALTER TABLE initiative ADD COLUMN geom_3857 geometry(Point, 3857)
  GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED;

-- Column of Web Mercator x (metres) in the grid of zoom z; the row of y is map_grid(-y, z).
-- Outside 0 .. 2^(z+6) - 1 for points beyond the Web Mercator square (latitude past 85.05).
CREATE FUNCTION map_grid(v float8, z integer) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT floor((v + 20037508.342789244) / 40075016.68557849 * (2 ^ (z + 6)))::integer
$$;

-- The deepest zoom whose cells are stored (TileSql.STORED_MAX_ZOOM in the service): deeper tiles
-- cluster on the fly, where a tile holds few enough records for it.
CREATE FUNCTION map_cell_max_zoom() RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT 12';

-- One row per non-empty cell of each stored zoom, for the records of one table, all of them: a
-- filtered map clusters on the fly.
CREATE TABLE map_cell (
  dataset text     NOT NULL,  -- the table: actor or initiative
  z       smallint NOT NULL,
  gx      integer  NOT NULL,
  gy      integer  NOT NULL,
  n       integer  NOT NULL,  -- records in the cell
  sx      float8   NOT NULL,  -- sums of their Web Mercator x and y: the centre is (sx / n, sy / n)
  sy      float8   NOT NULL,
  id      bigint,             -- with n = 1: the record, its name, its type (actor) or status (initiative)
  name    text,
  kind    text
);
-- A tile reads its cells by tile column and row (gx >> 6, gy >> 6); an update finds a cell by gx, gy.
CREATE UNIQUE INDEX map_cell_tile_idx ON map_cell (dataset, z, (gx >> 6), (gy >> 6), gx, gy);

-- The column holding a record's kind, shown on single points.
CREATE FUNCTION map_cell_kind_column(dataset text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE dataset WHEN 'actor' THEN 'type' WHEN 'initiative' THEN 'status' END
$$;

-- Recomputes the cells of one table: every cell when `dirty` is NULL, else the deepest-zoom
-- cells listed (gx << 32 | gy) and the cells above them. A record is in the cell of its
-- geom_3857; the deepest cells are summed from the records, the others from their 4 sub-cells.
CREATE FUNCTION map_cells_refresh(dataset_name text, dirty bigint[] DEFAULT NULL) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
  top constant integer := map_cell_max_zoom();
  -- Of the default collation whatever the caller's (TG_TABLE_NAME is a name, collation "C"):
  -- else the comparisons below could not use map_cell's index.
  ds constant text COLLATE "default" := dataset_name;
  level integer;
BEGIN
  IF dirty IS NULL THEN
    DELETE FROM map_cell c WHERE c.dataset = ds;
  ELSE
    IF to_regclass('pg_temp.map_cell_dirty') IS NULL THEN
      CREATE TEMP TABLE map_cell_dirty (z smallint, gx integer, gy integer) ON COMMIT DELETE ROWS;
    END IF;
    TRUNCATE map_cell_dirty;
    INSERT INTO map_cell_dirty SELECT DISTINCT top, (d >> 32)::integer, (d & 4294967295)::integer FROM unnest(dirty) d;
    ANALYZE map_cell_dirty;
    DELETE FROM map_cell c USING map_cell_dirty d
    WHERE c.dataset = ds AND c.z = top
      AND (c.gx >> 6) = (d.gx >> 6) AND (c.gy >> 6) = (d.gy >> 6) AND c.gx = d.gx AND c.gy = d.gy;
  END IF;
  -- The deepest cells, from the records (those of the dirty cells only: found through the
  -- geometry index by the cell's box, or by a hash of the cells when they are many).
  EXECUTE format($sql$
    INSERT INTO map_cell (dataset, z, gx, gy, n, sx, sy, id, name, kind)
    SELECT %1$L, %2$s, r.gx, r.gy, count(*), sum(r.x), sum(r.y), CASE WHEN count(*) = 1 THEN min(r.id) END,
           CASE WHEN count(*) = 1 THEN min(r.name) END, CASE WHEN count(*) = 1 THEN min(r.kind) END
    FROM (SELECT t.id, t.name, t.%3$I AS kind, ST_X(t.geom_3857) AS x, ST_Y(t.geom_3857) AS y,
                 map_grid(ST_X(t.geom_3857), %2$s) AS gx, map_grid(-ST_Y(t.geom_3857), %2$s) AS gy
          FROM %1$I t %4$s) r
    WHERE r.gx >= 0 AND r.gx < 2 ^ (%2$s + 6) AND r.gy >= 0 AND r.gy < 2 ^ (%2$s + 6)
    GROUP BY r.gx, r.gy
    ORDER BY r.gx >> 6, r.gy >> 6$sql$, ds, top, map_cell_kind_column(ds),
    CASE WHEN dirty IS NOT NULL THEN format($sql$
          WHERE EXISTS (
            SELECT FROM map_cell_dirty d
            WHERE t.geom && ST_Transform(ST_MakeEnvelope(
                    d.gx * 40075016.68557849 / 2 ^ (%1$s + 6) - 20037508.342789244,
                    20037508.342789244 - (d.gy + 1) * 40075016.68557849 / 2 ^ (%1$s + 6),
                    (d.gx + 1) * 40075016.68557849 / 2 ^ (%1$s + 6) - 20037508.342789244,
                    20037508.342789244 - d.gy * 40075016.68557849 / 2 ^ (%1$s + 6), 3857), 4326)
              AND d.gx = map_grid(ST_X(t.geom_3857), %1$s) AND d.gy = map_grid(-ST_Y(t.geom_3857), %1$s))$sql$, top)
    ELSE '' END);
  -- The zooms above, each from the one below.
  FOR level IN REVERSE top - 1 .. 0 LOOP
    IF dirty IS NULL THEN
      INSERT INTO map_cell (dataset, z, gx, gy, n, sx, sy, id, name, kind)
      SELECT ds, level, c.gx >> 1, c.gy >> 1, sum(c.n), sum(c.sx), sum(c.sy),
             CASE WHEN sum(c.n) = 1 THEN min(c.id) END, CASE WHEN sum(c.n) = 1 THEN min(c.name) END,
             CASE WHEN sum(c.n) = 1 THEN min(c.kind) END
      FROM map_cell c
      WHERE c.dataset = ds AND c.z = level + 1
      GROUP BY c.gx >> 1, c.gy >> 1
      ORDER BY (c.gx >> 1) >> 6, (c.gy >> 1) >> 6;
    ELSE
      INSERT INTO map_cell_dirty SELECT DISTINCT level, d.gx >> 1, d.gy >> 1 FROM map_cell_dirty d WHERE d.z = level + 1;
      DELETE FROM map_cell c USING map_cell_dirty d
      WHERE d.z = level AND c.dataset = ds AND c.z = level
        AND (c.gx >> 6) = (d.gx >> 6) AND (c.gy >> 6) = (d.gy >> 6) AND c.gx = d.gx AND c.gy = d.gy;
      INSERT INTO map_cell (dataset, z, gx, gy, n, sx, sy, id, name, kind)
      SELECT ds, level, c.gx >> 1, c.gy >> 1, sum(c.n), sum(c.sx), sum(c.sy),
             CASE WHEN sum(c.n) = 1 THEN min(c.id) END, CASE WHEN sum(c.n) = 1 THEN min(c.name) END,
             CASE WHEN sum(c.n) = 1 THEN min(c.kind) END
      FROM map_cell_dirty d
      JOIN map_cell c ON c.dataset = ds AND c.z = level + 1
       AND (c.gx >> 6) = (d.gx >> 5) AND (c.gy >> 6) = (d.gy >> 5)
       AND c.gx BETWEEN 2 * d.gx AND 2 * d.gx + 1 AND c.gy BETWEEN 2 * d.gy AND 2 * d.gy + 1
      WHERE d.z = level
      GROUP BY c.gx >> 1, c.gy >> 1;
    END IF;
  END LOOP;
END
$fn$;

-- After each statement that writes actors or initiatives: the cells of the records it inserted,
-- deleted, moved, renamed or retyped are recomputed, in the same transaction. A statement that
-- touches a large share of the cells (a first import) recomputes them all, which is faster.
-- Writers are serialised per table while the cells change (an import is already).
CREATE FUNCTION map_cells_after_write() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  top constant integer := map_cell_max_zoom();
  ds constant text COLLATE "default" := TG_TABLE_NAME;
  dirty bigint[];
  stored bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('atlas.map-cell.' || ds));
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM map_cells_refresh(ds);
    RETURN NULL;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT (map_grid(ST_X(geom_3857), top)::bigint << 32) | map_grid(-ST_Y(geom_3857), top))
    INTO dirty FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT (map_grid(ST_X(geom_3857), top)::bigint << 32) | map_grid(-ST_Y(geom_3857), top))
    INTO dirty FROM old_rows;
  ELSE
    EXECUTE format($sql$
      SELECT array_agg(DISTINCT (map_grid(ST_X(p), %1$s)::bigint << 32) | map_grid(-ST_Y(p), %1$s))
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES (o.geom_3857), (n.geom_3857)) AS v(p)
      WHERE o.geom_3857 IS DISTINCT FROM n.geom_3857 OR o.name IS DISTINCT FROM n.name
         OR o.%2$I IS DISTINCT FROM n.%2$I$sql$, top, map_cell_kind_column(ds))
    INTO dirty;
  END IF;
  IF dirty IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT count(*) INTO stored FROM map_cell c WHERE c.dataset = ds AND c.z = top;
  PERFORM map_cells_refresh(ds, CASE WHEN cardinality(dirty) * 10 > stored THEN NULL ELSE dirty END);
  RETURN NULL;
END
$fn$;

CREATE TRIGGER actor_map_cells_insert AFTER INSERT ON actor REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION map_cells_after_write();
CREATE TRIGGER actor_map_cells_update AFTER UPDATE ON actor REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION map_cells_after_write();
CREATE TRIGGER actor_map_cells_delete AFTER DELETE ON actor REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION map_cells_after_write();
CREATE TRIGGER actor_map_cells_truncate AFTER TRUNCATE ON actor
  FOR EACH STATEMENT EXECUTE FUNCTION map_cells_after_write();
CREATE TRIGGER initiative_map_cells_insert AFTER INSERT ON initiative REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION map_cells_after_write();
CREATE TRIGGER initiative_map_cells_update AFTER UPDATE ON initiative REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION map_cells_after_write();
CREATE TRIGGER initiative_map_cells_delete AFTER DELETE ON initiative REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION map_cells_after_write();
CREATE TRIGGER initiative_map_cells_truncate AFTER TRUNCATE ON initiative
  FOR EACH STATEMENT EXECUTE FUNCTION map_cells_after_write();

-- The records already published.
SELECT map_cells_refresh('actor');
SELECT map_cells_refresh('initiative');

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${readerRole}') AND '${readerRole}' <> current_user THEN
    EXECUTE format('GRANT SELECT ON map_cell TO %I', '${readerRole}');
  END IF;
END $$;
