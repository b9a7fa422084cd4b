package org.atlascitoyen.mapservice.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.atlascitoyen.mapservice.DemoServiceIT;
import org.junit.jupiter.api.Test;

/** The CSV export's Lambert-93 columns ({@code crs=EPSG:2154}) against PostGIS's own ST_Transform. */
class Lambert93CsvIT extends DemoServiceIT {

    @Test
    void everyRowHasItsPointInLambert93AsPostgisComputesIt() throws Exception {
        List<CSVRecord> rows = csv("/api/export/initiatives.csv?crs=EPSG:2154&territory=departement:31");
        Map<String, double[]> expected = new HashMap<>();
        try (Connection c = DEMO.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, ST_X(ST_Transform(geom, 2154)), ST_Y(ST_Transform(geom, 2154))"
                     + " FROM initiative WHERE departement = '31'")) {
            while (rs.next()) {
                expected.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
            }
        }

        assertThat(rows).hasSize(expected.size()).isNotEmpty();
        for (CSVRecord row : rows) {
            double[] xy = expected.get(row.get("id"));
            assertThat(Double.parseDouble(row.get("x_l93"))).isCloseTo(xy[0], org.assertj.core.data.Offset.offset(0.005));
            assertThat(Double.parseDouble(row.get("y_l93"))).isCloseTo(xy[1], org.assertj.core.data.Offset.offset(0.005));
            // Lambert-93 covers metropolitan France: metres, in its range.
            assertThat(xy[0]).isBetween(100_000.0, 1_300_000.0);
            assertThat(xy[1]).isBetween(6_000_000.0, 7_200_000.0);
        }
        List<String> header = rows.get(0).getParser().getHeaderNames();
        assertThat(header.indexOf("x_l93")).isEqualTo(header.indexOf("lat") + 1);
        assertThat(header.indexOf("y_l93")).isEqualTo(header.indexOf("lat") + 2);
    }

    @Test
    void theColumnsComeOnlyOnRequestAndABadCrsIsRefused() throws Exception {
        assertThat(csv("/api/export/actors.csv?territory=departement:31").get(0).getParser().getHeaderNames())
                .contains("lon", "lat").doesNotContain("x_l93", "y_l93");
        assertThat(csv("/api/export/actors.csv?territory=departement:31&crs=EPSG:4326").get(0).getParser().getHeaderNames())
                .doesNotContain("x_l93");
        HttpResponse<String> bad = get("/api/export/actors.csv?crs=EPSG:3857");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).path("parameter").asString()).isEqualTo("crs");
        // Semicolon CSV: decimal commas in the Lambert-93 columns too.
        String semicolon = get("/api/export/actors.csv?territory=departement:31&crs=EPSG:2154&sep=semicolon").body();
        assertThat(semicolon.lines().skip(1).findFirst().orElseThrow()).containsPattern(";\\d{5,7}(,\\d{1,2})?;\\d{7}(,\\d{1,2})?;");
    }

    private List<CSVRecord> csv(String path) throws IOException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String body = response.body().startsWith("\uFEFF") ? response.body().substring(1) : response.body();
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body)).getRecords();
    }
}
