package org.atlascitoyen.mapservice.cql2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atlascitoyen.mapservice.DemoServiceIT;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * GDAL's OGC API Features driver sends an attribute filter ({@code -where}) to the service as a
 * CQL2 {@code filter} once the conformance page claims it: its debug output names the URL it
 * fetched, and the count is the service's, matching SQL. GDAL 3.6 decides from the API definition:
 * the items path {@code /collections/{collectionId}/items} must list the queryables as query
 * parameters and a {@code filter-lang} parameter whose enum holds {@code cql-text} (the draft's name).
 */
class Cql2GdalIT extends DemoServiceIT {

    private static final Pattern FEATURE_COUNT = Pattern.compile("Feature Count: (\\d+)");

    @Test
    @Disabled("Until the OGC API definition of issue 17 point 1 (branch i17-ogc) is merged with filter-lang listed")
    void ogrinfoWhereIsFilteredByTheService() throws Exception {
        String out = gdal("ogrinfo", "-ro", "-so", "--debug", "on", "OAPIF:http://localhost:" + port + "/ogc", "actors",
                "-where", "type = 'association' AND departement = '31'");

        assertThat(out).containsPattern("items\\?[^\\s]*filter=");
        Matcher m = FEATURE_COUNT.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        assertThat(Long.parseLong(m.group(1)))
                .isEqualTo(sql("SELECT count(*) FROM actor WHERE type = 'association' AND departement = '31'"))
                .isPositive();
    }

    private static String gdal(String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("gdal", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().put("NO_PROXY", "localhost,127.0.0.1");
            Process process = builder.start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("ogrinfo within 120 s").isTrue();
            String printed = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(printed).isZero();
            return printed;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static long sql(String query) throws SQLException {
        try (Connection c = DEMO.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
