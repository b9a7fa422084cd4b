package org.atlascitoyen.mapservice.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.db.SqlResource;

/**
 * Many actors at once, straight into the tables ({@code export/synthetic-actors.sql}): the
 * export tests and benchmark need hundreds of thousands of rows, which the importer would take
 * minutes to locate and deduplicate. Each has an email and a phone that no export may show.
 */
public final class SyntheticActors {

    /** Only the synthetic actors have an email at this domain. */
    public static final String EMAIL_DOMAIN = "@synthetic.example.org";
    /** Every synthetic phone number starts so. */
    public static final String PHONE_PREFIX = "05 61 ";

    private SyntheticActors() {
    }

    /** Inserts {@code rows} actors (types in turn: 1 in 5 is each of five types) and analyses the tables. */
    public static void insert(DatabaseConfig db, int rows) throws SQLException {
        try (Connection c = db.connect()) {
            for (String sql : SqlResource.statements("export/synthetic-actors.sql")) {
                try (PreparedStatement st = c.prepareStatement(sql.replace(":rows", "?"))) {
                    if (sql.contains(":rows")) {
                        st.setInt(1, rows);
                    }
                    st.execute();
                }
            }
        }
    }
}
