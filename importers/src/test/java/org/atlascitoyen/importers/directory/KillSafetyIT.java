package org.atlascitoyen.importers.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atlascitoyen.importers.directory.ImportRequest.Format.CSV;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.atlascitoyen.importers.cli.AtlasImport;
import org.atlascitoyen.importers.record.RecordKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import killed with SIGKILL at any moment leaves the published tables exactly as they were and
 * no lock behind; running it again completes it. The import runs in a separate JVM, the command
 * line's, on a generated file big enough for each phase to be caught in {@code pg_stat_activity}.
 */
class KillSafetyIT {

    private static final int ROWS = 200_000;
    private static final long PATIENCE_MILLIS = 120_000;

    /** A phase of the import, recognised by the statement its database session runs. */
    private record Moment(String name, String statementLike) {
    }

    private static final List<Moment> MOMENTS = List.of(
            new Moment("reading the file", "COPY stage_record %"),
            new Moment("locating", "%CREATE TEMP TABLE stage_place %"),
            new Moment("publishing", "%INSERT INTO actor (id, name, %"),
            new Moment("rebuilding the indexes", "CREATE INDEX % ON public.actor %"),
            new Moment("recording provenance", "%INSERT INTO actor_provenance %"));

    @RegisterExtension
    final DirectoryTestDatabase db = DirectoryTestDatabase.perTest();
    private Path file;
    private Path mapping;

    @TempDir
    Path dir;

    @BeforeEach
    void databaseWithSomeActorsAndABigFile() throws Exception {
        db.importActors("base", CSV, fixture("csv/utf8-comma.csv"), fixture("mapping/actors-full.yaml"));
        mapping = Files.writeString(dir.resolve("big.yaml"),
                "externalId: Identifiant\nname: Nom\ncommuneCode: Code INSEE\nlatitude: Latitude\nlongitude: Longitude\n");
        file = dir.resolve("big.csv");
        writeBigFile();
    }

    @Test
    void aKilledImportChangesNothingAndARunAgainCompletesIt() throws Exception {
        String before = publishedState();
        List<String> indexes = actorIndexes();

        for (Moment moment : MOMENTS) {
            killWhile(moment);
            waitUntilTheKilledSessionIsGone();
            assertThat(publishedState()).as("published tables after a kill while %s", moment.name()).isEqualTo(before);
            assertThat(actorIndexes()).as("indexes of actor after a kill while %s", moment.name()).isEqualTo(indexes);
            assertThat(db.value("SELECT pg_try_advisory_xact_lock(hashtext('atlas.directory-import'))"))
                    .as("import lock free after a kill while %s", moment.name()).isEqualTo("true");
        }

        DirectoryImportReport report = db.run(db.request(RecordKind.ACTOR, "big", CSV, file, mapping));

        assertThat(report.read()).isEqualTo(ROWS);
        assertThat(report.inserted()).isEqualTo(ROWS);
        assertThat(db.count("actor")).isEqualTo(4 + ROWS);
        assertThat(db.value("SELECT count(*) FROM actor_provenance WHERE source = 'big' AND seen")).isEqualTo(Integer.toString(ROWS));
        assertThat(db.rows("SELECT source, status, read FROM import_run ORDER BY id")).containsExactly(
                "base | succeeded | 4", "big | succeeded | " + ROWS);
        assertThat(actorIndexes()).isEqualTo(indexes);
        // The run's recorded duration covers its phases.
        long phases = report.phaseMillis().values().stream().mapToLong(Long::longValue).sum();
        assertThat(db.value("SELECT extract(epoch FROM finished_at - started_at) * 1000 >= ? FROM import_run WHERE id = ?",
                phases, report.runId())).isEqualTo("true");
    }

    /** Starts the command line on the big file and kills it (SIGKILL) once its session is in the moment's statement. */
    private void killWhile(Moment moment) throws Exception {
        Path log = dir.resolve("import-" + moment.name().replace(' ', '-') + ".log");
        Process process = startImport(log);
        try {
            long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
            while (!runs(moment)) {
                assertThat(process.isAlive()).as("the import ended before %s; its output:%n%s", moment.name(), output(log)).isTrue();
                assertThat(System.currentTimeMillis()).as("the import never reached %s", moment.name()).isLessThan(deadline);
                Thread.sleep(5);
            }
        } finally {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
        }
        assertThat(process.isAlive()).isFalse();
        assertThat(process.exitValue()).as("killed, not finished").isNotZero();
    }

    private Process startImport(Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), AtlasImport.class.getName(),
                "actors", "--source", "big", "--format", "csv", "--mapping", mapping.toString(),
                "--rejects", dir.resolve("big.rejects.csv").toString(), file.toString());
        Map<String, String> env = builder.environment();
        env.put("ATLAS_DB_URL", db.config().url());
        env.put("ATLAS_DB_USER", db.config().user());
        env.put("ATLAS_DB_PASSWORD", db.config().password());
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private boolean runs(Moment moment) throws SQLException {
        return !db.rows("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
                + "AND state = 'active' AND query LIKE ?", moment.statementLike()).isEmpty();
    }

    /**
     * A killed client's session ends when the server notices, at the latest when the statement it
     * was running ends; until then it still holds its transaction and locks.
     */
    private void waitUntilTheKilledSessionIsGone() throws Exception {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (!db.rows("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()").isEmpty()) {
            assertThat(System.currentTimeMillis()).as("the killed import's session is still there").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Row count and checksum of each published table. */
    private String publishedState() throws SQLException {
        List<String> state = new ArrayList<>();
        for (String table : List.of("actor", "actor_provenance", "import_run", "source", "record_merge", "initiative")) {
            state.add(table + " " + db.value("SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') "
                    + "FROM " + table + " t"));
        }
        return String.join("\n", state);
    }

    private List<String> actorIndexes() throws SQLException {
        return db.rows("SELECT indexdef FROM pg_indexes WHERE tablename = 'actor' ORDER BY indexname");
    }

    private static String output(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Half the rows are placed by coordinates (each commune's label point), half by INSEE code. */
    private void writeBigFile() throws Exception {
        List<String> communes = db.rows("SELECT code, ST_Y(label_point), ST_X(label_point) FROM territory WHERE kind = 'commune' ORDER BY code");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Identifiant,Nom,Code INSEE,Latitude,Longitude\n");
            for (int i = 0; i < ROWS; i++) {
                String[] commune = communes.get(i % communes.size()).split(" \\| ");
                boolean byPoint = i % 2 == 0;
                out.write(String.format(Locale.ROOT, "big-%d,Association numéro %d,%s,%s,%s%n", i, i, byPoint ? "" : commune[0],
                        byPoint ? commune[1] : "", byPoint ? commune[2] : ""));
            }
        }
    }
}
