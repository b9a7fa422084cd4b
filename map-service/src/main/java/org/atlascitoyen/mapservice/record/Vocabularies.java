package org.atlascitoyen.mapservice.record;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The controlled vocabularies (themes, actor types, initiative statuses) with their French
 * labels. They change only with a migration, so they are read once, on first use (after Flyway
 * has run), and kept.
 */
@Component
public class Vocabularies {

    private final JdbcClient jdbc;
    private volatile Map<String, String> themes;
    private volatile Map<String, String> actorTypes;
    private volatile Map<String, String> statuses;

    Vocabularies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Theme code to label, in code order. */
    public Map<String, String> themes() {
        if (themes == null) {
            themes = load("SELECT code, label FROM theme ORDER BY code");
        }
        return themes;
    }

    /** Actor type code to label. */
    public Map<String, String> actorTypes() {
        if (actorTypes == null) {
            actorTypes = load("SELECT code, label FROM actor_type ORDER BY code");
        }
        return actorTypes;
    }

    /** Initiative status code to label. */
    public Map<String, String> statuses() {
        if (statuses == null) {
            statuses = load("SELECT code, label FROM initiative_status ORDER BY rank");
        }
        return statuses;
    }

    private Map<String, String> load(String sql) {
        Map<String, String> labels = new LinkedHashMap<>();
        jdbc.sql(sql).query(rs -> {
            labels.put(rs.getString("code"), rs.getString("label"));
        });
        return Collections.unmodifiableMap(labels);
    }
}
