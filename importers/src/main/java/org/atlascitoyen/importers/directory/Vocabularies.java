package org.atlascitoyen.importers.directory;

import java.sql.Connection;
import java.sql.SQLException;
import org.atlascitoyen.importers.record.RecordKind;

/** The three vocabularies an import translates source values with. */
public record Vocabularies(Vocabulary themes, Vocabulary types, Vocabulary statuses) {

    public static Vocabularies load(Connection connection) throws SQLException {
        return new Vocabularies(Vocabulary.load(connection, "theme"),
                Vocabulary.load(connection, RecordKind.ACTOR.category().table()),
                Vocabulary.load(connection, RecordKind.INITIATIVE.category().table()));
    }
}
