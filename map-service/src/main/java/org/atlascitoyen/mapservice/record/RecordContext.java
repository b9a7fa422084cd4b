package org.atlascitoyen.mapservice.record;

import java.util.List;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.territory.TerritoryRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the detail of an actor or an initiative shows around it: its territories and sources. */
@Repository
public class RecordContext {

    private static final String TERRITORIES = SqlResource.load("sql/record/territories.sql");
    private static final String SOURCES = SqlResource.load("sql/record/sources.sql");

    private final JdbcClient jdbc;
    private final Vocabularies vocabularies;

    RecordContext(JdbcClient jdbc, Vocabularies vocabularies) {
        this.jdbc = jdbc;
        this.vocabularies = vocabularies;
    }

    /** The territories of a record, smallest first. */
    public List<TerritoryRef> territories(Dataset dataset, long id) {
        return jdbc.sql(TERRITORIES.replace("${table}", dataset.table())).param("id", id)
                .query((rs, i) -> new TerritoryRef(rs.getString("kind"), rs.getString("code"), rs.getString("name")))
                .list();
    }

    /** The directories a record comes from. */
    public List<Provenance> sources(Dataset dataset, long id) {
        return jdbc.sql(SOURCES.replace("${record}", dataset.table())).param("id", id)
                .query((rs, i) -> new Provenance(rs.getString("source"), rs.getString("external_id"),
                        rs.getObject("last_seen_at", java.time.OffsetDateTime.class), rs.getBoolean("seen"),
                        rs.getString("match_rule")))
                .list();
    }

    /** Theme codes with their labels. */
    public List<Labelled> themes(List<String> codes) {
        return codes.stream().map(c -> new Labelled(c, vocabularies.themes().getOrDefault(c, c))).toList();
    }
}
