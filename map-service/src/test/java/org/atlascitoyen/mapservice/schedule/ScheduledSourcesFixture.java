package org.atlascitoyen.mapservice.schedule;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.directory.ImportRequest;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.schedule.ScheduledSource;
import org.atlascitoyen.importers.schedule.ScheduledSources;

/** Scheduled sources for the tests: the actor fixture (actor/actors.csv) at a URL, due at once. */
final class ScheduledSourcesFixture {

    private ScheduledSourcesFixture() {
    }

    static Path actorsCsv() throws Exception {
        return Path.of(ScheduledSourcesFixture.class.getResource("/actor/actors.csv").toURI());
    }

    /** Two other actors (Figeac, Mende), with the columns of actor/actors.csv. */
    static Path otherActorsCsv() throws Exception {
        return Path.of(ScheduledSourcesFixture.class.getResource("/schedule/actors-other-source.csv").toURI());
    }

    /** Schedules a file of the actor fixture's columns at {@code url} under {@code name}, every hour, due now. */
    static void schedule(DatabaseConfig db, String name, URI url) throws Exception {
        String mapping = Files.readString(actorsCsv().resolveSibling("actors.mapping.yaml"));
        ImportRequest request = new ImportRequest(RecordKind.ACTOR, name, ImportRequest.Format.CSV, null,
                Path.of("actors.mapping.yaml"), false, false, null, url);
        try (Connection c = db.connect()) {
            ScheduledSources.put(c, ScheduledSource.of(request, mapping, Duration.ofHours(1)));
        }
    }
}
