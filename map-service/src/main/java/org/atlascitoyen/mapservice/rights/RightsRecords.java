package org.atlascitoyen.mapservice.rights;

import java.util.Map;
import java.util.Optional;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.contribution.Place;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the records rights requests are about (every kind, published or hidden), on the write pool. */
@Component
class RightsRecords {

    static final Map<String, String> RECORD = Map.of(
            "actor", SqlResource.statement("sql/rights/record-actor.sql"),
            "initiative", SqlResource.statement("sql/rights/record-initiative.sql"),
            "person", SqlResource.statement("sql/rights/record-person.sql"));
    private static final String IS_OWNER = SqlResource.statement("sql/rights/is-owner.sql");

    private final JdbcClient jdbc;

    RightsRecords(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RecordConcerned> find(String kind, long id) {
        return jdbc.sql(RECORD.get(kind)).param("id", id).query((rs, i) -> new RecordConcerned(kind, id, rs.getString("name"),
                new Place(rs.getString("commune"), rs.getString("epci"), rs.getString("petr"), rs.getString("bassin_vie"),
                        rs.getString("departement"), rs.getString("region"), null, null, null),
                rs.getString("private_email"), rs.getBoolean("only_person"))).optional();
    }

    boolean isOwner(String kind, long id, long accountId) {
        return jdbc.sql(IS_OWNER).param("recordKind", kind).param("recordId", id).param("accountId", accountId)
                .query(Boolean.class).single();
    }
}
