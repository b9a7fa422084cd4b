package org.atlascitoyen.mapservice.rights;

import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.contribution.Audit;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Erases what a record holds of a person, inside the caller's transaction. A record that is only a
 * person (a resource person, an élu·e, an actor flagged as a natural person: {@code actor_is_person}
 * of V19) is deleted and put on the suppression list (reason {@code erased}) by its sources' ids
 * and its normalised name in its commune, so that no import brings it back; another actor loses
 * its contact fields (email, phone) for good (V19's trigger keeps them empty through imports). The
 * audit keeps that it was done, by whom, when and for which request, never what was removed.
 */
@Component
class Erasure {

    private static final List<String> RECORD = SqlResource.statements("sql/rights/erase-record.sql");
    private static final List<String> PERSON_ROWS = SqlResource.statements("sql/rights/erase-person-rows.sql");
    private static final List<String> CONTACTS = SqlResource.statements("sql/rights/erase-contacts.sql");
    private static final String BUMP = SqlResource.statement("sql/moderation/bump.sql");

    private final JdbcClient jdbc;
    private final Audit audit;

    Erasure(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc, Audit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** What an erasure did: the whole record, or its contact fields. */
    enum Done { RECORD, CONTACTS, NOTHING_PERSONAL }

    Done erase(RecordConcerned record, long moderatorId, long requestId) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", record.id()).addValue("by", moderatorId);
        Done done;
        if (record.onlyPerson()) {
            if ("person".equals(record.kind())) {
                run(PERSON_ROWS, params);
            }
            // The table name is one of three constants, never the caller's text.
            String table = switch (record.kind()) {
                case "actor" -> "actor";
                case "person" -> "person";
                default -> "initiative";
            };
            run(RECORD.stream().map(sql -> sql.replace("${table}", table)).toList(), params);
            done = Done.RECORD;
        } else if ("actor".equals(record.kind())) {
            run(CONTACTS, params);
            done = Done.CONTACTS;
        } else {
            done = Done.NOTHING_PERSONAL;
        }
        jdbc.sql(BUMP).update();
        audit.record(moderatorId, "erased", record.kind(), record.id(), null, null,
                Map.of("by", "moderator", "rightsRequest", requestId, "record", done == Done.RECORD));
        return done;
    }

    private void run(List<String> statements, MapSqlParameterSource params) {
        for (String sql : statements) {
            jdbc.sql(sql).paramSource(params).update();
        }
    }
}
