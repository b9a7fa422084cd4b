package org.atlascitoyen.mapservice;

import java.nio.file.Path;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.directory.DirectoryImport;
import org.atlascitoyen.importers.directory.ImportRequest;
import org.atlascitoyen.importers.directory.Progress;
import org.atlascitoyen.importers.record.RecordKind;
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

    /**
     * Imports the small actor fixture ({@code actor/actors.csv}: two actors in Toulouse, two in
     * Aveyron) into the shared database. A second import of the same source changes nothing, so
     * any test class may call it, in any order.
     */
    protected static void importActorFixture() throws Exception {
        Path csv = Path.of(ServiceIT.class.getResource("/actor/actors.csv").toURI());
        new DirectoryImport(DATABASE, Progress.Factory.silent()).run(new ImportRequest(RecordKind.ACTOR, "api-test",
                ImportRequest.Format.CSV, csv, csv.resolveSibling("actors.mapping.yaml"), false, false,
                csv.resolveSibling("actors.rejects.csv")));
    }
}
