package org.atlascitoyen.mapservice.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
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
import java.util.stream.Stream;
import org.atlascitoyen.mapservice.DemoServiceIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GeoPackage exports over the demo data, read back by GDAL ({@code ogrinfo}, as QGIS would):
 * the right number of features per filter, EPSG:4326, the R-tree spatial index, the licences as
 * layer metadata; and the temporary file gone once sent.
 */
class GeoPackageExportIT extends DemoServiceIT {

    private static final Pattern FEATURE_COUNT = Pattern.compile("Feature Count: (\\d+)");

    @Test
    void ogrinfoReadsTheActorsGeoPackage(@TempDir Path dir) throws Exception {
        long temporaryBefore = temporaryFiles();
        Path file = download("/api/export/actors.gpkg", dir.resolve("actors.gpkg"));

        String info = gdal("ogrinfo", "-ro", "-so", file.toString(), "actors");
        assertThat(count(info)).isEqualTo(sql("SELECT count(*) FROM actor")).isPositive();
        assertThat(info).contains("Geometry: Point").containsPattern("ID\\[\"EPSG\",4326\\]|AUTHORITY\\[\"EPSG\",\"4326\"\\]")
                .contains("FID Column = fid").contains("Geometry Column = geom")
                .contains("name: String").contains("themes: String").contains("updatedAt: DateTime")
                .contains("LICENCES=Licences des sources");
        assertThat(gdal("ogrinfo", "-ro", file.toString(), "-sql", "SELECT HasSpatialIndex('actors', 'geom')"))
                .contains("HasSpatialIndex (Integer) = 1");
        // The R-tree finds what PostGIS finds in a box.
        assertThat(count(gdal("ogrinfo", "-ro", "-so", file.toString(), "actors", "-spat", "1.3", "43.5", "1.6", "43.7")))
                .isEqualTo(sql("SELECT count(*) FROM actor WHERE geom && ST_MakeEnvelope(1.3, 43.5, 1.6, 43.7, 4326)"));
        long id = sql("SELECT min(id) FROM actor");
        assertThat(gdal("ogrinfo", "-ro", file.toString(), "actors", "-fid", Long.toString(id)))
                .contains("name (String) = " + text("SELECT name FROM actor WHERE id = " + id));
        assertThat(temporaryFiles()).isEqualTo(temporaryBefore);
    }

    @Test
    void filtersAreThoseOfTheOtherExports(@TempDir Path dir) throws Exception {
        Path file = download("/api/export/initiatives.gpkg?status=en_cours&theme=climat", dir.resolve("i.gpkg"));

        assertThat(count(gdal("ogrinfo", "-ro", "-so", file.toString(), "initiatives")))
                .isEqualTo(sql("SELECT count(*) FROM initiative WHERE status = 'en_cours' AND 'climat' = ANY(themes)"));
        assertThat(get("/api/export/actors.gpkg?type=nope").statusCode()).isEqualTo(400);
    }

    private Path download(String path, Path to) {
        HttpResponse<Path> response = get(path, HttpResponse.BodyHandlers.ofFile(to));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/geopackage+sqlite3");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).endsWith(".gpkg\"");
        return response.body();
    }

    private static long temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("atlas-export-")).count();
        }
    }

    private static long count(String ogrinfo) {
        Matcher m = FEATURE_COUNT.matcher(ogrinfo);
        assertThat(m.find()).as(ogrinfo).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String gdal(String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("gdal", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("within 120 s").isTrue();
            String printed = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(printed).isZero();
            return printed;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static long sql(String query) throws SQLException {
        return Long.parseLong(text(query));
    }

    private static String text(String query) throws SQLException {
        try (Connection c = DEMO.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
