package org.atlascitoyen.mapservice.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atlascitoyen.mapservice.DemoServiceIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GDAL's OGC API Features driver (OAPIF), the client QGIS builds on, reads the API: it lists
 * the collections, counts and filters features, and pages through a whole collection with the
 * {@code next} links. Needs GDAL's command-line tools ({@code gdal-bin}, which .ci/run installs):
 * without them the test fails rather than skips, so that CI cannot pass without checking GDAL.
 */
class OgcGdalIT extends DemoServiceIT {

    private static final Pattern FEATURE_COUNT = Pattern.compile("Feature Count: (\\d+)");

    @Test
    void ogrinfoListsEveryCollection() {
        String out = gdal("ogrinfo", "-ro", "OAPIF:" + root());

        for (String id : List.of("actors", "initiatives", "communes", "epci", "petr", "bassins_vie", "departements",
                "regions", "qpv", "pnr")) {
            assertThat(out).containsPattern("\\d+: " + id + " \\(title: ");
        }
        assertThat(out).contains("actors (title: Acteurs) (Point)").contains("communes (title: Communes) (Multi Polygon)");
    }

    @Test
    void ogrinfoCountsActorsAsSqlDoes() throws SQLException {
        assertThat(featureCount(gdal("ogrinfo", "-ro", "-so", "OAPIF:" + root(), "actors")))
                .isEqualTo(sql("SELECT count(*) FROM actor"));
        // With a box, GDAL pages through the features inside it (it asks the OpenAPI document
        // whether the server counts hits, and goes on when it cannot tell).
        assertThat(featureCount(gdal("ogrinfo", "-ro", "-so", "OAPIF:" + root(), "actors",
                "-spat", "1.3", "43.5", "1.6", "43.7")))
                .isEqualTo(sql("SELECT count(*) FROM actor WHERE geom && ST_MakeEnvelope(1.3, 43.5, 1.6, 43.7, 4326)"))
                .isPositive();
    }

    @Test
    void ogrinfoReadsFeaturesAndTheirFields() throws SQLException {
        String departement = gdal("ogrinfo", "-ro", "OAPIF:" + root(), "departements", "-where", "code = '31'");
        assertThat(departement).contains("name (String) = Haute-Garonne").contains("MULTIPOLYGON");

        // Numeric ids are GDAL's feature ids: -fid reads /items/{id}.
        long id = sql("SELECT min(id) FROM actor");
        String actor = gdal("ogrinfo", "-ro", "OAPIF:" + root(), "actors", "-fid", Long.toString(id));
        assertThat(actor).contains("OGRFeature(actors):" + id).contains("updatedAt (DateTime) = ").contains("POINT (");
    }

    @Test
    void ogr2ogrPagesThroughAWholeCollection(@TempDir Path dir) throws IOException, SQLException {
        Path file = dir.resolve("epci.geojson");
        gdal("ogr2ogr", "-f", "GeoJSON", file.toString(), "OAPIF:" + root(), "epci");

        JsonNode features = JsonMapper.shared().readTree(Files.readString(file)).path("features");
        List<String> codes = new ArrayList<>();
        features.forEach(f -> codes.add(f.path("properties").path("code").asString()));
        assertThat(codes).hasSize((int) sql("SELECT count(*) FROM territory WHERE kind = 'epci'")).doesNotHaveDuplicates();
        assertThat(features.get(0).path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
    }

    @Test
    void ogrinfoReadsAGeoJsonPageInLambert93() throws SQLException {
        // A GIS user's URL: the communes of Haute-Garonne in one page, in Lambert-93.
        String url = root() + "/collections/communes/items?departement=31&limit=10000&crs="
                + "http://www.opengis.net/def/crs/EPSG/0/2154";
        String out = gdal("ogrinfo", "-ro", "-al", "-so", url);

        assertThat(featureCount(out)).isEqualTo(sql("SELECT count(*) FROM commune WHERE departement = '31'")).isPositive();
        assertThat(out).contains("RGF93 v1 / Lambert-93").contains("ID[\"EPSG\",2154]");
        Matcher extent = Pattern.compile("Extent: \\(([-\\d.]+), ([-\\d.]+)\\) - \\(([-\\d.]+), ([-\\d.]+)\\)").matcher(out);
        assertThat(extent.find()).as(out).isTrue();
        // Metres, as PostGIS transforms them (ogrinfo prints the extent to the centimetre or the metre).
        assertThat(Double.parseDouble(extent.group(1))).isCloseTo(sqlDouble("SELECT ST_XMin(ST_Extent(ST_Transform(t.geom,"
                + " 2154))) FROM territory t JOIN commune c ON c.code = t.code WHERE t.kind = 'commune'"
                + " AND c.departement = '31'"), within(1.0));
    }

    private String root() {
        return "http://localhost:" + port + "/ogc";
    }

    private static long featureCount(String ogrinfoOutput) {
        Matcher m = FEATURE_COUNT.matcher(ogrinfoOutput);
        assertThat(m.find()).as("a feature count in:\n" + ogrinfoOutput).isTrue();
        return Long.parseLong(m.group(1));
    }

    /**
     * Runs a GDAL tool and returns what it printed (into a file, so that a long output cannot
     * block it); fails on a non-zero exit, after two minutes, or when GDAL is missing.
     */
    private static String gdal(String... command) {
        Path out;
        try {
            out = Files.createTempFile("gdal", ".out");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        // The test server is local: never through a proxy the environment may set.
        builder.environment().put("NO_PROXY", "localhost,127.0.0.1");
        try {
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                return fail(command[0] + " is not installed: this test needs GDAL's tools (apt-get install gdal-bin;"
                        + " .ci/run installs them)", e);
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail(String.join(" ", command) + " took more than 120 s");
            }
            String printed = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(String.join(" ", command) + " printed:\n" + printed).isZero();
            return printed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("Interrupted", e);
        } finally {
            out.toFile().delete();
        }
    }

    private static double sqlDouble(String query) throws SQLException {
        try (Connection c = DEMO.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    private static long sql(String query) throws SQLException {
        try (Connection c = DEMO.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
