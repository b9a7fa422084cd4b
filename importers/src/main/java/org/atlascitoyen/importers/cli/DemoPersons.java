package org.atlascitoyen.importers.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.db.SqlResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fictional resource persons of the demo ({@code persons} of {@code demo.json}): no importer
 * writes persons (each real one signs up with consent), so the demo inserts its own, once, when
 * the database has none. Placed at their commune's point, their address under example.org.
 */
public final class DemoPersons {

    private static final String INSERT = SqlResource.statement("sql/demo/insert-person.sql");
    private static final List<String> SATELLITES = SqlResource.statements("sql/demo/person-satellites.sql");

    private DemoPersons() {
    }

    /** Inserts the persons of the demo's persons file, if the manifest names one and none exists; returns how many. */
    public static int load(DatabaseConfig db, Path dir) throws SQLException, IOException {
        JsonNode manifest = JsonMapper.shared().readTree(dir.resolve("demo.json").toFile());
        String file = manifest.path("persons").asString(null);
        if (file == null || !Files.isRegularFile(dir.resolve(file))) {
            return 0;
        }
        JsonNode persons = JsonMapper.shared().readTree(dir.resolve(file).toFile()).path("persons");
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            try (Statement count = connection.createStatement(); ResultSet rs = count.executeQuery("SELECT count(*) FROM person")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return 0;
                }
            }
            int inserted = 0;
            for (JsonNode person : persons.values()) {
                Long id = insert(connection, person);
                if (id != null) {
                    satellites(connection, id, person);
                    inserted++;
                }
            }
            connection.commit();
            return inserted;
        }
    }

    private static Long insert(Connection connection, JsonNode p) throws SQLException {
        List<String> themes = new ArrayList<>();
        p.path("themes").values().forEach(t -> themes.add(t.asString()));
        String visibility = p.hasNonNull("memberName") ? "{\"name\": \"members\"}" : "{}";
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, p.path("name").asString());
            insert.setString(2, p.path("name").asString());
            insert.setString(3, p.path("role").asString());
            insert.setString(4, String.join(",", themes));
            insert.setString(5, p.path("description").asString(null));
            insert.setString(6, p.path("structureName").asString(null));
            insert.setString(7, visibility);
            insert.setString(8, p.path("commune").asString());
            try (ResultSet rs = insert.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static void satellites(Connection connection, long id, JsonNode p) throws SQLException {
        List<String> perimeter = new ArrayList<>();
        p.path("perimeter").values().forEach(t -> perimeter.add(t.asString()));
        Object[][] params = {{id, p.path("email").asString()}, {id, p.path("memberName").asString(null)}, {id},
                {id, String.join(",", perimeter)}};
        for (int i = 0; i < SATELLITES.size(); i++) {
            try (PreparedStatement statement = connection.prepareStatement(SATELLITES.get(i))) {
                for (int j = 0; j < params[i].length; j++) {
                    statement.setObject(j + 1, params[i][j]);
                }
                statement.executeUpdate();
            }
        }
    }
}
