package org.atlascitoyen.mapservice.system;

import java.sql.Array;
import java.sql.SQLException;
import java.util.List;

/** Reading SQL arrays into the lists of API records. */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** A text[] column as a list; null stays null. */
    public static List<String> texts(Array array) throws SQLException {
        return array == null ? null : List.of((String[]) array.getArray());
    }
}
