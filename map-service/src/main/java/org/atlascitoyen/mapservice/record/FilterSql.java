package org.atlascitoyen.mapservice.record;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.record.RecordKind;

/**
 * A {@link Filter} as the WHERE clause of a query on a kind's public view, aliased {@code r}.
 * The clause is assembled from the fixed fragments below, one per criterion present; every value
 * is a bind parameter, so no request text ever becomes SQL. Only present criteria appear, which
 * lets the planner pick the index of the most selective one.
 */
public final class FilterSql {

    /** The French full-text query of {@code q}; web-search syntax: "quoted phrase", or, -word. */
    public static final String TSQUERY = "websearch_to_tsquery('public.atlas_fr', :q)";
    /** The point of {@code near}. */
    public static final String NEAR_POINT = "ST_SetSRID(ST_MakePoint(:nearLon, :nearLat), 4326)";
    /** Geodesic distance in metres from the point of {@code near}. */
    public static final String DISTANCE = "ST_Distance(r.geom::geography, " + NEAR_POINT + "::geography)";
    /** Relevance of a match for {@code q}. */
    public static final String RANK = "ts_rank(r.search, " + TSQUERY + ")::float8";

    private static final double METRES_PER_DEGREE = 111_320;

    private FilterSql() {
    }

    /** A WHERE clause (never empty: {@code TRUE} without criteria) and the values it binds. */
    public record Where(String sql, Map<String, Object> params) {
    }

    public static Where where(Filter filter) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.bbox() != null) {
            clauses.add("r.geom && ST_MakeEnvelope(:bboxMinLon, :bboxMinLat, :bboxMaxLon, :bboxMaxLat, 4326)");
            params.put("bboxMinLon", filter.bbox().minLon());
            params.put("bboxMinLat", filter.bbox().minLat());
            params.put("bboxMaxLon", filter.bbox().maxLon());
            params.put("bboxMaxLat", filter.bbox().maxLat());
        }
        if (filter.near() != null) {
            near(filter.near(), clauses, params);
        }
        if (filter.territory() != null) {
            clauses.add(filter.kind().hasPerimeter() ? coveredBy(filter.kind(), filter.territory()) : territory(filter.territory()));
            params.put("territoryKind", filter.territory().kind().key());
            params.put("territoryCode", filter.territory().code());
        }
        if (!filter.themes().isEmpty()) {
            clauses.add("r.themes && CAST(ARRAY[:themes] AS text[])");
            params.put("themes", filter.themes());
        }
        if (!filter.categories().isEmpty()) {
            // The column is a constant of the kind's description, never request text. The parameter
            // is named after it: coverage binds the actors' types and the initiatives' statuses at once.
            String column = filter.kind().category().column();
            clauses.add("r." + column + " IN (:" + column + "Codes)");
            params.put(column + "Codes", filter.categories());
        }
        if (!filter.territoryTypes().isEmpty()) {
            clauses.add(territoryTypes(filter.territoryTypes()));
            params.put("territoryTypes", filter.territoryTypes());
        }
        if (filter.q() != null) {
            clauses.add("r.search @@ " + TSQUERY);
            params.put("q", filter.q());
        }
        if (filter.updatedSince() != null) {
            clauses.add("r.updated_at >= :updatedSince");
            params.put("updatedSince", filter.updatedSince());
        }
        if (filter.period() != null && filter.period().from() != null) {
            clauses.add("r.ends_at >= :periodFrom");
            params.put("periodFrom", filter.period().from());
        }
        if (filter.period() != null && filter.period().to() != null) {
            clauses.add("r.starts_at < :periodTo");
            params.put("periodTo", filter.period().to());
        }
        return new Where(clauses.isEmpty() ? "TRUE" : String.join("\n  AND ", clauses), params);
    }

    /**
     * Within the radius on the spheroid; the box around the circle comes first so that the GiST
     * index on the geometry does the coarse work.
     */
    private static void near(Filter.Near near, List<String> clauses, Map<String, Object> params) {
        double dLat = near.radius() / METRES_PER_DEGREE;
        double cos = Math.max(Math.cos(Math.toRadians(near.lat())), 0.01);
        double dLon = Math.min(near.radius() / (METRES_PER_DEGREE * cos), 180);
        clauses.add("r.geom && ST_MakeEnvelope(:nearMinLon, :nearMinLat, :nearMaxLon, :nearMaxLat, 4326)");
        clauses.add("ST_DWithin(r.geom::geography, " + NEAR_POINT + "::geography, :radius)");
        // 1% margin: the box must contain the whole circle whatever the ellipsoid's curvature.
        params.put("nearMinLon", near.lon() - dLon * 1.01);
        params.put("nearMaxLon", near.lon() + dLon * 1.01);
        params.put("nearMinLat", near.lat() - dLat * 1.01);
        params.put("nearMaxLat", near.lat() + dLat * 1.01);
        params.put("nearLon", near.lon());
        params.put("nearLat", near.lat());
        params.put("radius", near.radius());
    }

    /**
     * Resource persons, needs and offers are found by the territories they cover, not by their point
     * ("who covers my commune?"): a record matches a territory when a territory of its perimeter
     * shares at least one commune with it. For a commune: the records whose perimeter holds the
     * commune, its EPCI, PETR, bassin de vie, département or région (a PETR perimeter covers its
     * communes). For a territory above: the records whose perimeter lies inside it, contains it or
     * overlaps it. QPV and PNR go through the communes their source lists.
     *
     * <p>Set-based: the territory's communes give the few perimeter keys that touch it (their own
     * codes and the keys above them, a hundred rows at most for a département), and the perimeter
     * index finds the records holding one of them; a test per record and per commune cost 150 ms
     * for a bassin de vie among 20,000 announcements.
     */
    private static String coveredBy(RecordKind kind, Filter.Territory territory) {
        String inside = switch (territory.kind()) {
            case COMMUNE -> "c.code = :territoryCode";
            case EPCI -> "c.epci = :territoryCode";
            case PETR -> "c.petr = :territoryCode";
            case BASSIN_VIE -> "c.bassin_vie = :territoryCode";
            case DEPARTEMENT -> "c.departement = :territoryCode";
            case REGION -> "c.region = :territoryCode";
            case QPV, PNR -> "c.code IN (SELECT zc.commune_code FROM zone_commune zc WHERE zc.kind = :territoryKind"
                    + " AND zc.code = :territoryCode)";
        };
        // The table and key are constants of the kind's description, never request text.
        return "r.id IN (SELECT pp." + kind.provenanceKey() + " FROM " + kind.perimeterTable() + " pp"
                + " JOIN (SELECT DISTINCT k.kind, k.code FROM commune c CROSS JOIN LATERAL (VALUES ('commune', c.code),"
                + " ('epci', c.epci), ('petr', c.petr), ('bassin_vie', c.bassin_vie), ('departement', c.departement),"
                + " ('region', c.region)) k(kind, code) WHERE " + inside + " AND k.code IS NOT NULL) keys"
                + " ON pp.territory_kind = keys.kind AND pp.territory_code = keys.code)";
    }

    /**
     * Experiences in any of these kinds of territory (V24): a bassin de vie or an EPCI of that type
     * (a key lookup in {@code territory_typology}), or a point inside a QPV or a PNR (geometry, as
     * the territory filter decides them). Only the fragments of the kinds asked for appear.
     */
    private static String territoryTypes(List<String> types) {
        List<String> any = new ArrayList<>();
        if (types.stream().anyMatch(t -> t.startsWith("bassin_vie_"))) {
            any.add("r.bassin_vie IN (SELECT y.code FROM territory_typology y WHERE y.kind = 'bassin_vie'"
                    + " AND y.type IN (:territoryTypes))");
        }
        if (types.stream().anyMatch(t -> t.startsWith("epci_"))) {
            any.add("r.epci IN (SELECT y.code FROM territory_typology y WHERE y.kind = 'epci' AND y.type IN (:territoryTypes))");
        }
        for (String zone : List.of("qpv", "pnr")) {
            if (types.contains(zone)) {
                // The kind is one of the two constants above, never request text.
                any.add("EXISTS (SELECT FROM territory t WHERE t.kind = '" + zone + "' AND ST_Intersects(t.geom, r.geom))");
            }
        }
        return "(" + String.join(" OR ", any) + ")";
    }

    /**
     * Kinds built from communes are a key lookup on the record's own territory keys; QPV and PNR
     * do not follow commune borders, so they are decided by their geometry.
     */
    private static String territory(Filter.Territory territory) {
        return switch (territory.kind()) {
            case COMMUNE -> "r.commune = :territoryCode";
            case EPCI -> "r.epci = :territoryCode";
            case PETR -> "r.petr = :territoryCode";
            case BASSIN_VIE -> "r.bassin_vie = :territoryCode";
            case DEPARTEMENT -> "r.departement = :territoryCode";
            case REGION -> "r.region = :territoryCode";
            case QPV, PNR -> "EXISTS (SELECT FROM territory t WHERE t.kind = :territoryKind AND t.code = :territoryCode"
                    + " AND ST_Intersects(t.geom, r.geom))";
        };
    }
}
