package org.atlascitoyen.importers.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Privacy by schema (V7__public_views.sql): connected as the reader role, the role the map
 * service reads with, no query can read a private column, whatever table or view it goes
 * through, while everything the service serves stays readable. Private columns are those whose
 * comment starts with "private:"; each check finds them in the catalog, so a later migration
 * that marks a new column is checked without changing this test.
 */
class ReaderRoleIT {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    /** The values canary.sql writes in the private columns, as LIKE patterns. */
    private static final String[] CANARIES = {"%reader-role-canary%", "%0999989796%"};
    /** What the service reads besides the public views: territories, vocabularies, links, runs. */
    private static final List<String> SERVED = List.of("actor_public", "initiative_public", "territory", "territory_kind",
            "territory_commune", "territory_display", "commune", "commune_part", "theme", "actor_type",
            "initiative_status", "initiative_actor", "source", "import_run", "territory_import", "map_cell");

    private static DatabaseConfig db;

    @BeforeAll
    static void database() throws SQLException {
        DatabaseConfig server = TestDatabases.server();
        assumeFalse(server.readerUser().equals(server.user()),
                "the reader role is the owner itself (no ATLAS_DB_READER_USER): there is no privilege to check");
        db = TestDatabases.withTerritories();
        try (Connection owner = db.connect(); Statement st = owner.createStatement()) {
            for (String sql : SqlResource.statements("sql/reader-role/canary.sql")) {
                st.execute(sql);
            }
        }
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            TestDatabases.drop(db);
        }
    }

    @Test
    void theMarkerFindsTheContactsOfActors() throws SQLException {
        assertThat(privateColumns())
                .as("columns whose comment starts with 'private:' (if email or phone lost its marker, no check below would cover it)")
                .contains("actor.email", "actor.phone", "actor_provenance.content_hash");
    }

    @Test
    void readingAPrivateColumnIsRefused() throws SQLException {
        Map<String, String> notRefused = new LinkedHashMap<>();
        try (Connection reader = reader()) {
            for (String column : privateColumns()) {
                String[] relationColumn = column.split("\\.");
                String relation = quote(relationColumn[0]);
                for (String sql : List.of("SELECT " + quote(relationColumn[1]) + " FROM " + relation + " LIMIT 0",
                        "SELECT * FROM " + relation + " LIMIT 0")) {
                    String state = stateOf(reader, sql);
                    if (!INSUFFICIENT_PRIVILEGE.equals(state)) {
                        notRefused.put(sql, state == null ? "ran" : "SQLState " + state);
                    }
                }
            }
        }
        assertThat(notRefused).as("queries of a private column that the reader role ran, or that failed otherwise than with "
                + INSUFFICIENT_PRIVILEGE + " (insufficient_privilege)").isEmpty();
    }

    @Test
    void noReadableRelationIsMadeOfAPrivateColumn() throws SQLException {
        try (Connection reader = reader()) {
            assertThat(exposedColumns(reader)).as("columns the reader role may read that are private or made from a private "
                    + "column (a generated column, a view or materialized view reading one); serve them through a *_public "
                    + "view that leaves them out").isEmpty();
        }
    }

    @Test
    void noReadableRelationShowsTheCanaryValues() throws SQLException {
        try (Connection reader = reader()) {
            assertThat(canarySightings(reader)).as("relations the reader role may read that show a value written in a private "
                    + "column (canary.sql)").isEmpty();
        }
    }

    /** The two scans above catch each way a careless view could expose a private column. */
    @Test
    void theScansCatchCarelessViews() throws SQLException {
        List<String> views = List.of("careless_star", "careless_digest", "careless_row", "careless_on_careless");
        try (Connection owner = db.connect(); Statement st = owner.createStatement()) {
            for (String sql : SqlResource.statements("sql/reader-role/careless-views.sql")) {
                st.execute(sql);
            }
            st.execute("GRANT SELECT ON " + String.join(", ", views) + " TO " + quote(db.readerUser()));
            try (Connection reader = reader()) {
                assertThat(exposedColumns(reader)).as("found by the catalog")
                        .contains("careless_star.email (view)", "careless_star.phone (view)", "careless_star.name (view)",
                                "careless_digest.phone_digest (view)", "careless_on_careless.email_domain (view)")
                        .noneMatch(c -> c.startsWith("careless_row."));
                assertThat(canarySightings(reader)).as("found by the canary values")
                        .containsExactlyInAnyOrder("careless_star", "careless_row");
            } finally {
                st.execute("DROP VIEW " + String.join(", ", views));
            }
        }
    }

    @Test
    void theServiceReadsThePublicViewsTerritoriesVocabulariesAndRuns() throws SQLException {
        Map<String, String> refused = new LinkedHashMap<>();
        try (Connection reader = reader()) {
            for (String relation : SERVED) {
                putIfFailed(refused, reader, "SELECT * FROM " + quote(relation) + " LIMIT 1");
            }
            for (RecordKind kind : RecordKind.values()) {
                putIfFailed(refused, reader, "SELECT source, external_id, " + kind.provenanceKey()
                        + ", last_seen_at, seen, match_rule FROM " + kind.provenanceTable() + " LIMIT 1");
            }
            assertThat(refused).as("what the service reads, refused to the reader role").isEmpty();
            try (Statement st = reader.createStatement();
                 ResultSet rs = st.executeQuery("SELECT name, commune FROM actor_public WHERE name = 'Témoin de confidentialité'")) {
                assertThat(rs.next()).as("the canary actor, through actor_public").isTrue();
                assertThat(rs.getString("commune")).isEqualTo("31555");
            }
        }
    }

    /** A public view is its table, column for column, but the private columns: nothing else, nothing less. */
    @Test
    void aPublicViewHasEveryColumnOfItsTableButThePrivateOnes() throws SQLException {
        List<String> privateColumns = privateColumns();
        try (Connection reader = reader()) {
            for (RecordKind kind : RecordKind.values()) {
                String table = kind.table();
                List<String> expected = new ArrayList<>(columns(reader, table));
                expected.removeIf(c -> privateColumns.contains(table + "." + c));
                assertThat(columns(reader, kind.publicView())).as(kind.publicView() + "'s columns: " + table
                        + "'s but the private ones").containsExactlyElementsOf(expected);
            }
        }
    }

    private static Connection reader() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", db.readerUser());
        props.setProperty("password", db.readerPassword());
        props.setProperty("ApplicationName", "atlas-reader-role-test");
        return DriverManager.getConnection(db.url(), props);
    }

    /** {@code relation.column} of each column marked private. */
    private static List<String> privateColumns() throws SQLException {
        try (Connection owner = db.connect()) {
            return strings(owner, SqlResource.load("sql/reader-role/private-columns.sql"), rs -> rs.getString(1) + "." + rs.getString(2));
        }
    }

    /** {@code relation.column (kind)} of each private or derived column the reader may read. */
    private static List<String> exposedColumns(Connection reader) throws SQLException {
        return strings(reader, SqlResource.load("sql/reader-role/exposed-columns.sql"),
                rs -> rs.getString(1) + "." + rs.getString(2) + " (" + rs.getString(3) + ")");
    }

    /** The relations the reader may read that hold a canary value in a column it may read. */
    private static List<String> canarySightings(Connection reader) throws SQLException {
        Map<String, String> scans = new LinkedHashMap<>();
        try (Statement st = reader.createStatement();
             ResultSet rs = st.executeQuery(SqlResource.load("sql/reader-role/scannable-relations.sql"))) {
            while (rs.next()) {
                scans.put(rs.getString("relation"), rs.getString("scan"));
            }
        }
        assertThat(scans).as("relations the reader may read").containsKeys("actor_public", "territory");
        List<String> sightings = new ArrayList<>();
        for (Map.Entry<String, String> scan : scans.entrySet()) {
            try (PreparedStatement ps = reader.prepareStatement(scan.getValue())) {
                ps.setArray(1, reader.createArrayOf("text", CANARIES));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        sightings.add(scan.getKey());
                    }
                }
            }
        }
        return sightings;
    }

    private static List<String> columns(Connection c, String relation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass "
                + "AND attnum > 0 AND NOT attisdropped ORDER BY attnum")) {
            ps.setString(1, relation);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }
    }

    private interface Row {
        String read(ResultSet rs) throws SQLException;
    }

    private static List<String> strings(Connection c, String sql, Row row) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(row.read(rs));
            }
        }
        return values;
    }

    /** The SQLState the query failed with, or null when it ran. */
    private static String stateOf(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.executeQuery(sql).close();
            return null;
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    private static void putIfFailed(Map<String, String> failures, Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.executeQuery(sql).close();
        } catch (SQLException e) {
            failures.put(sql, e.getSQLState() + " " + e.getMessage());
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
