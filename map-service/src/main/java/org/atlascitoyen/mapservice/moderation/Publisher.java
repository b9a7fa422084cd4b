package org.atlascitoyen.mapservice.moderation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.contribution.Place;
import org.atlascitoyen.mapservice.contribution.ProposedFields;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes approved contributions to the published tables, inside the caller's transaction: a new
 * record, changed fields (with their {@code field_source} rows, so that imports keep them), a
 * removal (with its suppression rows), hiding and restoring a reported record. Each write counts
 * in {@code publish_counter}, which the service's data version (ETags, tile cache) includes.
 */
@Component
public class Publisher {

    private static final Map<String, String> NEW = Map.of(
            "actor", SqlResource.statement("sql/moderation/publish-new-actor.sql"),
            "initiative", SqlResource.statement("sql/moderation/publish-new-initiative.sql"));
    private static final Map<String, String> CHANGE = Map.of(
            "actor", SqlResource.statement("sql/moderation/publish-change-actor.sql"),
            "initiative", SqlResource.statement("sql/moderation/publish-change-initiative.sql"));
    private static final Map<String, List<String>> HIDE = Map.of(
            "actor", SqlResource.statements("sql/moderation/hide-actor.sql"),
            "initiative", SqlResource.statements("sql/moderation/hide-initiative.sql"));
    private static final Map<String, List<String>> RESTORE = Map.of(
            "actor", SqlResource.statements("sql/moderation/restore-actor.sql"),
            "initiative", SqlResource.statements("sql/moderation/restore-initiative.sql"));
    private static final List<String> REMOVE = SqlResource.statements("sql/moderation/remove.sql");
    private static final String FIELD_SOURCE = SqlResource.statement("sql/moderation/field-source.sql");
    private static final String BUMP = SqlResource.statement("sql/moderation/bump.sql");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    Publisher(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new record; returns its id. The place must be resolved (a commune of the region). */
    public long publishNew(String recordKind, ProposedFields fields, Place place, long contributionId, Long by) {
        MapSqlParameterSource params = values(fields, place);
        long id = jdbc.sql(NEW.get(recordKind)).paramSource(params).query(Long.class).single();
        sources(recordKind, id, fields, contributionId, by);
        bump();
        return id;
    }

    /**
     * Applies the given fields to a record (null: unchanged; empty text or list: cleared); the
     * place, when not null, moves it. Returns the names of the changed fields, or an empty list
     * when the record does not exist (any more).
     */
    public List<String> publishChange(String recordKind, long id, ProposedFields fields, Place place, long contributionId, Long by) {
        MapSqlParameterSource params = values(fields, place).addValue("id", id);
        for (String field : List.of("name", "type", "status", "themes", "description", "lessonsLearned", "startDate",
                "endDate", "website", "address", "postcode")) {
            params.addValue("set" + Character.toUpperCase(field.charAt(0)) + field.substring(1), FieldValues.of(fields).containsKey(field));
        }
        params.addValue("setPlace", place != null);
        if (jdbc.sql(CHANGE.get(recordKind)).paramSource(params).update() == 0) {
            return List.of();
        }
        bump();
        return sources(recordKind, id, fields, contributionId, by);
    }

    /** Moves a reported record out of every public read until a moderator decides. */
    public void hide(String recordKind, long id) {
        run(HIDE.get(recordKind), new MapSqlParameterSource("id", id));
        bump();
    }

    /** Publishes again a record hidden by {@link #hide}. */
    public void restore(String recordKind, long id) {
        run(RESTORE.get(recordKind), new MapSqlParameterSource("id", id));
        bump();
    }

    /** Removes a record (published or hidden) and puts it on the suppression list. */
    public void remove(String recordKind, long id, Long by) {
        List<String> statements = REMOVE.stream().map(sql -> sql.replace("${table}", "actor".equals(recordKind) ? "actor" : "initiative"))
                .toList();
        run(statements, new MapSqlParameterSource("id", id).addValue("by", by));
        bump();
    }

    private void run(List<String> statements, MapSqlParameterSource params) {
        for (String sql : statements) {
            jdbc.sql(sql).paramSource(params).update();
        }
    }

    private void bump() {
        jdbc.sql(BUMP).update();
    }

    /** One field_source row per proposed field; returns their names. */
    private List<String> sources(String recordKind, long id, ProposedFields fields, long contributionId, Long by) {
        List<String> names = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>(FieldValues.of(fields));
        for (Map.Entry<String, Object> field : values.entrySet()) {
            jdbc.sql(FIELD_SOURCE).param("recordKind", recordKind).param("recordId", id).param("field", field.getKey())
                    .param("value", JSON.writeValueAsString(field.getValue())).param("contributionId", contributionId)
                    .param("approvedBy", by).update();
            names.add(field.getKey());
        }
        return names;
    }

    private static MapSqlParameterSource values(ProposedFields f, Place place) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("name", f.name())
                .addValue("type", f.type())
                .addValue("status", f.status())
                .addValue("themes", f.themes() == null ? null : String.join(",", f.themes()))
                .addValue("description", emptyToNull(f.description()))
                .addValue("lessonsLearned", emptyToNull(f.lessonsLearned()))
                .addValue("startDate", emptyToNull(f.startDate()))
                .addValue("endDate", emptyToNull(f.endDate()))
                .addValue("website", emptyToNull(f.website()))
                .addValue("websiteHost", FieldValues.websiteHost(f.website()))
                .addValue("address", emptyToNull(f.address()))
                .addValue("postcode", emptyToNull(f.postcode()));
        params.addValue("lon", place == null ? null : place.lon());
        params.addValue("lat", place == null ? null : place.lat());
        params.addValue("precision", place == null ? null : place.precision());
        params.addValue("commune", place == null ? null : place.commune());
        return params;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
