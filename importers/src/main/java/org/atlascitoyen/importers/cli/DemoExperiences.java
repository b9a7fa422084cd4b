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
 * The fictional retours d'expérience of the demo ({@code experiences} of {@code demo.json}),
 * failures and abandoned projects included: no directory holds experiences, so the demo inserts
 * its own, once, when the database has no proposed or demo experience (the lessons learned of
 * initiatives, kept as experiences by the database, do not count).
 */
public final class DemoExperiences {

    private static final String INSERT = SqlResource.statement("sql/demo/insert-experience.sql");
    private static final String COUNT = "SELECT count(*) FROM experience WHERE origin IN ('proposed', 'demo')";

    private DemoExperiences() {
    }

    /** Inserts the experiences of the demo's file, if the manifest names one and none exists; returns how many. */
    public static int load(DatabaseConfig db, Path dir) throws SQLException, IOException {
        JsonNode manifest = JsonMapper.shared().readTree(dir.resolve("demo.json").toFile());
        String file = manifest.path("experiences").asString(null);
        if (file == null || !Files.isRegularFile(dir.resolve(file))) {
            return 0;
        }
        JsonNode experiences = JsonMapper.shared().readTree(dir.resolve(file).toFile()).path("experiences");
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            try (Statement count = connection.createStatement(); ResultSet rs = count.executeQuery(COUNT)) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return 0;
                }
            }
            int inserted = 0;
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (JsonNode experience : experiences.values()) {
                    bind(insert, experience);
                    try (ResultSet rs = insert.executeQuery()) {
                        inserted += rs.next() ? 1 : 0;
                    }
                }
            }
            connection.commit();
            return inserted;
        }
    }

    private static void bind(PreparedStatement insert, JsonNode e) throws SQLException {
        List<String> themes = new ArrayList<>();
        e.path("themes").values().forEach(t -> themes.add(t.asString()));
        String place = e.path("place").asString();
        int colon = place.indexOf(':');
        Object[] values = {e.path("name").asString(), e.path("name").asString(), e.path("outcome").asString(),
            String.join(",", themes), e.path("description").asString(), e.path("happened").asString(),
            e.path("differently").asString(), e.path("carriedBy").asString(null), e.path("startedOn").asString(),
            e.path("endedOn").asString(null), e.path("publicReached").asString(null), e.path("means").asString(null),
            e.path("partners").asString(null), e.has("evidenceLinks") ? e.get("evidenceLinks").toString() : "[]",
            place.substring(0, colon), place.substring(colon + 1)};
        for (int i = 0; i < values.length; i++) {
            insert.setObject(i + 1, values[i]);
        }
    }
}
