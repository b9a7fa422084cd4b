package org.atlascitoyen.mapservice.ogc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.system.SqlArrays;
import org.atlascitoyen.mapservice.territory.TerritoryKind;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The territories of one kind as OGC features, a page at a time by code, in the CRS asked for. A
 * box (in any CRS served) selects the polygons that really intersect it (not only their bounding boxes); queryables compare the
 * commune's territory keys or the EPCI's category. Every value is a bind parameter.
 */
@Repository
class TerritoryFeatures {

    private static final String ITEMS = SqlResource.load("sql/ogc/territory-items.sql");
    private static final String COUNT = SqlResource.load("sql/ogc/territory-count.sql");

    private final JdbcClient jdbc;

    TerritoryFeatures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ItemsResult page(OgcCollection collection, ItemsQuery query) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        params.put("kind", collection.kind().key());
        if (query.box() != null) {
            clauses.add(query.box().sql("t")); // in any CRS, transformed by PostGIS
            query.box().bind(params);
        }
        for (Queryable key : collection.queryables()) {
            if (!query.values(key).isEmpty()) {
                String table = key == Queryable.CATEGORY ? "t." : "c.";
                clauses.add(table + key.column() + " IN (:key_" + key.column() + ")");
                params.put("key_" + key.column(), query.values(key));
            }
        }
        if (query.filter() != null) { // CQL2 filter: its own cql<n> parameters
            clauses.add(query.filter().sql());
            params.putAll(query.filter().params());
        }
        String where = clauses.isEmpty() ? "TRUE" : String.join("\n  AND ", clauses);
        RowMapper<OgcFeature> mapper = mapper(collection.kind());
        List<OgcFeature> features = jdbc.sql(ITEMS.replace("${where}", where)).params(params)
                .param("limit", query.limit()).param("offset", query.offset())
                .params(RecordFeatures.crs(query.crs())).query(mapper).list();
        long matched = jdbc.sql(COUNT.replace("${where}", where)).params(params).query(Long.class).single();
        return new ItemsResult(matched, features);
    }

    /** One territory by its code, or empty. */
    Optional<OgcFeature> one(OgcCollection collection, String code, Crs crs) {
        return jdbc.sql(ITEMS.replace("${where}", "t.code = :code"))
                .param("kind", collection.kind().key()).param("code", code)
                .param("limit", 1).param("offset", 0)
                .params(RecordFeatures.crs(crs)).query(mapper(collection.kind())).optional();
    }

    private static RowMapper<OgcFeature> mapper(TerritoryKind kind) {
        return (rs, i) -> new OgcFeature(rs.getString("code"),
                kind == TerritoryKind.COMMUNE ? commune(rs) : territory(rs), rs.getString("geojson"), null);
    }

    private static FeatureProperties territory(ResultSet rs) throws SQLException {
        return new FeatureProperties.Territory(rs.getString("code"), rs.getString("name"), rs.getString("category"),
                integer(rs, "population"), rs.getString("vintage"));
    }

    private static FeatureProperties commune(ResultSet rs) throws SQLException {
        return new FeatureProperties.Commune(rs.getString("code"), rs.getString("name"), integer(rs, "population"),
                rs.getString("departement"), rs.getString("epci"), rs.getString("petr"), rs.getString("bassin_vie"),
                SqlArrays.texts(rs.getArray("postcodes")), rs.getString("vintage"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
