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
 * The fictional needs and offers of the demo ({@code needsOffers} of {@code demo.json}): no
 * importer writes announcements (each real one is posted and moderated), so the demo inserts its
 * own when the table is empty, their last day counted from today so that they are open in the demo.
 */
public final class DemoNeedsOffers {

    private static final String INSERT = SqlResource.statement("sql/demo/insert-need-offer.sql");
    private static final List<String> SATELLITES = SqlResource.statements("sql/demo/need-offer-satellites.sql");

    private DemoNeedsOffers() {
    }

    /** Inserts the announcements of the demo's file, if the manifest names one and none exists; returns how many. */
    public static int load(DatabaseConfig db, Path dir) throws SQLException, IOException {
        JsonNode manifest = JsonMapper.shared().readTree(dir.resolve("demo.json").toFile());
        String file = manifest.path("needsOffers").asString(null);
        if (file == null || !Files.isRegularFile(dir.resolve(file))) {
            return 0;
        }
        JsonNode announcements = JsonMapper.shared().readTree(dir.resolve(file).toFile()).path("needsOffers");
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            try (Statement count = connection.createStatement(); ResultSet rs = count.executeQuery("SELECT count(*) FROM need_offer")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return 0;
                }
            }
            int inserted = 0;
            for (JsonNode announcement : announcements.values()) {
                Long id = insert(connection, announcement);
                if (id != null) {
                    satellites(connection, id, announcement);
                    inserted++;
                }
            }
            connection.commit();
            return inserted;
        }
    }

    private static Long insert(Connection connection, JsonNode a) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, a.path("title").asString());
            insert.setString(2, a.path("nature").asString());
            insert.setString(3, a.path("resource").asString());
            insert.setString(4, String.join(",", texts(a.path("skills"))));
            insert.setString(5, String.join(",", texts(a.path("themes"))));
            insert.setString(6, a.path("description").asString(null));
            insert.setString(7, a.path("actor").asString(null));
            insert.setString(8, a.path("authorName").asString(null));
            insert.setString(9, a.path("commune").asString(null));
            insert.setInt(10, a.path("validDays").asInt(90));
            try (ResultSet rs = insert.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static void satellites(Connection connection, long id, JsonNode a) throws SQLException {
        Object[][] params = {{id, a.path("email").asString(null)}, {id, String.join(",", texts(a.path("perimeter")))}};
        for (int i = 0; i < SATELLITES.size(); i++) {
            try (PreparedStatement statement = connection.prepareStatement(SATELLITES.get(i))) {
                for (int j = 0; j < params[i].length; j++) {
                    statement.setObject(j + 1, params[i][j]);
                }
                statement.executeUpdate();
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.values().forEach(v -> values.add(v.asString()));
        return values;
    }
}
