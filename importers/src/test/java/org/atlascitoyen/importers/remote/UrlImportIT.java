package org.atlascitoyen.importers.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.atlascitoyen.importers.directory.DirectoryImport;
import org.atlascitoyen.importers.directory.DirectoryImportReport;
import org.atlascitoyen.importers.directory.DirectoryTestDatabase;
import org.atlascitoyen.importers.directory.ImportRequest;
import org.atlascitoyen.importers.directory.Progress;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.testing.FixtureServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports from a URL served by an in-process HTTP server: the second download is conditional and
 * a 304 imports nothing; a changed file is imported; network failures are one clear sentence.
 * csv/reimport-v2.csv is csv/reimport-v1.csv with r1 changed, r3 removed and r5 added.
 */
class UrlImportIT {

    private static final Path MAPPING = fixture("mapping/actors-full.yaml");

    @RegisterExtension
    final DirectoryTestDatabase db = DirectoryTestDatabase.perTest();

    private final FixtureServer server = new FixtureServer();

    @TempDir
    Path work;

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aSecondDownloadIsConditionalAndA304ImportsNothingThenAChangedFileIsImported() throws Exception {
        URI url = server.serve("/annuaire.csv", fixture("csv/reimport-v1.csv"), "v1");

        UrlImport.Outcome first = urlImport(Download.withDefaults()).run(request(url));

        DirectoryImportReport firstReport = ((UrlImport.Outcome.Imported) first).report();
        assertThat(firstReport.inserted()).isEqualTo(4);
        assertThat(firstReport.file()).isEqualTo(url.toString());
        assertThat(db.value("SELECT file FROM import_run WHERE id = ?", firstReport.runId())).isEqualTo(url.toString());
        assertThat(db.value("SELECT etag || ' ' || last_modified FROM source_download WHERE source = 'annuaire'"))
                .isEqualTo("\"v1\" Sat, 05 Dec 2026 10:00:00 GMT");

        // The same file again: If-None-Match, 304, nothing imported.
        UrlImport.Outcome second = urlImport(Download.withDefaults()).run(request(url));

        assertThat(second).isEqualTo(new UrlImport.Outcome.Unchanged("Sat, 05 Dec 2026 10:00:00 GMT"));
        assertThat(server.requests()).extracting(FixtureServer.Request::ifNoneMatch, FixtureServer.Request::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, 200), org.assertj.core.groups.Tuple.tuple("\"v1\"", 304));
        assertThat(db.count("import_run")).isEqualTo(1);

        server.serve("/annuaire.csv", fixture("csv/reimport-v2.csv"), "v2");
        UrlImport.Outcome third = urlImport(Download.withDefaults()).run(request(url));

        DirectoryImportReport report = ((UrlImport.Outcome.Imported) third).report();
        assertThat(server.requests().get(2)).isEqualTo(new FixtureServer.Request("/annuaire.csv", "\"v1\"", 200));
        assertThat(List.of(report.inserted(), report.updated(), report.unchanged(), report.noLongerSeen()))
                .containsExactly(1L, 1L, 2L, 1L);
        assertThat(report.noLongerSeenListed()).extracting(DirectoryImportReport.Gone::name, DirectoryImportReport.Gone::externalId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Ludothèque de Foix", "r3"));
        assertThat(db.value("SELECT count(*) FROM actor WHERE name = 'Ludothèque de Foix'")).as("kept, not deleted").isEqualTo("1");
        assertThat(db.value("SELECT etag FROM source_download WHERE source = 'annuaire'")).isEqualTo("\"v2\"");
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).as("temporary downloads are deleted").noneMatch(p -> p.getFileName().toString().startsWith("atlas-download-"));
        }
    }

    @Test
    void aFailedImportIsDownloadedInFullNextTime() throws Exception {
        URI url = server.serve("/annuaire.csv", fixture("csv/reimport-v1.csv"), "v1");
        ImportRequest wrongMapping = new ImportRequest(RecordKind.ACTOR, "annuaire", ImportRequest.Format.CSV, null,
                fixture("mapping/actors-full.yaml"), false, false, work.resolve("rejects.csv"), url);
        DirectoryImport failing = new DirectoryImport(db.config().withDatabase("atlas_no_such_database"), Progress.Factory.silent());

        assertThatThrownBy(() -> new UrlImport(db.config(), failing, Download.withDefaults(), work).run(wrongMapping))
                .isInstanceOf(java.sql.SQLException.class);
        urlImport(Download.withDefaults()).run(request(url));

        assertThat(server.requests()).extracting(FixtureServer.Request::ifNoneMatch).containsExactly(null, null);
        assertThat(db.count("actor")).isEqualTo(4);
    }

    @Test
    void networkFailuresAreOneSentence() {
        UrlImport urlImport = urlImport(new Download(Duration.ofSeconds(2), Duration.ofSeconds(1), 100));
        URI missing = server.url("/missing.csv");
        assertThatThrownBy(() -> urlImport.run(request(missing))).isInstanceOf(DownloadException.class)
                .hasMessage("Cannot download " + missing + ": the server answered 404 (not found).");

        URI unknownHost = URI.create("http://annuaire.invalid/export.csv");
        assertThatThrownBy(() -> urlImport.run(request(unknownHost))).isInstanceOf(DownloadException.class)
                .hasMessage("Cannot download " + unknownHost + ": the host name is unknown (DNS).");

        URI slow = server.serve("/slow.csv", fixture("csv/reimport-v1.csv"), "s", new CountDownLatch(1));
        assertThatThrownBy(() -> urlImport.run(request(slow))).isInstanceOf(DownloadException.class)
                .hasMessage("Cannot download " + slow + ": no answer within 1 s.");

        URI large = server.serve("/large.csv", fixture("csv/reimport-v1.csv"), "l");
        assertThatThrownBy(() -> urlImport.run(request(large))).isInstanceOf(DownloadException.class)
                .hasMessage("Cannot download " + large + ": the file is larger than the limit of 100 bytes.");
    }

    private UrlImport urlImport(Download download) {
        return new UrlImport(db.config(), new DirectoryImport(db.config(), Progress.Factory.silent()), download, work);
    }

    private ImportRequest request(URI url) {
        return new ImportRequest(RecordKind.ACTOR, "annuaire", ImportRequest.Format.CSV, null, MAPPING, false, false,
                work.resolve("rejects.csv"), url);
    }
}
