package org.atlascitoyen.mapservice.person;

import java.util.Optional;
import org.atlascitoyen.importers.db.SqlResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The members-only values of a published person, read by the reader role ({@code person_member}
 * is granted to it); the controller serves them to signed-in requests only.
 */
@Repository
class PersonMembers {

    private static final String VALUES = SqlResource.statement("sql/person/member-values.sql");

    private final JdbcClient jdbc;

    PersonMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PersonDetail.MemberValues> of(long id) {
        return jdbc.sql(VALUES).param("id", id).query((rs, i) -> new PersonDetail.MemberValues(rs.getString("name"),
                rs.getString("description"), rs.getString("structure_name"), rs.getString("website"), rs.getString("address")))
                .optional();
    }
}
