package org.atlascitoyen.importers.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.directory.DirectoryImport;
import org.atlascitoyen.importers.directory.ImportRequest;
import org.atlascitoyen.importers.directory.Progress;
import org.atlascitoyen.importers.remote.Download;
import org.atlascitoyen.importers.remote.UrlImport;

/**
 * Runs the scheduled sources that are due: each is downloaded (conditionally) and imported, and
 * its outcome recorded in {@code scheduled_source}. One turn at a time across every process that
 * runs them (service instances, {@code ./atlas import schedule run}): a turn holds a PostgreSQL
 * advisory lock on a connection of its own, and a turn that cannot take it runs nothing.
 *
 * <p>Connects as the owner role: importing writes the published tables.
 */
public final class ScheduleRunner {

    /** Sources run in one turn at most; the others are still due at the next turn. */
    public static final int MAX_PER_TURN = 20;

    private final DatabaseConfig owner;
    private final UrlImport urlImport;
    private final Path workDirectory;

    /** @param workDirectory where downloads, mappings and reject files go while a source runs */
    public ScheduleRunner(DatabaseConfig owner, Download download, Path workDirectory) {
        this.owner = owner;
        this.workDirectory = workDirectory;
        this.urlImport = new UrlImport(owner, new DirectoryImport(owner, Progress.Factory.silent()), download, workDirectory);
    }

    /**
     * Runs every due source, or, with {@code only}, that source whether due or not. Empty when
     * another turn holds the lock: nothing was run.
     */
    public Optional<List<ScheduledRun>> runDue(Optional<String> only) throws SQLException {
        try (Connection lock = owner.connect()) {
            if (!tryLock(lock)) {
                return Optional.empty();
            }
            try {
                List<ScheduledSource> sources = only.isPresent()
                        ? ScheduledSources.find(lock, only.get()).map(List::of).orElseThrow(
                                () -> new IllegalArgumentException("no scheduled source named '" + only.get() + "'"))
                        : ScheduledSources.due(lock, MAX_PER_TURN);
                List<ScheduledRun> runs = new ArrayList<>();
                for (ScheduledSource source : sources) {
                    ScheduledRun run = run(source);
                    ScheduledSources.recordOutcome(lock, source.name(), run.startedAt(), run.status(), run.message(),
                            run.report() == null ? null : run.report().runId());
                    runs.add(run);
                }
                return Optional.of(runs);
            } finally {
                try (Statement st = lock.createStatement()) {
                    st.execute(ScheduledSources.sql("unlock.sql"));
                }
            }
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(ScheduledSources.sql("try-lock.sql"))) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Runs one source; any failure becomes a failed run with its message, never an exception. */
    ScheduledRun run(ScheduledSource source) {
        Instant started = Instant.now();
        Path mapping = null;
        try {
            Files.createDirectories(workDirectory);
            if (source.mapping() != null) {
                // YAML reads JSON too: one suffix serves both.
                mapping = Files.createTempFile(workDirectory, source.name() + "-mapping-", ".yaml");
                Files.writeString(mapping, source.mapping(), StandardCharsets.UTF_8);
            }
            ImportRequest request = new ImportRequest(source.kind(), source.name(), source.format(), null, mapping,
                    source.keepOutOfRegion(), false, workDirectory.resolve(source.name() + ".rejects.csv"), source.url());
            UrlImport.Outcome outcome = urlImport.run(request);
            if (outcome instanceof UrlImport.Outcome.Imported imported) {
                return new ScheduledRun(source, started, ScheduledRun.SUCCEEDED, ScheduledRun.figures(imported.report()),
                        imported.report());
            }
            return new ScheduledRun(source, started, ScheduledRun.UNCHANGED,
                    "unchanged since " + ((UrlImport.Outcome.Unchanged) outcome).since() + ", nothing imported", null);
        } catch (SQLException | IOException | RuntimeException e) {
            return new ScheduledRun(source, started, ScheduledRun.FAILED, message(e), null);
        } finally {
            if (mapping != null) {
                try {
                    Files.deleteIfExists(mapping);
                } catch (IOException ignored) {
                    // a leftover temporary mapping is harmless
                }
            }
        }
    }

    private static String message(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
