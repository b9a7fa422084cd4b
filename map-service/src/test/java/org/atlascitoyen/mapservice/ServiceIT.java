package org.atlascitoyen.mapservice;

import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Integration tests against a database copied from the test template (schema + reference
 * territories). Read-only tests share that database and the Spring context; a test that writes
 * creates its own database with {@link TestDatabases}.
 */
public abstract class ServiceIT extends WebIT {

    /** One database for the read-only tests of this JVM, dropped when it exits. */
    protected static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        use(registry, DATABASE);
    }
}
