package org.atlascitoyen.mapservice.record;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.importers.record.Link;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.territory.TerritoryRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the detail of a record shows around it: its territories, sources and linked records. */
@Repository
public class RecordContext {

    private static final String TERRITORIES = SqlResource.load("sql/record/territories.sql");
    private static final String SOURCES = SqlResource.load("sql/record/sources.sql");
    private static final String PERIMETER = SqlResource.load("sql/record/perimeter.sql");

    private final JdbcClient jdbc;
    private final Vocabularies vocabularies;
    /** The links' queries by resource name, read once. */
    private final Map<String, String> linkQueries = new ConcurrentHashMap<>();

    RecordContext(JdbcClient jdbc, Vocabularies vocabularies) {
        this.jdbc = jdbc;
        this.vocabularies = vocabularies;
    }

    /** The territories of a record, smallest first. */
    public List<TerritoryRef> territories(RecordKind kind, long id) {
        return jdbc.sql(TERRITORIES.replace("${view}", kind.publicView())).param("id", id)
                .query((rs, i) -> new TerritoryRef(rs.getString("kind"), rs.getString("code"), rs.getString("name")))
                .list();
    }

    /** The territories a record covers (a person, a need or an offer), by kind (smallest first) then name. */
    public List<TerritoryRef> perimeter(RecordKind kind, long id) {
        return jdbc.sql(PERIMETER.replace("${perimeter}", kind.perimeterTable()).replace("${perimeterKey}", kind.provenanceKey()))
                .param("id", id)
                .query((rs, i) -> new TerritoryRef(rs.getString("kind"), rs.getString("code"), rs.getString("name")))
                .list();
    }

    /** The directories a record comes from. */
    public List<Provenance> sources(RecordKind kind, long id) {
        return jdbc.sql(SOURCES.replace("${provenance}", kind.provenanceTable())
                        .replace("${provenanceKey}", kind.provenanceKey())).param("id", id)
                .query((rs, i) -> new Provenance(rs.getString("source"), rs.getString("external_id"),
                        rs.getObject("last_seen_at", OffsetDateTime.class), rs.getBoolean("seen"),
                        rs.getString("match_rule"), rs.getString("licence"), rs.getString("licence_url"),
                        rs.getString("attribution")))
                .list();
    }

    /** The records of another kind that a record links to (an actor's initiatives, an initiative's actors). */
    public List<LinkedRecord> linked(Link link, long id) {
        RecordKind other = link.otherKind();
        return jdbc.sql(linkQueries.computeIfAbsent(link.sql(), SqlResource::load)).param("id", id)
                .query((rs, i) -> new LinkedRecord(rs.getLong("id"), rs.getString("name"), other.category(),
                        rs.getString("code"), rs.getString("label")))
                .list();
    }

    /** Theme codes with their labels. */
    public List<Labelled> themes(List<String> codes) {
        return codes.stream().map(c -> new Labelled(c, vocabularies.themes().getOrDefault(c, c))).toList();
    }
}
