package org.atlascitoyen.mapservice.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.atlascitoyen.mapservice.DemoServiceIT;
import org.atlascitoyen.mapservice.system.DataVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Vector tiles and clusters over the demo data, decoded ({@link Mvt}) and checked against SQL
 * counts of the same envelopes; ETags and 304s, which must not touch the database (connections
 * taken from the pool are counted; the background poll of the data version is off).
 */
@Import(TileApiIT.CountedConnections.class)
@TestPropertySource(properties = "atlas.data-version-poll-ms=3600000")
class TileApiIT extends DemoServiceIT {

    private static final double TOULOUSE_LON = 1.4442;
    private static final double TOULOUSE_LAT = 43.6045;
    private static final int EXTENT = 4096;

    @Autowired
    private DataVersion dataVersion;

    @Test
    void aTileOverToulouseHoldsItsActorsAsPoints() throws SQLException {
        int[] tile = tileAt(TOULOUSE_LON, TOULOUSE_LAT, 14);
        HttpResponse<byte[]> response = tile("/tiles/actors/" + path(14, tile));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.mapbox-vector-tile");

        Mvt.Layer layer = layer(response.body(), "actors");
        assertThat(layer.extent()).isEqualTo(EXTENT);
        assertThat(layer.version()).isEqualTo(2);
        long inTile = sql("SELECT count(*) FROM actor WHERE geom_3857 && " + envelope(14, tile, 0));
        assertThat(inTile).as("demo actors in the tile").isPositive();
        assertThat(layer.features().stream().filter(f -> f.inside(EXTENT)).count()).isEqualTo(inTile);
        // With the buffer around the tile: the same records, by id, as the SQL.
        assertThat(ids(layer)).isEqualTo(Set.copyOf(longs(
                "SELECT id FROM actor WHERE geom_3857 && " + envelope(14, tile, 256.0 / EXTENT))));
        Mvt.Feature feature = layer.features().get(0);
        assertThat(feature.type()).isEqualTo(Mvt.POINT);
        assertThat(feature.id()).isEqualTo(feature.property("id"));
        assertThat(feature.properties()).containsKeys("name", "type", "count").doesNotContainKeys("email", "phone");
        assertThat(feature.property("count")).isEqualTo(1L);
    }

    @Test
    void clustersAtLowZoomCountEveryActorOfTheTile() throws SQLException {
        for (int zoom : new int[] {6, 8, 10, 12}) {
            int[] tile = tileAt(TOULOUSE_LON, TOULOUSE_LAT, zoom);
            Mvt.Layer layer = layer(tile("/tiles/actors/" + path(zoom, tile)).body(), "actors");
            long inTile = sql("SELECT count(*) FROM actor WHERE geom_3857 && " + envelope(zoom, tile, 0));
            assertThat(countInside(layer)).as("zoom " + zoom).isEqualTo(inTile).isPositive();
            for (Mvt.Feature f : layer.features()) {
                long count = (Long) f.property("count");
                assertThat(f.properties().containsKey("id")).as("only single records have an id").isEqualTo(count == 1);
                assertThat(f.properties().containsKey("name")).isEqualTo(count == 1);
            }
        }
        // At zoom 8 many actors share a cell: the tile is made of clusters, fewer than the actors.
        int[] tile = tileAt(TOULOUSE_LON, TOULOUSE_LAT, 8);
        Mvt.Layer layer = layer(tile("/tiles/actors/" + path(8, tile)).body(), "actors");
        assertThat(layer.features().stream().filter(f -> f.inside(EXTENT))).hasSizeLessThan((int) countInside(layer));
    }

    @Test
    void storedClustersEqualClustersOfAFilterThatKeepsEverything() {
        // Without a filter, low zooms read the cells stored by the database; a filter that keeps every
        // actor clusters the records on the fly: both must give the same features.
        for (int zoom : new int[] {7, 11}) {
            String tile = path(zoom, tileAt(TOULOUSE_LON, TOULOUSE_LAT, zoom));
            assertThat(summary(layer(tile("/tiles/actors/" + tile).body(), "actors")))
                    .isEqualTo(summary(layer(tile("/tiles/actors/" + tile + "?updatedSince=2000-01-01").body(), "actors")));
            assertThat(summary(layer(tile("/tiles/initiatives/" + tile).body(), "initiatives")))
                    .isEqualTo(summary(layer(tile("/tiles/initiatives/" + tile + "?updatedSince=2000-01-01").body(), "initiatives")));
        }
    }

    @Test
    void filtersChangeTheTile() throws SQLException {
        int[] tile = tileAt(TOULOUSE_LON, TOULOUSE_LAT, 9);
        String path = "/tiles/actors/" + path(9, tile);
        long all = countInside(layer(tile(path).body(), "actors"));
        long culture = countInside(layer(tile(path + "?theme=culture").body(), "actors"));
        assertThat(culture).isPositive().isLessThan(all)
                .isEqualTo(sql("SELECT count(*) FROM actor WHERE 'culture' = ANY(themes) AND geom_3857 && " + envelope(9, tile, 0)));
        assertThat(countInside(layer(tile(path + "?type=association&territory=departement:31").body(), "actors")))
                .isEqualTo(sql("SELECT count(*) FROM actor WHERE type = 'association' AND departement = '31' AND geom_3857 && "
                        + envelope(9, tile, 0)));

        // At the zooms of single records, every feature has the theme asked for.
        int[] street = tileAt(TOULOUSE_LON, TOULOUSE_LAT, 13);
        Mvt.Layer points = layer(tile("/tiles/actors/" + path(13, street) + "?theme=culture").body(), "actors");
        assertThat(points.features()).isNotEmpty()
                .allSatisfy(f -> assertThat(((String) f.property("themes")).split(",")).contains("culture"));

        // Initiatives: their own layer, with a status.
        Mvt.Layer done = layer(tile("/tiles/initiatives/" + path(9, tile) + "?status=terminee").body(), "initiatives");
        assertThat(countInside(done)).isEqualTo(sql("SELECT count(*) FROM initiative WHERE status = 'terminee' AND geom_3857 && "
                + envelope(9, tile, 0)));
        assertThat(done.features()).filteredOn(f -> f.properties().containsKey("id"))
                .allSatisfy(f -> assertThat(f.property("status")).isEqualTo("terminee"));
    }

    @Test
    void anEmptyTileIsA204() {
        HttpResponse<byte[]> sea = tile("/tiles/actors/10/0/0.pbf");
        assertThat(sea.statusCode()).isEqualTo(204);
        assertThat(sea.body()).isEmpty();
        assertThat(sea.headers().firstValue("ETag")).isPresent();
        int[] tile = tileAt(TOULOUSE_LON, TOULOUSE_LAT, 12);
        assertThat(tile("/tiles/actors/" + path(12, tile) + "?q=" + "zzzzintrouvable").statusCode()).isEqualTo(204);
        assertThat(tile("/tiles/actors/" + path(12, tile)).statusCode()).isEqualTo(200);
    }

    @Test
    void badTilesAndFiltersAreProblemsNamingTheParameter() {
        assertBad("/tiles/actors/21/0/0.pbf", "z");
        assertBad("/tiles/actors/-1/0/0.pbf", "z");
        assertBad("/tiles/actors/abc/0/0.pbf", "z");
        assertBad("/tiles/actors/3/8/0.pbf", "x");
        assertBad("/tiles/actors/3/-1/0.pbf", "x");
        assertBad("/tiles/initiatives/3/0/8.pbf", "y");
        assertBad("/tiles/actors/3/0/0.pbf?theme=nope", "theme");
        assertBad("/tiles/actors/3/0/0.pbf?status=idee", "status");
        assertBad("/tiles/actors/3/0/0.pbf?colour=red", "colour");
    }

    @Test
    void aCurrentEtagGetsA304WithoutAnyQueryAndANewDataVersionChangesIt() throws SQLException {
        String path = "/tiles/actors/" + path(8, tileAt(TOULOUSE_LON, TOULOUSE_LAT, 8)) + "?theme=culture,alimentation";
        HttpResponse<byte[]> first = tile(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("max-age=60, public");

        long before = CountedConnections.TAKEN.get();
        HttpResponse<byte[]> again = tile(path, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(again.headers().firstValue("Cache-Control")).hasValue("max-age=60, public");
        // The same filter written otherwise has the same ETag; a weak or listed one matches too.
        assertThat(tile(path.replace("culture,alimentation", "alimentation&theme=culture"), "If-None-Match", etag).statusCode())
                .isEqualTo(304);
        assertThat(tile(path, "If-None-Match", "\"other\", W/" + etag).statusCode()).isEqualTo(304);
        assertThat(CountedConnections.TAKEN.get()).as("connections taken for the 304s").isEqualTo(before);

        assertThat(tile(path + "&type=association").headers().firstValue("ETag")).isNotEqualTo(Optional.of(etag));
        try {
            execute("INSERT INTO import_run (id, record_kind, source, format, file, started_at, finished_at, status)"
                    + " VALUES (1000000, 'actor', 'etag-test', 'csv', 'none.csv', now(), now(), 'succeeded')");
            dataVersion.refresh();
            HttpResponse<byte[]> changed = tile(path, "If-None-Match", etag);
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(changed.headers().firstValue("ETag")).isPresent().isNotEqualTo(Optional.of(etag));
        } finally {
            execute("DELETE FROM import_run WHERE id = 1000000");
            dataVersion.refresh();
        }
        assertThat(tile(path, "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void aTerritoryHasAnEtagAnswered304WithoutAnyQuery() {
        HttpResponse<byte[]> first = tile("/api/territories/commune/31555");
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("max-age=3600, public");

        long before = CountedConnections.TAKEN.get();
        HttpResponse<byte[]> again = tile("/api/territories/commune/31555", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.headers().firstValue("Cache-Control")).hasValue("max-age=3600, public");
        assertThat(CountedConnections.TAKEN.get()).isEqualTo(before);

        assertThat(tile("/api/territories/commune/31555?simplify=100").headers().firstValue("ETag"))
                .isPresent().isNotEqualTo(Optional.of(etag));
        HttpResponse<byte[]> missing = tile("/api/territories/commune/99999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("ETag")).isEmpty();
    }

    @Test
    void clustersAsGeoJsonAreTheClustersOfTheTiles() throws SQLException {
        int[] tile = tileAt(TOULOUSE_LON, TOULOUSE_LAT, 8);
        double[] box = bbox(8, tile, 1e-6); // inside the tile: no cell of the neighbours
        String bbox = String.format(Locale.ROOT, "%.7f,%.7f,%.7f,%.7f", box[0], box[1], box[2], box[3]);
        HttpResponse<String> response = get("/api/actors/clusters?bbox=" + bbox + "&zoom=8");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/geo+json");
        assertThat(response.headers().firstValue("ETag")).isPresent();
        JsonNode body = json(response);
        assertThat(body.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(body.path("clustered").asBoolean()).isTrue();
        assertThat(body.path("numberMatched").asLong())
                .isEqualTo(sql("SELECT count(*) FROM actor WHERE geom_3857 && " + envelope(8, tile, 0)));
        List<Long> counts = new ArrayList<>();
        body.path("features").forEach(f -> {
            long count = f.path("properties").path("count").asLong();
            counts.add(count);
            if (count == 1) {
                assertThat(f.path("properties").path("name").asString()).isNotEmpty();
                assertThat(f.path("id").asLong()).isEqualTo(f.path("properties").path("id").asLong());
            }
        });
        Mvt.Layer layer = layer(tile("/tiles/actors/" + path(8, tile)).body(), "actors");
        assertThat(counts).containsExactlyInAnyOrderElementsOf(
                layer.features().stream().filter(f -> f.inside(EXTENT)).map(f -> (Long) f.property("count")).toList());

        JsonNode points = json(get("/api/actors/clusters?bbox=1.43,43.59,1.46,43.62&zoom=15"));
        assertThat(points.path("clustered").asBoolean()).isFalse();
        assertThat(points.path("features").size()).isPositive();
        points.path("features").forEach(f -> assertThat(f.path("properties").path("count").asInt()).isEqualTo(1));
        assertThat(json(get("/api/initiatives/clusters?bbox=-1,42,5,46&zoom=5")).path("numberMatched").asLong())
                .isEqualTo(sql("SELECT count(*) FROM initiative"));

        assertThat(json(get("/api/actors/clusters?zoom=8")).path("parameter").asString()).isEqualTo("bbox");
        assertThat(json(get("/api/actors/clusters?bbox=" + bbox)).path("parameter").asString()).isEqualTo("zoom");
        assertThat(json(get("/api/actors/clusters?bbox=" + bbox + "&zoom=99")).path("parameter").asString()).isEqualTo("zoom");
        assertThat(json(get("/api/actors/clusters?bbox=-5,40,10,50&zoom=14")).path("parameter").asString()).isEqualTo("bbox");
        // /api/actors/{id} is still there beside it.
        assertThat(get("/api/actors/" + longs("SELECT min(id) FROM actor").get(0)).statusCode()).isEqualTo(200);
    }

    /** Counts the connections the service takes from its pool. */
    @TestConfiguration(proxyBeanMethods = false)
    static class CountedConnections {

        static final AtomicLong TAKEN = new AtomicLong();

        @Bean
        static BeanPostProcessor countConnections() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource dataSource) || !name.equals("dataSource")) {
                        return bean;
                    }
                    return new DelegatingDataSource(dataSource) {
                        @Override
                        public Connection getConnection() throws SQLException {
                            TAKEN.incrementAndGet();
                            return super.getConnection();
                        }
                    };
                }
            };
        }
    }

    private void assertBad(String path, String parameter) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).path("parameter").asString()).as(path).isEqualTo(parameter);
    }

    private HttpResponse<byte[]> tile(String path, String... headers) {
        return get(path, HttpResponse.BodyHandlers.ofByteArray(), headers);
    }

    private static Mvt.Layer layer(byte[] tile, String name) {
        List<Mvt.Layer> layers = Mvt.decode(tile);
        assertThat(layers).extracting(Mvt.Layer::name).containsExactly(name);
        return layers.get(0);
    }

    /** Records in the features drawn in the tile itself (not in its buffer). */
    private static long countInside(Mvt.Layer layer) {
        return layer.features().stream().filter(f -> f.inside(EXTENT)).mapToLong(f -> (Long) f.property("count")).sum();
    }

    private static Set<Long> ids(Mvt.Layer layer) {
        Set<Long> ids = new HashSet<>();
        layer.features().forEach(f -> ids.add(f.id()));
        return ids;
    }

    /** The features as "x,y:count" in the order of their position, to compare two tiles. */
    private static List<String> summary(Mvt.Layer layer) {
        return layer.features().stream().map(f -> f.points().get(0)[0] + "," + f.points().get(0)[1] + ":" + f.property("count")
                + ":" + f.property("name")).sorted().toList();
    }

    /** The tile (x, y) holding a point at a zoom. */
    private static int[] tileAt(double lon, double lat, int zoom) {
        double n = 1 << zoom;
        double phi = Math.toRadians(lat);
        return new int[] {(int) Math.floor((lon + 180) / 360 * n),
            (int) Math.floor((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2 * n)};
    }

    private static String path(int zoom, int[] tile) {
        return zoom + "/" + tile[0] + "/" + tile[1] + ".pbf";
    }

    private static String envelope(int zoom, int[] tile, double margin) {
        return String.format(Locale.ROOT, "ST_TileEnvelope(%d, %d, %d, margin => %s)", zoom, tile[0], tile[1], margin);
    }

    /** The tile's box in WGS84, shrunk by a few degrees' millionths. */
    private static double[] bbox(int zoom, int[] tile, double inset) {
        double n = 1 << zoom;
        return new double[] {tile[0] / n * 360 - 180 + inset, latitude(tile[1] + 1, n) + inset,
            (tile[0] + 1) / n * 360 - 180 - inset, latitude(tile[1], n) - inset};
    }

    private static double latitude(int row, double n) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * row / n))));
    }

    private static long sql(String query) throws SQLException {
        return longs(query).get(0);
    }

    private static List<Long> longs(String query) throws SQLException {
        try (Connection c = DEMO.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            List<Long> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
            return values;
        }
    }

    private static void execute(String statement) throws SQLException {
        try (Connection c = DEMO.connect(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }
}
