package org.atlascitoyen.mapservice;

import java.nio.file.Path;
import java.util.Map;
import org.atlascitoyen.importers.cli.DemoData;
import org.atlascitoyen.importers.cli.DemoExperiences;
import org.atlascitoyen.importers.cli.DemoNeedsOffers;
import org.atlascitoyen.importers.cli.DemoPersons;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.directory.DirectoryImport;
import org.atlascitoyen.importers.directory.ImportRequest;
import org.atlascitoyen.importers.directory.Progress;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Integration tests against the project's demo data (data/demo: 570 actors after merges, 262
 * initiatives, 5 resource persons, the agenda's events, 16 needs and offers, 12 experiences and the
 * initiatives' 83 lessons learned as experiences), imported once per JVM into a copy of the test
 * template.
 * Read-only: tests that write make their own database.
 */
public abstract class DemoServiceIT extends WebIT {

    /** The demo database of this JVM, dropped when it exits. */
    protected static final DatabaseConfig DEMO = dropOnExit(withDemoData());

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        use(registry, DEMO);
    }

    private static DatabaseConfig withDemoData() {
        DatabaseConfig db = TestDatabases.withTerritories();
        try {
            // map-service/ is the working directory of its tests; data/ is beside it.
            Path dir = DemoData.defaultDirectory(Map.of("ATLAS_ROOT", Path.of("..").toAbsolutePath().normalize().toString()));
            DirectoryImport directoryImport = new DirectoryImport(db, Progress.Factory.silent());
            for (ImportRequest request : DemoData.load(dir)) {
                directoryImport.run(request);
            }
            // The demo's fictional resource persons, as ./atlas run loads them: every collection has data.
            DemoPersons.load(db, dir);
            // And its fictional retours d'expérience (failures included) and needs and offers.
            DemoExperiences.load(db, dir);
            DemoNeedsOffers.load(db, dir);
            return db;
        } catch (Exception e) {
            TestDatabases.drop(db);
            throw new IllegalStateException("Cannot import the demo data", e);
        }
    }
}
