package org.atlascitoyen.importers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.atlascitoyen.importers.directory.DirectoryImportReport;
import org.atlascitoyen.importers.source.SourceLicence;
import org.atlascitoyen.importers.territory.TerritoryImportReport;
import org.atlascitoyen.importers.territory.TerritoryImportReport.Issue;
import org.atlascitoyen.importers.territory.TerritoryImportReport.KindCount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one-line summaries of {@code import init}, and the quiet or verbose logging of the libraries. */
class AtlasImportTest {

    @AfterEach
    void defaultLogging() throws IOException {
        LogManager.getLogManager().readConfiguration();
    }

    @Test
    void librariesLogFromWarningUpInOneLineUnlessVerbose() {
        AtlasImport.configureLogging(false);
        Logger flyway = Logger.getLogger("org.flywaydb.core.internal.command.DbMigrate");

        assertThat(flyway.isLoggable(Level.INFO)).isFalse();
        assertThat(flyway.isLoggable(Level.WARNING)).isTrue();
        LogRecord record = new LogRecord(Level.WARNING, "DB: something odd");
        record.setLoggerName(flyway.getName());
        assertThat(new SimpleFormatter().format(record))
                .isEqualTo("WARNING org.flywaydb.core.internal.command.DbMigrate: DB: something odd" + System.lineSeparator());

        AtlasImport.configureLogging(true);

        assertThat(flyway.isLoggable(Level.INFO)).isTrue();
        assertThat(flyway.isLoggable(Level.FINE)).isFalse();
    }

    @Test
    void verboseIsOneOrTrue() {
        assertThat(AtlasImport.verbose(Map.of("ATLAS_VERBOSE", "1"))).isTrue();
        assertThat(AtlasImport.verbose(Map.of("ATLAS_VERBOSE", "true"))).isTrue();
        assertThat(AtlasImport.verbose(Map.of("ATLAS_VERBOSE", "0"))).isFalse();
        assertThat(AtlasImport.verbose(Map.of())).isFalse();
    }

    @Test
    void territoriesLineCountsEachKindAndPointsAtTheDetails() {
        TerritoryImportReport complete = new TerritoryImportReport(Path.of("data"), "76", List.of(), List.of(),
                List.of(new KindCount("commune", 4446, 4446), new KindCount("epci", 164, 164)), List.of(), List.of(), Duration.ofMillis(19_640));
        TerritoryImportReport partial = new TerritoryImportReport(Path.of("data"), "76", List.of(), List.of("petr", "pnr"),
                List.of(new KindCount("commune", 4446, 4440)), List.of(), List.of(new Issue("commune", "31001", "no polygon"),
                new Issue("commune", "31002", "no polygon")), Duration.ofMillis(1_000));

        assertThat(AtlasImport.territoriesLine(complete)).isEqualTo("Territories imported in 19.6 s: commune 4,446, epci 164.");
        assertThat(AtlasImport.territoriesLine(partial)).isEqualTo("Territories imported in 1.0 s: commune 4,446."
                + " No file for petr, pnr (see data/sources.json)."
                + " 2 not matched or repaired: ./atlas import territories imports them again and lists them.");
    }

    @Test
    void demoLineAddsUpTheFilesOfEachKind() {
        List<DirectoryImportReport> reports = List.of(report("actors", 411, 0, 4, 1_700), report("actors", 104, 55, 0, 1_100),
                report("initiatives", 262, 0, 0, 1_200));

        assertThat(AtlasImport.demoLine(reports))
                .isEqualTo("Demo data imported in 4.0 s: actors 515 new, 55 merged, 4 rejected; initiatives 262 new, 0 merged, 0 rejected.");
    }

    private static DirectoryImportReport report(String kind, long inserted, long merged, long rejected, long millis) {
        return new DirectoryImportReport(1, kind, "demo", "csv", "demo.csv", inserted + merged + rejected, inserted, 0, 0, merged,
                rejected, 0, Map.of(), List.of(), Map.of(), List.of(), 0, Map.of(), Map.of(), null, "line", Map.of(), millis,
                SourceLicence.NONE);
    }
}
