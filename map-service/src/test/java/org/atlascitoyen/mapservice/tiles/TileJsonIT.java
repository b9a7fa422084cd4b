package org.atlascitoyen.mapservice.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.atlascitoyen.mapservice.DemoServiceIT;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The TileJSON documents and the MapLibre style over the demo data: the tile template fetched as
 * written, its layer and field names against a decoded tile, the bounds against PostGIS, and the
 * style's colours against the vocabularies.
 */
class TileJsonIT extends DemoServiceIT {

    @ParameterizedTest
    @CsvSource({"actors, actor, type", "initiatives, initiative, status"})
    void theTileJsonDescribesTheTilesAsServed(String path, String table, String category) throws SQLException {
        HttpResponse<String> response = get("/tiles/" + path + ".json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty(); // no Origin sent
        JsonNode doc = json(response);
        assertThat(doc.path("tilejson").asString()).isEqualTo("3.0.0");
        String template = doc.path("tiles").get(0).asString();
        assertThat(template).isEqualTo("http://localhost:" + port + "/tiles/" + path + "/{z}/{x}/{y}.pbf");
        assertThat(doc.path("minzoom").asInt()).isZero();
        assertThat(doc.path("maxzoom").asInt()).isEqualTo(20);
        double[] box = box("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)"
                + " FROM (SELECT ST_Extent(geom) e FROM territory WHERE kind = 'region') s");
        for (int i = 0; i < 4; i++) {
            assertThat(doc.path("bounds").get(i).asDouble()).isCloseTo(box[i], org.assertj.core.data.Offset.offset(1e-6));
        }
        JsonNode layer = doc.path("vector_layers").get(0);
        assertThat(doc.path("vector_layers").size()).isEqualTo(1);
        Set<String> fields = new HashSet<>(layer.path("fields").propertyNames());
        assertThat(fields).containsExactlyInAnyOrder("count", "id", "name", category, "themes");

        // A single record's tile (zoom 15, no clustering) carries every field; a grouped one (zoom 8) count.
        double[] record = box("SELECT ST_X(geom), ST_Y(geom) FROM " + table + " ORDER BY id LIMIT 1");
        for (int zoom : new int[] {15, 8}) {
            HttpResponse<byte[]> tile = get(URI.create(tileUrl(template, zoom, record[0], record[1])).getPath(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(tile.statusCode()).isEqualTo(200);
            List<Mvt.Layer> layers = Mvt.decode(tile.body());
            assertThat(layers).extracting(Mvt.Layer::name).containsExactly(layer.path("id").asString());
            Set<String> keys = new HashSet<>();
            layers.get(0).features().forEach(f -> keys.addAll(f.properties().keySet()));
            assertThat(fields).containsAll(keys);
            if (zoom == 15) {
                assertThat(keys).isEqualTo(fields);
            } else {
                assertThat(keys).contains("count");
            }
        }
    }

    @Test
    void theStyleDrawsBothKindsOverTheBaseMapWithTheWebMapColours() throws SQLException {
        JsonNode style = json(get("/tiles/style.json"));

        assertThat(style.path("version").asInt()).isEqualTo(8);
        JsonNode sources = style.path("sources");
        assertThat(sources.path("fond-de-carte").path("tiles").get(0).asString())
                .isEqualTo("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
        for (String kind : List.of("actors", "initiatives")) {
            String url = sources.path(kind).path("url").asString();
            assertThat(url).isEqualTo("http://localhost:" + port + "/tiles/" + kind + ".json");
            assertThat(json(get(URI.create(url).getPath())).path("tilejson").asString()).isEqualTo("3.0.0");
        }
        List<String> ids = new ArrayList<>();
        JsonNode actors = null;
        for (JsonNode layer : style.path("layers")) {
            ids.add(layer.path("id").asString());
            if (layer.path("id").asString().equals("actors")) {
                actors = layer;
            }
        }
        assertThat(ids).containsExactly("fond", "fond-de-carte", "initiatives-groupes", "initiatives", "actors-groupes",
                "actors");
        assertThat(actors.path("source-layer").asString()).isEqualTo("actors");
        JsonNode match = actors.path("paint").path("circle-color");
        assertThat(match.get(0).asString()).isEqualTo("match");
        assertThat(match.get(1).get(1).asString()).isEqualTo("type");
        List<String> codes = new ArrayList<>();
        for (int i = 2; i < match.size() - 1; i += 2) {
            codes.add(match.get(i).asString());
        }
        assertThat(codes).containsExactlyInAnyOrderElementsOf(column("SELECT code FROM actor_type"));
        assertThat(match.get(codes.indexOf("association") * 2 + 3).asString()).isEqualTo("#1b7837"); // config.js
    }

    /** The tile of a template containing a point (Web Mercator tiling, as Tile and Grid do). */
    private static String tileUrl(String template, int zoom, double lon, double lat) {
        int n = 1 << zoom;
        int x = (int) Math.floor((lon + 180) / 360 * n);
        double rad = Math.toRadians(lat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * n);
        return template.replace("{z}", Integer.toString(zoom)).replace("{x}", Integer.toString(x))
                .replace("{y}", Integer.toString(y));
    }

    private static double[] box(String sql) throws SQLException {
        try (Connection c = DEMO.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            double[] values = new double[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rs.getDouble(i + 1);
            }
            return values;
        }
    }

    private static List<String> column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DEMO.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
