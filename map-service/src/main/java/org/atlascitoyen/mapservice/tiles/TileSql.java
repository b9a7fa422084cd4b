package org.atlascitoyen.mapservice.tiles;

import java.util.HashMap;
import java.util.Map;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.record.FilterSql;
import org.atlascitoyen.mapservice.record.PageSql;

/**
 * The SQL of tiles and clusters, from the templates of {@code sql/tiles/}: the rows of a grid
 * window ({@code cells-stored.sql}, {@code cells-live.sql} or {@code points.sql}) wrapped as one
 * vector tile layer ({@code mvt.sql}) or as GeoJSON rows ({@code features.sql}). Placeholders take
 * the public view and category column of the kind and the WHERE clause of {@link FilterSql}; every value
 * is a bind parameter. Public for the tile benchmark, which times this SQL beside the service.
 */
public final class TileSql {

    /**
     * The deepest zoom whose cells the database stores for the whole of a dataset
     * ({@code map_cell_max_zoom()} in V5): unfiltered tiles up to it read them, others cluster the
     * matching records on the fly.
     */
    public static final int STORED_MAX_ZOOM = 12;

    private static final String CELLS_STORED = SqlResource.load("sql/tiles/cells-stored.sql");
    private static final String CELLS_LIVE = SqlResource.load("sql/tiles/cells-live.sql");
    private static final String POINTS = SqlResource.load("sql/tiles/points.sql");
    private static final String MVT = SqlResource.load("sql/tiles/mvt.sql");
    private static final String FEATURES = SqlResource.load("sql/tiles/features.sql");

    /** How the records of a window become rows. */
    public enum Mode {
        /** One row per cell, from map_cell. */
        STORED_CELLS,
        /** One row per cell, from the records matching the filter. */
        LIVE_CELLS,
        /** One row per record. */
        POINTS
    }

    private TileSql() {
    }

    /** The way to read a window of this zoom for this filter, clustering below {@code clusterBelowZoom}. */
    public static Mode mode(int zoom, Filter filter, int clusterBelowZoom) {
        if (zoom >= clusterBelowZoom) {
            return Mode.POINTS;
        }
        boolean everything = filter.withoutBbox().equals(Filter.all(filter.kind()));
        return everything && zoom <= STORED_MAX_ZOOM ? Mode.STORED_CELLS : Mode.LIVE_CELLS;
    }

    /** One layer (named after the kind's path) of the vector tile. */
    public static PageSql.Statement tile(Tile tile, Filter filter, Mode mode) {
        PageSql.Statement rows = rows(Grid.window(tile), filter, mode);
        Map<String, Object> params = new HashMap<>(rows.params());
        params.put("layer", filter.kind().path());
        params.put("x", tile.x());
        params.put("y", tile.y());
        return new PageSql.Statement(MVT.replace("${rows}", rows.sql()).replace("${kind}", kindColumn(filter.kind())),
                params);
    }

    /** The rows of a window as GeoJSON points. */
    static PageSql.Statement features(Grid grid, Filter filter, Mode mode) {
        PageSql.Statement rows = rows(grid, filter, mode);
        return new PageSql.Statement(FEATURES.replace("${rows}", rows.sql()), rows.params());
    }

    /** The column that a single record shows as its kind: its category, {@code type} or {@code status}. */
    static String kindColumn(RecordKind kind) {
        return kind.category().column();
    }

    private static PageSql.Statement rows(Grid grid, Filter filter, Mode mode) {
        Map<String, Object> params = new HashMap<>();
        params.put("z", grid.zoom());
        params.put("minGx", grid.minGx());
        params.put("maxGx", grid.maxGx());
        params.put("minGy", grid.minGy());
        params.put("maxGy", grid.maxGy());
        if (mode == Mode.STORED_CELLS) {
            params.put("dataset", filter.kind().table());
            params.put("tileColumns", grid.tileColumns());
            params.put("tileRows", grid.tileRows());
            return new PageSql.Statement(CELLS_STORED, params);
        }
        double[] bounds = grid.mercatorBounds();
        params.put("minX", bounds[0]);
        params.put("minY", bounds[1]);
        params.put("maxX", bounds[2]);
        params.put("maxY", bounds[3]);
        FilterSql.Where where = FilterSql.where(filter.withoutBbox());
        params.putAll(where.params());
        String template = mode == Mode.LIVE_CELLS ? CELLS_LIVE : POINTS;
        return new PageSql.Statement(template.replace("${view}", filter.kind().publicView())
                .replace("${kind}", kindColumn(filter.kind())).replace("${where}", where.sql()), params);
    }
}
