package org.atlascitoyen.mapservice.tiles;

import java.util.List;
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

    /** Whether a zoom groups records in cells. */
    boolean clustered(int zoom) {
        return zoom < clusterBelowZoom;
    }
}
