package org.atlascitoyen.mapservice.territory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.system.AtlasProperties;
import org.atlascitoyen.mapservice.system.SqlArrays;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Territory queries; the SQL is in {@code sql/territory/*.sql}, always with bind parameters. */
@Repository
public class TerritoryRepository {

    private static final String AT = SqlResource.load("sql/territory/at.sql");
    private static final String SEARCH = SqlResource.load("sql/territory/search.sql");
    private static final String LIST = SqlResource.load("sql/territory/list.sql");
    private static final String FIND = SqlResource.load("sql/territory/find.sql");
    private static final String PARENTS = SqlResource.load("sql/territory/parents.sql");
    private static final String MEMBER_COUNTS = SqlResource.load("sql/territory/member-counts.sql");
    private static final String MEMBERS = SqlResource.load("sql/territory/members.sql");
    private static final String MEMBER_COMMUNES = SqlResource.load("sql/territory/member-communes.sql");
    private static final String COUNT_BY_KIND = SqlResource.load("sql/territory-import/count-by-kind.sql");
    private static final String REF = SqlResource.load("sql/territory/ref.sql");
    private static final String OUTLINES = SqlResource.load("sql/territory/outlines.sql");

    private static final RowMapper<TerritoryRef> TERRITORY_REF = (rs, i) ->
            new TerritoryRef(rs.getString("kind"), rs.getString("code"), rs.getString("name"));

    private static final RowMapper<TerritoryMatch> MATCH = (rs, i) -> new TerritoryMatch(rs.getString("kind"),
            rs.getString("code"), rs.getString("name"), rs.getString("departement"), integer(rs, "population"),
            rs.getString("match"), Math.round(rs.getDouble("score") * 1000) / 1000.0);

    private static final RowMapper<TerritoryMembers.Member> MEMBER = (rs, i) -> new TerritoryMembers.Member(
            rs.getString("kind"), rs.getString("code"), rs.getString("name"), integer(rs, "population"),
            rs.getInt("shared_communes"), rs.getInt("communes"));

    private final JdbcClient jdbc;
    private final AtlasProperties properties;

    TerritoryRepository(JdbcClient jdbc, AtlasProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public List<TerritoryRef> at(double lon, double lat) {
        return jdbc.sql(AT).param("lon", lon).param("lat", lat).query(TERRITORY_REF).list();
    }

    public List<TerritoryMatch> search(String q, TerritoryKind kind, int limit, int offset) {
        return jdbc.sql(q == null ? LIST : SEARCH)
                .param("q", q)
                .param("kind", kind == null ? null : kind.key())
                .param("limit", limit)
                .param("offset", offset)
                .query(MATCH).list();
    }

    /** One territory as a Feature, or empty when there is none with this code. */
    public Optional<TerritoryFeature> find(TerritoryKind kind, String code, boolean withGeometry, int simplifyMetres) {
        return jdbc.sql(FIND)
                .param("kind", kind.key()).param("code", code)
                .param("withGeometry", withGeometry).param("simplify", simplifyMetres)
                .param("srid", properties.projectedSrid())
                .query((rs, i) -> feature(rs, kind, code))
                .optional()
                .map(f -> f.withRelations(parents(kind, code), memberCounts(kind, code)));
    }

    /** A territory's kind, code and name, or empty when there is none with this code. */
    /** Every territory of a kind with its display outline, by code. */
    public List<TerritoryOutlines.Outline> outlines(TerritoryKind kind) {
        return jdbc.sql(OUTLINES).param("kind", kind.key()).query((rs, i) -> new TerritoryOutlines.Outline(
                rs.getString("kind") + ":" + rs.getString("code"),
                new TerritoryRef(rs.getString("kind"), rs.getString("code"), rs.getString("name")),
                rs.getString("geometry"))).list();
    }

    public Optional<TerritoryRef> ref(TerritoryKind kind, String code) {
        return jdbc.sql(REF).param("kind", kind.key()).param("code", code).query(TERRITORY_REF).optional();
    }

    public List<TerritoryMembers.Member> members(TerritoryKind kind, String code, TerritoryKind memberKind) {
        if (memberKind == TerritoryKind.COMMUNE) {
            return jdbc.sql(MEMBER_COMMUNES).param("kind", kind.key()).param("code", code).query(MEMBER).list();
        }
        return jdbc.sql(MEMBERS).param("kind", kind.key()).param("code", code)
                .param("memberKind", memberKind.key()).query(MEMBER).list();
    }

    public Map<String, Long> countByKind() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(COUNT_BY_KIND).query(rs -> {
            counts.put(rs.getString("kind"), rs.getLong("total"));
        });
        return counts;
    }

    public Optional<OffsetDateTime> lastImport() {
        return jdbc.sql("SELECT max(finished_at) FROM territory_import").query(OffsetDateTime.class).optional();
    }

    private TerritoryFeature feature(ResultSet rs, TerritoryKind kind, String code) throws SQLException {
        boolean hasGeometry = rs.getBoolean("has_geometry");
        double[] bbox = hasGeometry ? new double[] {round(rs.getDouble("xmin")), round(rs.getDouble("ymin")),
                round(rs.getDouble("xmax")), round(rs.getDouble("ymax"))} : null;
        var properties = new TerritoryFeature.Properties(kind.key(), code, rs.getString("name"), rs.getString("label"),
                rs.getString("category"), integer(rs, "population"), List.of(), Map.of(),
                SqlArrays.texts(rs.getArray("postcodes")), hasGeometry, rs.getString("vintage"), rs.getString("source"));
        return new TerritoryFeature(kind.key() + ":" + code, bbox, properties, rs.getString("geojson"));
    }

    private List<TerritoryRef> parents(TerritoryKind kind, String code) {
        if (kind.parentKinds().isEmpty()) {
            return List.of(); // the region: nothing contains it (and SQL has no empty IN ())
        }
        return jdbc.sql(PARENTS).param("kind", kind.key()).param("code", code)
                .param("parentKinds", kind.parentKinds().stream().map(TerritoryKind::key).toList())
                .query(TERRITORY_REF).list();
    }

    private Map<String, Integer> memberCounts(TerritoryKind kind, String code) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        kind.memberKinds().forEach(k -> counts.put(k.key(), 0));
        jdbc.sql(MEMBER_COUNTS).param("kind", kind.key()).param("code", code)
                .param("memberKinds", kind.memberKinds().stream().map(TerritoryKind::key).toList())
                .query(rs -> {
                    if (counts.containsKey(rs.getString("kind"))) {
                        counts.put(rs.getString("kind"), rs.getInt("n"));
                    }
                });
        return counts;
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
