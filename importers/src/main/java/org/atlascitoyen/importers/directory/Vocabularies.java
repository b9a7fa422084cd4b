package org.atlascitoyen.importers.directory;

import java.sql.Connection;
import java.sql.SQLException;

/** The three vocabularies an import translates source values with. */
public record Vocabularies(Vocabulary themes, Vocabulary types, Vocabulary statuses) {

    public static Vocabularies load(Connection connection) throws SQLException {
        return new Vocabularies(Vocabulary.load(connection, "theme"), Vocabulary.load(connection, "actor_type"),
                Vocabulary.load(connection, "initiative_status"));
    }
}
