package org.atlascitoyen.mapservice.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.bench.ApiCase.Goal;
import org.atlascitoyen.mapservice.bench.ApiCase.Request;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.record.Shape;
import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.record.PageSql;
import org.atlascitoyen.mapservice.record.RecordSelect;
import org.atlascitoyen.mapservice.territory.TerritoryKind;

/**
 * The requests of {@code ./atlas bench api}, drawn from what the benchmark database holds: points
 * inside the region's polygon, its EPCIs and communes, the themes actors have, and words of the
 * synthetic directory. Each list request is built once as a {@link Filter}; the URL and the raw
 * SQL are both made from it, the SQL by the service's own {@link PageSql}, so that the two sides
 * run the same statements with the same values.
 */
final class ApiCases {

    /** The page template of the lists, the very file the repository runs; each kind fills in its view and fields. */
    private static final String PAGE = SqlResource.load("sql/record/page.sql");
    /** Dates of {@code from}/{@code to} are Paris days, as FilterParser reads them. */
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** The service's default page size; given explicitly so that the raw side reads as many rows. */
    static final int LIMIT = 100;
    /** The count the service runs: up to atlas.count-max (10,000 by default) plus one. */
    static final long COUNT_CAP = 10_001;
    // A laptop screen, in 256-pixel Web Mercator tiles: what a map shows at a zoom level.
    private static final int SCREEN_WIDTH_PX = 1280;
    private static final int SCREEN_HEIGHT_PX = 800;
    private static final int POINTS = 5_000;

    /**
     * Searches people would type, built from the words {@link SyntheticDirectory} writes in names,
     * themes and descriptions: rare and common ones, single words and two-word queries (which
     * websearch_to_tsquery reads as "both words").
     */
    static final List<String> WORDS = List.of("jardin", "jardins partagés", "énergie", "énergie solidaire",
            "vélo", "repair café", "théâtre", "musique", "insertion", "numérique", "habitat participatif",
            "biodiversité", "colibris", "ressourcerie", "épicerie solidaire", "fabrique", "zéro déchet",
            "éducation populaire", "bénévoles", "repas partagé", "ateliers", "tiers-lieu");

    private final List<TerritoryLookups.Point> points;
    private final List<String> epcis;
    private final List<String> communes;
    private final List<String> themes;

    private ApiCases(List<TerritoryLookups.Point> points, List<String> epcis, List<String> communes,
                     List<String> themes) {
        this.points = points;
        this.epcis = epcis;
        this.communes = communes;
        this.themes = themes;
    }

    /** Reads the places and themes to draw from; call it once the actors are imported. */
    static ApiCases of(DatabaseConfig db, long seed) throws SQLException {
        return new ApiCases(TerritoryLookups.randomPoints(db, POINTS, (int) seed),
                strings(db, "SELECT code FROM territory WHERE kind = 'epci' ORDER BY code"),
                strings(db, "SELECT code FROM territory WHERE kind = 'commune' ORDER BY code"),
                strings(db, "SELECT DISTINCT unnest(themes) FROM actor ORDER BY 1"));
    }

    /** The list queries of the issue, each timed on the service and on raw SQL. */
    List<ApiCase> queries() {
        return List.of(
                list("bbox z8", r -> filter(bbox(r, 8), null, null, null, null)),
                list("bbox z11", r -> filter(bbox(r, 11), null, null, null, null)),
                list("bbox z14", r -> filter(bbox(r, 14), null, null, null, null)),
                list("near 2 km", r -> filter(null, near(r, 2_000), null, null, null)),
                list("near 10 km", r -> filter(null, near(r, 10_000), null, null, null)),
                list("EPCI", r -> filter(null, null, territory(TerritoryKind.EPCI, epcis, r), null, null)),
                list("EPCI + theme", r -> filter(null, null, territory(TerritoryKind.EPCI, epcis, r), pick(r, themes), null)),
                list("commune", r -> filter(null, null, territory(TerritoryKind.COMMUNE, communes, r), null, null)),
                list("commune + theme",
                        r -> filter(null, null, territory(TerritoryKind.COMMUNE, communes, r), pick(r, themes), null)),
                list("q", r -> filter(null, null, null, null, pick(r, WORDS))),
                list("EPCI + theme + q",
                        r -> filter(null, null, territory(TerritoryKind.EPCI, epcis, r), pick(r, themes), pick(r, WORDS))));
    }

    /**
     * HOOKS for the endpoints being built while this benchmark was written. Their URLs are here
     * already: a case whose endpoint does not answer 2xx shows "not served", and starts being timed the
     * day the endpoint lands. Its raw SQL is to be added then, from the endpoint's own .sql file
     * (as {@link #list} does with page.sql): replace {@code List.of()} with its statements.
     */
    List<ApiCase> hooks() {
        return List.of(
                new ApiCase("tiles z6-z14", Goal.TILE, Integer.MAX_VALUE, r -> {
                    int z = 6 + r.nextInt(9);
                    TerritoryLookups.Point p = pick(r, points);
                    int n = 1 << z;
                    int x = (int) Math.floor((p.lon() + 180) / 360 * n);
                    int y = (int) Math.floor(mercatorY(p.lat()) * n);
                    return new Request(String.format(Locale.ROOT, "/tiles/actors/%d/%d/%d.pbf", z, x, y), List.of());
                }),
                new ApiCase("coverage by EPCI", Goal.COVERAGE, Integer.MAX_VALUE,
                        r -> new Request("/api/coverage?level=epci", List.of())),
                new ApiCase("export CSV, all", Goal.EXPORT, 5,
                        r -> new Request("/api/export/actors.csv", List.of())));
    }

    /**
     * A case of {@code /api/<kind>}: its URL and its raw SQL (page, then count, as Pages runs them),
     * the page with the fields of the filter's kind, as RecordRepository fills it in.
     */
    static ApiCase list(String name, Function<SplittableRandom, Filter> draw) {
        return new ApiCase(name, Goal.QUERY, Integer.MAX_VALUE, r -> {
            Filter filter = draw.apply(r);
            String page = RecordSelect.of(filter.kind(), Shape.LIST, filter.sort() == Filter.Sort.DISTANCE).sql(PAGE);
            String query = query(filter);
            // One row more than the page, as Pages reads it to know whether there is a next page.
            return new Request("/api/" + filter.kind().path() + "?" + query + (query.isEmpty() ? "" : "&") + "limit=" + LIMIT,
                    List.of(PageSql.page(page, filter, null, LIMIT + 1), PageSql.count(filter, COUNT_CAP)));
        });
    }

    private static Filter filter(Filter.Bbox bbox, Filter.Near near, Filter.Territory territory, String theme, String q) {
        return new Filter(RecordKind.ACTOR, bbox, near, territory, theme == null ? null : List.of(theme), null, q, null);
    }

    /** The query string of a filter, as a client writes it. */
    static String query(Filter f) {
        List<String> params = new ArrayList<>();
        if (f.bbox() != null) {
            params.add("bbox=" + degrees(f.bbox().minLon()) + "," + degrees(f.bbox().minLat()) + ","
                    + degrees(f.bbox().maxLon()) + "," + degrees(f.bbox().maxLat()));
        }
        if (f.near() != null) {
            params.add("near=" + degrees(f.near().lon()) + "," + degrees(f.near().lat())
                    + "&radius=" + (long) f.near().radius());
        }
        if (f.territory() != null) {
            params.add("territory=" + f.territory().kind().key() + ":" + f.territory().code());
        }
        f.themes().forEach(t -> params.add("theme=" + t));
        f.categories().forEach(c -> params.add(f.kind().category().parameter() + "=" + c));
        // Days, as people write them: from is the start of its day, to the start of the day after its own.
        if (f.period() != null && f.period().from() != null) {
            params.add("from=" + f.period().from().atZoneSameInstant(PARIS).toLocalDate());
        }
        if (f.period() != null && f.period().to() != null) {
            params.add("to=" + f.period().to().atZoneSameInstant(PARIS).toLocalDate().minusDays(1));
        }
        if (f.q() != null) {
            params.add("q=" + URLEncoder.encode(f.q(), StandardCharsets.UTF_8));
        }
        return String.join("&", params);
    }

    /**
     * The box a {@value #SCREEN_WIDTH_PX}x{@value #SCREEN_HEIGHT_PX} px screen shows at zoom {@code z}
     * around a random point of the region (Web Mercator: the same width in degrees of longitude
     * everywhere, fewer degrees of latitude further north).
     */
    private Filter.Bbox bbox(SplittableRandom r, int z) {
        TerritoryLookups.Point centre = pick(r, points);
        double worldPx = 256.0 * (1 << z);
        double halfLon = SCREEN_WIDTH_PX / 2.0 * 360 / worldPx;
        double y = mercatorY(centre.lat());
        double halfY = SCREEN_HEIGHT_PX / 2.0 / worldPx;
        return new Filter.Bbox(round(centre.lon() - halfLon), round(latitude(y + halfY)),
                round(centre.lon() + halfLon), round(latitude(y - halfY)));
    }

    private Filter.Near near(SplittableRandom r, double radius) {
        TerritoryLookups.Point p = pick(r, points);
        return new Filter.Near(round(p.lon()), round(p.lat()), radius);
    }

    private static Filter.Territory territory(TerritoryKind kind, List<String> codes, SplittableRandom r) {
        return new Filter.Territory(kind, pick(r, codes));
    }

    /** Web Mercator y of a latitude, 0 at the top of the world and 1 at the bottom. */
    private static double mercatorY(double lat) {
        double phi = Math.toRadians(lat);
        return (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2;
    }

    private static double latitude(double mercatorY) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * mercatorY))));
    }

    /** Six decimals, as the URL carries them: the raw SQL gets the values the service parses. */
    private static double round(double degrees) {
        return Double.parseDouble(degrees(degrees));
    }

    private static String degrees(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    static <T> T pick(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    static List<String> strings(DatabaseConfig db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        if (values.isEmpty()) {
            throw new IllegalStateException("Nothing to draw requests from: " + sql);
        }
        return values;
    }
}
