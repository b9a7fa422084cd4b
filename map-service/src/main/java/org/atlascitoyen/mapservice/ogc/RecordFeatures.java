package org.atlascitoyen.mapservice.ogc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.record.Shape;
import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.record.FilterSql;
import org.atlascitoyen.mapservice.record.RecordSelect;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The records of each kind as OGC features (the kind's OGC shape), a page at a time by id. The
 * bbox in degrees, vocabularies and lower datetime bound go through the shared {@link FilterSql}
 * (the same WHERE clause as the lists, tiles and exports); a projected bbox, the upper datetime
 * bound and the territory keys add fixed fragments of their own. Geometries are sent in the CRS
 * asked for. Every value is a bind parameter.
 */
@Repository
class RecordFeatures {

    private static final String ITEMS = SqlResource.load("sql/record/ogc-items.sql");
    private static final String COUNT = SqlResource.load("sql/record/count.sql");

    private final JdbcClient jdbc;

    RecordFeatures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ItemsResult page(OgcCollection collection, ItemsQuery query) {
        RecordKind kind = collection.record();
        Filter.Bbox lonLat = query.box() == null ? null : query.box().lonLat();
        Filter filter = new Filter(kind, lonLat, null, null, query.values(Queryable.THEME),
                query.values(Queryable.byParameter(kind.category().parameter())), null, query.datetime().start());
        FilterSql.Where base = FilterSql.where(filter);
        List<String> clauses = new ArrayList<>(List.of(base.sql()));
        Map<String, Object> params = new HashMap<>(base.params());
        if (query.box() != null && lonLat == null) {
            clauses.add(query.box().sql("r")); // projected, or across the antimeridian
            query.box().bind(params);
        }
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
        if (query.filter() != null) { // CQL2 filter: its own cql<n> parameters
            clauses.add(query.filter().sql());
            params.putAll(query.filter().params());
        }
        String where = String.join("\n  AND ", clauses);
        RecordSelect select = RecordSelect.of(kind, Shape.OGC, false);
        List<OgcFeature> features = jdbc.sql(select.sql(ITEMS).replace("${where}", where)).params(params)
                .param("limit", query.limit()).param("offset", query.offset())
                .params(crs(query.crs())).query(mapper(select)).list();
        // numberMatched is exact here (no cap): GIS clients page with it.
        long matched = jdbc.sql(COUNT.replace("${view}", kind.publicView()).replace("${where}", where)).params(params)
                .param("cap", null).query(Long.class).single();
        return new ItemsResult(matched, features);
    }

    /** One record by its id; empty when the id is not a number or no record has it. */
    Optional<OgcFeature> one(OgcCollection collection, String featureId, Crs crs) {
        long id;
        try {
            id = Long.parseLong(featureId);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        RecordSelect select = RecordSelect.of(collection.record(), Shape.OGC, false);
        return jdbc.sql(select.sql(ITEMS).replace("${where}", "r.id = :id")).param("id", id)
                .param("limit", 1).param("offset", 0)
                .params(crs(crs)).query(mapper(select)).optional();
    }

    /** The bind parameters of the geometry in this CRS (see ogc-items.sql). */
    static Map<String, Object> crs(Crs crs) {
        return Map.of("srid", crs.srid(), "latFirst", crs.latFirst(), "decimals", crs.decimals());
    }

    private static RowMapper<OgcFeature> mapper(RecordSelect select) {
        return (rs, i) -> new OgcFeature(rs.getLong("id"), select.read(rs), rs.getString("geojson"), null);
    }
}
