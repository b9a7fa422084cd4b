package org.atlascitoyen.mapservice.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.atlascitoyen.mapservice.DemoServiceIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * OGC API Features Part 2 over the demo data: coordinates asked in Lambert-93, Web Mercator or
 * EPSG:4326 are PostGIS's own transformation of the stored ones, and a box given in another CRS
 * selects what SQL selects by transforming the features (not the box).
 */
class OgcCrsIT extends DemoServiceIT {

    private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    private static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";

    /** Toulouse's label point, where the demo places the actors located at the commune only. */
    private static final String TOULOUSE = "SELECT %s FROM territory WHERE kind = 'commune' AND code = '31555'";

    @Test
    void aCommuneCentreInLambert93IsPostgisOwnTransform() throws SQLException {
        long id = number("SELECT min(a.id) FROM actor a JOIN territory t ON t.kind = 'commune' AND t.code = a.commune"
                + " WHERE a.commune = '31555' AND a.precision = 'commune' AND ST_Equals(a.geom, t.label_point)");
        HttpResponse<String> response = get("/ogc/collections/actors/items/" + id + "?crs=" + EPSG + "2154");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Crs")).hasValue("<" + EPSG + "2154>");
        JsonNode xy = json(response).path("geometry").path("coordinates");
        double x = decimal(TOULOUSE.formatted("ST_X(ST_Transform(label_point, 2154))"));
        double y = decimal(TOULOUSE.formatted("ST_Y(ST_Transform(label_point, 2154))"));
        assertThat(xy.get(0).asDouble()).isCloseTo(x, within(0.006));
        assertThat(xy.get(1).asDouble()).isCloseTo(y, within(0.006));
        // And PostGIS itself is right: Toulouse is about 574 km east, 6,280 km north in Lambert-93.
        assertThat(x).isCloseTo(574_000, within(5_000.0));
        assertThat(y).isCloseTo(6_280_000, within(5_000.0));

        // The same point in a page of items, in Web Mercator.
        JsonNode page = json(get("/ogc/collections/actors/items?commune=31555&limit=1000&crs=" + EPSG + "3857"));
        JsonNode feature = page.path("features").valueStream().filter(f -> f.path("id").asLong() == id).findFirst()
                .orElseThrow();
        assertThat(feature.path("geometry").path("coordinates").get(0).asDouble())
                .isCloseTo(decimal(TOULOUSE.formatted("ST_X(ST_Transform(label_point, 3857))")), within(0.006));
        assertThat(page.path("crs").path("properties").path("name").asString()).isEqualTo("urn:ogc:def:crs:EPSG::3857");
    }

    @Test
    void epsg4326PutsTheLatitudeFirstAndCrs84TheLongitude() throws SQLException {
        long id = number("SELECT min(id) FROM actor WHERE commune = '31555' AND precision = 'commune'");
        double lon = decimal(TOULOUSE.formatted("ST_X(label_point)"));
        double lat = decimal(TOULOUSE.formatted("ST_Y(label_point)"));

        HttpResponse<String> latLon = get("/ogc/collections/actors/items/" + id + "?crs=" + EPSG + "4326");
        assertThat(latLon.headers().firstValue("Content-Crs")).hasValue("<" + EPSG + "4326>");
        JsonNode c = json(latLon).path("geometry").path("coordinates");
        assertThat(c.get(0).asDouble()).isCloseTo(lat, within(1e-6));
        assertThat(c.get(1).asDouble()).isCloseTo(lon, within(1e-6));

        HttpResponse<String> lonLat = get("/ogc/collections/actors/items/" + id);
        assertThat(lonLat.headers().firstValue("Content-Crs")).hasValue("<" + CRS84 + ">");
        assertThat(json(lonLat).path("geometry").path("coordinates").get(0).asDouble()).isCloseTo(lon, within(1e-6));
    }

    @Test
    void aPolygonInLambert93HasTheExtentPostgisGives() throws SQLException {
        JsonNode commune = json(get("/ogc/collections/communes/items/31555?crs=%5BEPSG:2154%5D"));
        double minX = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (JsonNode polygon : commune.path("geometry").path("coordinates")) {
            for (JsonNode point : polygon.get(0)) {
                minX = Math.min(minX, point.get(0).asDouble());
                maxY = Math.max(maxY, point.get(1).asDouble());
            }
        }
        assertThat(minX).isCloseTo(decimal(TOULOUSE.formatted("ST_XMin(ST_Transform(geom, 2154))")), within(0.006));
        assertThat(maxY).isCloseTo(decimal(TOULOUSE.formatted("ST_YMax(ST_Transform(geom, 2154))")), within(0.006));
    }

    @Test
    void aBoxInLambert93SelectsWhatTheSameBoxInCrs84Selects() throws SQLException {
        String crs84Box = "1.3,43.5,1.6,43.7";
        // The box's corners in Lambert-93, by PostGIS.
        String sw = "ST_Transform(ST_SetSRID(ST_MakePoint(1.3, 43.5), 4326), 2154)";
        String ne = "ST_Transform(ST_SetSRID(ST_MakePoint(1.6, 43.7), 4326), 2154)";
        double[] l93 = {decimal("SELECT ST_X(" + sw + ")"), decimal("SELECT ST_Y(" + sw + ")"),
                decimal("SELECT ST_X(" + ne + ")"), decimal("SELECT ST_Y(" + ne + ")")};
        String l93Box = l93[0] + "," + l93[1] + "," + l93[2] + "," + l93[3];

        Set<Long> inCrs84 = ids("actors", "bbox=" + crs84Box);
        Set<Long> inL93 = ids("actors", "bbox=" + l93Box + "&bbox-crs=" + EPSG + "2154");
        assertThat(inCrs84).hasSizeGreaterThan(20).isEqualTo(new TreeSet<>(longs(
                "SELECT id FROM actor WHERE geom && ST_MakeEnvelope(1.3, 43.5, 1.6, 43.7, 4326)")));
        // SQL transforms each point rather than the box, on its own.
        assertThat(inL93).isEqualTo(new TreeSet<>(longs("SELECT id FROM actor WHERE ST_Intersects(ST_Transform(geom, 2154),"
                + " ST_MakeEnvelope(" + l93Box + ", 2154))"))).isEqualTo(inCrs84);
        // Latitude first in EPSG:4326.
        assertThat(ids("actors", "bbox=43.5,1.3,43.7,1.6&bbox-crs=" + EPSG + "4326")).isEqualTo(inCrs84);
        // Territories too, and in Web Mercator.
        String sw3857 = "ST_Transform(ST_SetSRID(ST_MakePoint(1.3, 43.5), 4326), 3857)";
        String ne3857 = "ST_Transform(ST_SetSRID(ST_MakePoint(1.6, 43.7), 4326), 3857)";
        String box3857 = decimal("SELECT ST_X(" + sw3857 + ")") + "," + decimal("SELECT ST_Y(" + sw3857 + ")") + ","
                + decimal("SELECT ST_X(" + ne3857 + ")") + "," + decimal("SELECT ST_Y(" + ne3857 + ")");
        assertThat(codes("communes", "bbox=" + box3857 + "&bbox-crs=" + EPSG + "3857"))
                .isEqualTo(codes("communes", "bbox=" + crs84Box)).contains("31555");
    }

    @Test
    void aProjectedBoxIsClippedToTheAreaOfUseOfItsCrs() throws SQLException {
        // Far outside France, Lambert-93 folds back on itself: the box is clipped to its area of use first.
        long communes = number("SELECT count(*) FROM territory WHERE kind = 'commune'");
        String world = "-20000000,-20000000,20000000,20000000&bbox-crs=" + EPSG;
        assertThat(json(page("communes", "bbox=" + world + "2154")).path("numberMatched").asLong())
                .isEqualTo(communes);
        assertThat(json(page("communes", "bbox=" + world + "3857")).path("numberMatched").asLong())
                .isEqualTo(communes);
        assertThat(json(page("actors", "bbox=-9000000,0,-8000000,1000000&bbox-crs=" + EPSG + "2154"))
                .path("numberMatched").asLong()).isZero();
    }

    @Test
    void anUnsupportedCrsIsAProblemNamingItsParameter() {
        for (String request : List.of("actors/items?crs=" + EPSG + "27572", "actors/items/1?crs=EPSG:27572",
                "communes/items?bbox=1,2,3,4&bbox-crs=" + EPSG + "27572")) {
            HttpResponse<String> response = get("/ogc/collections/" + request);
            assertThat(response.statusCode()).as(request).isEqualTo(400);
            assertThat(json(response).path("parameter").asString()).isEqualTo(request.contains("bbox-crs") ? "bbox-crs" : "crs");
            assertThat(json(response).path("detail").asString()).contains(EPSG + "2154");
        }
    }

    @Test
    void everyCollectionListsItsCrsAndStorageCrs() {
        for (JsonNode c : json(get("/ogc/collections")).path("collections")) {
            assertThat(c.path("crs").valueStream().map(JsonNode::asString)).containsExactly(CRS84, EPSG + "4326",
                    EPSG + "2154", EPSG + "3857");
            assertThat(c.path("storageCrs").asString()).isEqualTo(CRS84);
        }
    }

    private Set<Long> ids(String collection, String query) {
        Set<Long> ids = new TreeSet<>();
        json(page(collection, query)).path("features").forEach(f -> ids.add(f.path("id").asLong()));
        return ids;
    }

    private Set<String> codes(String collection, String query) {
        Set<String> codes = new TreeSet<>();
        json(page(collection, query)).path("features").forEach(f -> codes.add(f.path("id").asString()));
        return codes;
    }

    private HttpResponse<String> page(String collection, String query) {
        HttpResponse<String> response = get("/ogc/collections/" + collection + "/items?limit=10000&" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static long number(String sql) throws SQLException {
        return longs(sql).get(0);
    }

    private static List<Long> longs(String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Connection c = DEMO.connect(); PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        assertThat(values).as(sql).isNotEmpty();
        return values;
    }

    private static double decimal(String sql) throws SQLException {
        try (Connection c = DEMO.connect(); PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getDouble(1);
        }
    }
}
