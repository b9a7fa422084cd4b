package org.atlascitoyen.importers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.directory.DirectoryTestDatabase;
import org.atlascitoyen.importers.testing.FixtureServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./atlas import actors ... URL} and {@code ./atlas import schedule ...}, as a person types them. */
class ScheduleCommandIT {

    private static final Path MAPPING = fixture("mapping/actors-full.yaml");

    @RegisterExtension
    final DirectoryTestDatabase db = DirectoryTestDatabase.perTest();

    private final FixtureServer server = new FixtureServer();

    @TempDir
    Path root;

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aUrlImportedTwiceSaysUnchangedTheSecondTime() throws Exception {
        URI url = server.serve("/annuaire.csv", fixture("csv/reimport-v1.csv"), "v1");
        String[] command = {"actors", "--source", "annuaire", "--format", "csv", "--mapping", MAPPING.toString(),
                "--rejects", root.resolve("rejects.csv").toString(), url.toString()};

        assertThat(cli(command)).startsWith("Imported actors from " + url + " (source 'annuaire', format csv)")
                .contains("inserted 4");
        assertThat(cli(command)).isEqualTo("Source 'annuaire': " + url
                + " unchanged since Sat, 05 Dec 2026 10:00:00 GMT, nothing imported.\n");
        assertThat(db.count("import_run")).isEqualTo(1);
    }

    @Test
    void addListRunAndRemoveAScheduledSource() throws Exception {
        URI url = server.serve("/annuaire.csv", fixture("csv/reimport-v1.csv"), "v1");

        assertThat(cli("schedule", "add", "actors", "--every", "PT6H", "--source", "annuaire", "--format", "csv",
                "--mapping", MAPPING.toString(), url.toString())).startsWith("Scheduled source 'annuaire' (actors, csv) from "
                + url + " every PT6H");
        assertThat(cli("schedule", "list")).contains("annuaire  actors csv every PT6H", url.toString(), "never run");
        assertThat(db.value("SELECT mapping IS NOT NULL AND mapping_file IS NOT NULL FROM scheduled_source")).isEqualTo("true");

        assertThat(cli("schedule", "run")).isEqualTo("annuaire: succeeded: added 4, changed 0, no longer seen 0"
                + " (read 4, unchanged 0, merged 0, rejected 0)\n");
        assertThat(cli("schedule", "run")).as("due again in 6 hours").isEqualTo("No scheduled source is due.\n");
        assertThat(cli("schedule", "run", "annuaire")).isEqualTo(
                "annuaire: unchanged: unchanged since Sat, 05 Dec 2026 10:00:00 GMT, nothing imported\n");
        assertThat(db.value("SELECT last_status || ' ' || (next_due - last_run_at) FROM scheduled_source"))
                .isEqualTo("unchanged 06:00:00");
        assertThat(cli("schedule", "list")).contains("unchanged: unchanged since");

        assertThat(cli("schedule", "remove", "annuaire")).contains("no longer scheduled");
        assertThat(cli("schedule", "list")).startsWith("No scheduled source");
        assertThat(db.count("actor")).as("its records stay").isEqualTo(4);
    }

    @Test
    void badSchedulesAreRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> cli("schedule", "add", "actors", "--every", "6 hours", "--source", "a", "--format", "rna",
                "https://example.org/rna.csv")).hasMessageStartingWith("'6 hours' is not an ISO 8601 duration");
        assertThatThrownBy(() -> cli("schedule", "add", "actors", "--every", "PT30S", "--source", "a", "--format", "rna",
                "https://example.org/rna.csv")).hasMessageContaining("shorter than a minute");
        assertThatThrownBy(() -> cli("schedule", "add", "actors", "--every", "P1D", "--source", "a", "--format", "rna",
                "rna.csv")).hasMessageStartingWith("schedule add needs an http(s) URL");
        assertThatThrownBy(() -> cli("schedule", "remove", "nothing")).hasMessageStartingWith("no scheduled source named 'nothing'");
    }

    private String cli(String... args) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("ATLAS_DB_URL", db.config().url());
        env.put("ATLAS_DB_USER", db.config().user());
        env.put("ATLAS_DB_PASSWORD", db.config().password());
        env.put("ATLAS_ROOT", root.toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = new AtlasImport(new PrintStream(bytes, true, StandardCharsets.UTF_8), env).run(List.of(args));
        assertThat(status).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
