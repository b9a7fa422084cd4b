package org.atlascitoyen.mapservice.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.atlascitoyen.importers.directory.DirectoryTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The stored clusters (map_cell, migration V5) follow every write to the actors: after inserts,
 * moves, renames, type changes and deletes, in small statements (the cells touched are
 * recomputed) and large ones (all are), they equal the cells recomputed from scratch, and every
 * zoom counts every actor once.
 */
class MapCellIT {

    @RegisterExtension
    final DirectoryTestDatabase db = DirectoryTestDatabase.perTest();

    @Test
    void cellsFollowEveryWrite() throws SQLException {
        // A first large insert: every cell is computed.
        execute(insert(400, "setseed(0.1)"));
        assertCellsAreFresh(400);
        // Small writes: only the cells touched, and those above them.
        execute("UPDATE actor SET geom = ST_SetSRID(ST_Point(ST_X(geom) + 0.05, ST_Y(geom) - 0.02), 4326) WHERE id % 50 = 0");
        assertCellsAreFresh(400);
        execute("UPDATE actor SET name = name || ' (renamed)' WHERE id % 37 = 0");
        execute("UPDATE actor SET type = 'tiers_lieu' WHERE id % 41 = 0 AND type <> 'tiers_lieu'");
        execute("UPDATE actor SET description = 'no cell changes' WHERE id % 3 = 0");
        assertCellsAreFresh(400);
        execute("DELETE FROM actor WHERE id % 29 = 0");
        long left = count("SELECT count(*) FROM actor");
        assertCellsAreFresh(left);
        execute(insert(7, "setseed(0.2)"));
        assertCellsAreFresh(left + 7);
        // Two actors at one point form a cluster at every zoom: no id or name left on it.
        execute("INSERT INTO actor (name, name_search, type, geom, precision) VALUES"
                + " ('Twin A', 'twin a', 'association', ST_SetSRID(ST_Point(2.35, 43.21), 4326), 'address'),"
                + " ('Twin B', 'twin b', 'association', ST_SetSRID(ST_Point(2.35, 43.21), 4326), 'address')");
        assertCellsAreFresh(left + 9);
        assertThat(count("SELECT count(*) FROM map_cell c JOIN actor a ON a.id = c.id WHERE a.name LIKE 'Twin%'")).isZero();
        execute("DELETE FROM actor WHERE name = 'Twin B'");
        assertThat(count("SELECT count(*) FROM map_cell c JOIN actor a ON a.id = c.id AND a.name = 'Twin A' AND c.z = "
                + TileSql.STORED_MAX_ZOOM)).isEqualTo(1);
        assertCellsAreFresh(left + 8);
        // A large move: every cell again.
        execute("UPDATE actor SET geom = ST_SetSRID(ST_Point(ST_X(geom) - 0.3, ST_Y(geom)), 4326)");
        assertCellsAreFresh(left + 8);
    }

    /** Random actors in the region's box. */
    private static String insert(int n, String seed) {
        return "SELECT " + seed + "; INSERT INTO actor (name, name_search, type, geom, precision)"
                + " SELECT 'Actor ' || g, 'actor ' || g, (ARRAY['association', 'collectivite', 'ess'])[1 + g % 3],"
                + " ST_SetSRID(ST_Point(0.0 + random() * 4.9, 42.3 + random() * 2.8), 4326), 'address'"
                + " FROM generate_series(1, " + n + ") g";
    }

    private void assertCellsAreFresh(long actors) throws SQLException {
        execute("CREATE TABLE maintained AS SELECT * FROM map_cell");
        try (Connection c = db.config().connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("SELECT map_cells_refresh('actor')");
            c.commit();
        }
        List<String> differences = db.rows("""
                SELECT 'z', z, 'cell', gx, gy, 'kept', m.n, m.id, m.name, m.kind, 'fresh', f.n, f.id, f.name, f.kind
                FROM maintained m FULL JOIN map_cell f USING (dataset, z, gx, gy)
                WHERE m.n IS DISTINCT FROM f.n OR m.id IS DISTINCT FROM f.id OR m.name IS DISTINCT FROM f.name
                   OR m.kind IS DISTINCT FROM f.kind OR abs(m.sx - f.sx) > 1e-3 OR abs(m.sy - f.sy) > 1e-3
                ORDER BY z, gx, gy""");
        execute("DROP TABLE maintained");
        assertThat(differences).as("cells kept by the triggers that differ from cells recomputed").isEmpty();
        assertThat(count("SELECT count(DISTINCT z) FROM map_cell")).isEqualTo(TileSql.STORED_MAX_ZOOM + 1);
        assertThat(count("SELECT max(z) FROM map_cell")).isEqualTo(count("SELECT map_cell_max_zoom()"));
        assertThat(db.rows("SELECT z FROM map_cell GROUP BY z HAVING sum(n) <> " + actors)).as("zooms miscounting").isEmpty();
    }

    private long count(String query) throws SQLException {
        return Long.parseLong(db.value(query));
    }

    private void execute(String statements) throws SQLException {
        try (Connection c = db.config().connect(); Statement st = c.createStatement()) {
            st.execute(statements);
        }
    }
}
