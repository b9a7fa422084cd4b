package org.atlascitoyen.importers.db;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The database schema: Flyway migrations in {@code classpath:db/migration}, applied by the owner
 * role, from the importers' command line or the map service alike.
 */
public final class Schema {

    public static final String LOCATION = "classpath:db/migration";

    private Schema() {
    }

    /** The placeholders the migrations use: the role the service reads with gets SELECT grants. */
    public static Map<String, String> placeholders(String readerRole) {
        return Map.of("readerRole", readerRole);
    }

    public static MigrateResult migrate(DatabaseConfig db) {
        return Flyway.configure()
                .dataSource(db.url(), db.user(), db.password())
                .locations(LOCATION)
                .placeholders(placeholders(db.readerUser()))
                .load()
                .migrate();
    }

    public static MigrateResult migrate(DataSource dataSource, String readerRole) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .placeholders(placeholders(readerRole))
                .load()
                .migrate();
    }
}
