package org.atlascitoyen.mapservice.experience;

import java.util.List;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.system.NotFoundException;
import org.atlascitoyen.mapservice.system.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * "Expériences comparables" (reader pool, public views): the experiences sharing a theme with one
 * in a territory of the same kind, most shared themes first, then nearest. Failures are listed as
 * any other outcome.
 */
@Repository
class ComparableExperiences {

    private static final String COMPARABLE = SqlResource.statement("sql/experience/comparable.sql");
    private static final String EXISTS = SqlResource.statement("sql/experience/exists.sql");

    private final JdbcClient jdbc;

    ComparableExperiences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One comparable experience, as the card lists it. */
    public record Item(long id, String name, String outcome, String outcomeLabel, String communeName, String territoryType,
            String territoryTypeLabel, List<String> sharedThemes) {
    }

    /** The answer of {@code GET /api/experiences/{id}/comparable}. */
    public record Answer(List<Item> items) {
    }

    /** Those of experience {@code id}, at most {@code limit}; 404 when there is no such experience. */
    Answer of(long id, int limit) {
        List<Item> items = jdbc.sql(COMPARABLE).param("id", id).param("limit", limit)
                .query((rs, i) -> new Item(rs.getLong("id"), rs.getString("name"), rs.getString("outcome"),
                        rs.getString("outcome_label"), rs.getString("commune_name"), rs.getString("territory_type"),
                        rs.getString("territory_type_label"), SqlArrays.texts(rs.getArray("shared_themes"))))
                .list();
        if (items.isEmpty() && !jdbc.sql(EXISTS).param("id", id).query(Boolean.class).single()) {
            throw new NotFoundException("No experience with id " + id);
        }
        return new Answer(items);
    }
}
