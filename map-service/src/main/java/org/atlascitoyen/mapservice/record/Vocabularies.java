package org.atlascitoyen.mapservice.record;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.importers.record.Category;
import org.atlascitoyen.importers.record.RecordKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The controlled vocabularies (themes, and each kind's category: actor types, initiative
 * statuses) with their French labels. They change only with a migration, so they are read once,
 * on first use (after Flyway has run), and kept.
 */
@Component
public class Vocabularies {

    private static final String LABELS = SqlResource.load("sql/record/vocabulary.sql");
    private static final Category THEMES = new Category("theme", "theme", "code", "Thème");

    private final JdbcClient jdbc;
    private final Map<String, Map<String, String>> loaded = new ConcurrentHashMap<>();

    Vocabularies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Theme code to label, in code order. */
    public Map<String, String> themes() {
        return labels(THEMES);
    }

    /** Code to label of a kind's category, in the category's order. */
    public Map<String, String> labels(Category category) {
        return loaded.computeIfAbsent(category.table(), table -> load(category));
    }

    /** Actor type code to label. */
    public Map<String, String> actorTypes() {
        return labels(RecordKind.ACTOR.category());
    }

    /** Initiative status code to label, by stage. */
    public Map<String, String> statuses() {
        return labels(RecordKind.INITIATIVE.category());
    }

    private Map<String, String> load(Category category) {
        Map<String, String> labels = new LinkedHashMap<>();
        // Table and order are constants of the kinds' descriptions.
        jdbc.sql(LABELS.replace("${table}", category.table()).replace("${order}", category.order())).query(rs -> {
            labels.put(rs.getString("code"), rs.getString("label"));
        });
        return Collections.unmodifiableMap(labels);
    }
}
