package org.atlascitoyen.mapservice.ogc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.record.Dataset;
import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.record.FilterSql;
import org.atlascitoyen.mapservice.system.SqlArrays;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Actors and initiatives as OGC features, a page at a time by id. The bbox, vocabularies and
 * lower datetime bound go through the shared {@link FilterSql} (the same WHERE clause as the
 * lists, tiles and exports); the upper datetime bound and the territory keys add fixed
 * fragments of their own. Every value is a bind parameter.
 */
@Repository
class RecordFeatures {

    private static final String ACTOR_ITEMS = SqlResource.load("sql/ogc/actor-items.sql");
    private static final String INITIATIVE_ITEMS = SqlResource.load("sql/ogc/initiative-items.sql");
    private static final String COUNT = SqlResource.load("sql/record/count.sql");

    private final JdbcClient jdbc;

    RecordFeatures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ItemsResult page(OgcCollection collection, ItemsQuery query) {
        Dataset dataset = collection.dataset();
        Filter filter = new Filter(dataset, query.bbox(), null, null, query.values(Queryable.THEME),
                query.values(Queryable.TYPE), query.values(Queryable.STATUS), null, query.datetime().start());
        FilterSql.Where base = FilterSql.where(filter);
        List<String> clauses = new ArrayList<>(List.of(base.sql()));
        Map<String, Object> params = new HashMap<>(base.params());
        if (query.datetime().end() != null) {
            clauses.add("r.updated_at <= :updatedUntil");
            params.put("updatedUntil", query.datetime().end());
        }
        for (Queryable key : collection.queryables()) {
            if (!key.isVocabulary() && !query.values(key).isEmpty()) {
                // Territory keys of the record's commune: a key lookup, as in FilterSql.
                clauses.add("r." + key.column() + " IN (:key_" + key.column() + ")");
                params.put("key_" + key.column(), query.values(key));
            }
        }
        String where = String.join("\n  AND ", clauses);
        List<OgcFeature> features = jdbc.sql(template(dataset).replace("${where}", where)).params(params)
                .param("limit", query.limit()).param("offset", query.offset())
                .query(mapper(dataset)).list();
        // numberMatched is exact here (no cap): GIS clients page with it.
        long matched = jdbc.sql(COUNT.replace("${table}", dataset.table()).replace("${where}", where)).params(params)
                .param("cap", null).query(Long.class).single();
        return new ItemsResult(matched, features);
    }

    /** One record by its id; empty when the id is not a number or no record has it. */
    Optional<OgcFeature> one(OgcCollection collection, String featureId) {
        long id;
        try {
            id = Long.parseLong(featureId);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Dataset dataset = collection.dataset();
        return jdbc.sql(template(dataset).replace("${where}", "r.id = :id")).param("id", id)
                .param("limit", 1).param("offset", 0)
                .query(mapper(dataset)).optional();
    }

    private static String template(Dataset dataset) {
        return dataset == Dataset.ACTORS ? ACTOR_ITEMS : INITIATIVE_ITEMS;
    }

    private static RowMapper<OgcFeature> mapper(Dataset dataset) {
        return dataset == Dataset.ACTORS ? (rs, i) -> feature(rs, actor(rs)) : (rs, i) -> feature(rs, initiative(rs));
    }

    private static OgcFeature feature(ResultSet rs, FeatureProperties properties) throws SQLException {
        return new OgcFeature(rs.getLong("id"), properties, rs.getString("geojson"), null);
    }

    private static FeatureProperties actor(ResultSet rs) throws SQLException {
        return new FeatureProperties.Actor(rs.getString("name"), rs.getString("type"), rs.getString("type_label"),
                SqlArrays.texts(rs.getArray("themes")), rs.getString("description"), rs.getString("website"),
                rs.getString("precision"), rs.getString("commune"), rs.getString("commune_name"),
                rs.getString("epci"), rs.getString("petr"), rs.getString("bassin_vie"), rs.getString("departement"),
                rs.getString("region"), rs.getObject("updated_at", OffsetDateTime.class),
                SqlArrays.texts(rs.getArray("sources")));
    }

    private static FeatureProperties initiative(ResultSet rs) throws SQLException {
        return new FeatureProperties.Initiative(rs.getString("name"), rs.getString("status"),
                rs.getString("status_label"), SqlArrays.texts(rs.getArray("themes")), rs.getString("description"),
                rs.getString("lessons_learned"), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), rs.getString("website"), rs.getString("precision"),
                rs.getString("commune"), rs.getString("commune_name"), rs.getString("epci"), rs.getString("petr"),
                rs.getString("bassin_vie"), rs.getString("departement"), rs.getString("region"),
                rs.getInt("carriers"), rs.getObject("updated_at", OffsetDateTime.class),
                SqlArrays.texts(rs.getArray("sources")));
    }
}
