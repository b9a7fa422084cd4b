package org.atlascitoyen.mapservice.tiles;

import java.util.List;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.record.PageSql;
import org.atlascitoyen.mapservice.record.Point;
import org.atlascitoyen.mapservice.system.AtlasProperties;
import org.atlascitoyen.mapservice.system.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Vector tiles and clusters of actors and initiatives; the SQL is built by {@link TileSql}. */
@Repository
class TileRepository {

    private static final String REGION_BOUNDS = SqlResource.load("sql/tiles/region-bounds.sql");
    /** The whole Web Mercator world, when no region is imported. */
    private static final List<Double> WORLD = List.of(-180.0, -85.051129, 180.0, 85.051129);

    private final JdbcClient jdbc;
    private final int clusterBelowZoom;

    TileRepository(JdbcClient jdbc, AtlasProperties limits) {
        this.jdbc = jdbc;
        this.clusterBelowZoom = limits.tileClusterBelowZoom();
    }

    /** The tile of the records matching a filter (its bbox is ignored): empty when none is in it. */
    byte[] tile(Tile tile, Filter filter) {
        PageSql.Statement statement = TileSql.tile(tile, filter, TileSql.mode(tile.z(), filter, clusterBelowZoom));
        byte[] mvt = jdbc.sql(statement.sql()).params(statement.params()).query((rs, i) -> rs.getBytes(1)).single();
        return mvt == null ? new byte[0] : mvt;
    }

    /** The clusters (or single records, from the zoom that does not cluster) of the records matching a filter in a window. */
    List<ClusterFeature> clusters(Grid grid, Filter filter) {
        PageSql.Statement statement = TileSql.features(grid, filter, TileSql.mode(grid.zoom(), filter, clusterBelowZoom));
        String category = filter.kind().category().parameter();
        return jdbc.sql(statement.sql()).params(statement.params()).query((rs, i) -> {
            Long id = rs.getObject("id", Long.class);
            String kind = rs.getString("kind");
            return new ClusterFeature(id, new ClusterFeature.Properties(rs.getInt("n"), id, rs.getString("name"),
                    category, kind, SqlArrays.texts(rs.getArray("themes"))),
                    new Point(rs.getDouble("lon"), rs.getDouble("lat")));
        }).list();
    }

    /** The region's box as {@code [minLon, minLat, maxLon, maxLat]}, 6 decimals; the world without a region. */
    List<Double> regionBounds() {
        return jdbc.sql(REGION_BOUNDS).query((rs, i) -> {
            if (rs.getObject("min_lon") == null) {
                return WORLD;
            }
            return List.of(round(rs.getDouble("min_lon")), round(rs.getDouble("min_lat")), round(rs.getDouble("max_lon")),
                    round(rs.getDouble("max_lat")));
        }).single();
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    /** Whether a zoom groups records in cells. */
    boolean clustered(int zoom) {
        return zoom < clusterBelowZoom;
    }
}
