package org.atlascitoyen.importers.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.directory.ImportRequest;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.remote.Download;
import org.atlascitoyen.importers.schedule.ScheduleRunner;
import org.atlascitoyen.importers.schedule.ScheduledRun;
import org.atlascitoyen.importers.schedule.ScheduledSource;
import org.atlascitoyen.importers.schedule.ScheduledSources;

/** {@code ./atlas import schedule add|list|remove|run}: the sources the map service re-imports on a schedule. */
final class ScheduleCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final DatabaseConfig db;
    private final PrintStream out;
    private final Map<String, String> env;
    private String action;
    private ScheduledSource toAdd;
    private String name;

    ScheduleCommand(DatabaseConfig db, PrintStream out, Map<String, String> env) {
        this.db = db;
        this.out = out;
        this.env = env;
    }

    /** Reads the arguments after {@code schedule}; every error is found before the database is touched. */
    void parse(Deque<String> args) throws IOException {
        action = args.isEmpty() ? "list" : args.pop();
        switch (action) {
            case "add" -> toAdd = parseAdd(args);
            case "list" -> noMore(args);
            case "remove" -> {
                name = required(args, "schedule remove needs the NAME of a scheduled source");
                noMore(args);
            }
            case "run" -> {
                name = args.isEmpty() ? null : args.pop();
                noMore(args);
            }
            default -> throw new IllegalArgumentException("unknown schedule command '" + action
                    + "': expected add, list, remove or run\n" + AtlasImport.USAGE);
        }
    }

    void run() throws SQLException {
        switch (action) {
            case "add" -> add();
            case "list" -> list();
            case "remove" -> remove();
            default -> runNow();
        }
    }

    private static ScheduledSource parseAdd(Deque<String> args) throws IOException {
        String kindWord = required(args, "schedule add needs actors or initiatives");
        RecordKind kind = RecordKind.byPath(kindWord).orElseThrow(() -> new IllegalArgumentException(
                "schedule add: '" + kindWord + "' is neither actors nor initiatives"));
        Duration every = null;
        Deque<String> rest = new ArrayDeque<>();
        while (!args.isEmpty()) {
            String arg = args.pop();
            if (arg.equals("--every") || arg.startsWith("--every=")) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                        : required(args, "--every needs a period, e.g. PT6H or P1D");
                every = period(value);
            } else if (arg.equals("--partial") || arg.startsWith("--rejects")) {
                throw new IllegalArgumentException("schedule add: " + arg + " does not apply to a scheduled source"
                        + " (each run is the whole source; its rejects are kept by the service)");
            } else {
                rest.add(arg);
            }
        }
        if (every == null) {
            throw new IllegalArgumentException("schedule add needs --every PERIOD (ISO 8601, e.g. PT6H or P1D)");
        }
        ImportRequest request = DirectoryOptions.parse(kind, rest);
        if (request.url() == null) {
            throw new IllegalArgumentException("schedule add needs an http(s) URL, not a file: the service downloads it");
        }
        String mapping = request.mapping() == null ? null : Files.readString(request.mapping(), StandardCharsets.UTF_8);
        return ScheduledSource.of(request, mapping, every);
    }

    static Duration period(String value) {
        try {
            Duration period = Duration.parse(value.toUpperCase(Locale.ROOT));
            if (period.compareTo(ScheduledSource.MIN_REFRESH) < 0) {
                throw new IllegalArgumentException("the period " + value + " is shorter than a minute");
            }
            return period;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not an ISO 8601 duration: write PT30M, PT6H, P1D or P7D");
        }
    }

    private void add() throws SQLException {
        try (Connection c = db.connect()) {
            boolean added = ScheduledSources.put(c, toAdd);
            out.println((added ? "Scheduled" : "Rescheduled") + " source '" + toAdd.name() + "' (" + toAdd.kind().path()
                    + ", " + toAdd.format().key() + ") from " + toAdd.url() + " every " + toAdd.refresh()
                    + ": the map service imports it at its next turn, then every period.");
        }
    }

    private void list() throws SQLException {
        List<ScheduledSource> sources;
        try (Connection c = db.connect()) {
            sources = ScheduledSources.list(c);
        }
        if (sources.isEmpty()) {
            out.println("No scheduled source (add one with ./atlas import schedule add ...).");
            return;
        }
        for (ScheduledSource s : sources) {
            out.printf(Locale.ROOT, "%s  %s %s every %s  next %s%n    %s%s%n    last: %s%n", s.name(), s.kind().path(),
                    s.format().key(), s.refresh(), time(s.nextDue()), s.url(),
                    s.mappingFile() == null ? "" : "  (mapping from " + s.mappingFile() + ")",
                    s.lastRunAt() == null ? "never run" : time(s.lastRunAt()) + " " + s.lastStatus() + ": " + s.lastMessage()
                            + (s.lastRunId() == null ? "" : " (import run " + s.lastRunId() + ")"));
        }
    }

    private void remove() throws SQLException {
        try (Connection c = db.connect()) {
            if (!ScheduledSources.remove(c, name)) {
                throw new IllegalArgumentException("no scheduled source named '" + name + "' (see ./atlas import schedule list)");
            }
        }
        out.println("Source '" + name + "' is no longer scheduled; its records and import history stay.");
    }

    private void runNow() throws SQLException {
        ScheduleRunner runner = new ScheduleRunner(db, Download.withDefaults(), workDirectory(env));
        Optional<List<ScheduledRun>> runs = runner.runDue(Optional.ofNullable(name));
        if (runs.isEmpty()) {
            throw new IllegalStateException("another scheduled import is running (a map service instance): try again later");
        }
        if (runs.get().isEmpty()) {
            out.println("No scheduled source is due.");
        }
        for (ScheduledRun run : runs.get()) {
            out.println(run.source().name() + ": " + run.status() + ": " + run.message());
        }
        if (runs.get().stream().anyMatch(ScheduledRun::failed)) {
            throw new IllegalStateException("a scheduled source failed (see above)");
        }
    }

    /** Where scheduled runs keep their downloads and reject files: .atlas/schedule in the project. */
    static Path workDirectory(Map<String, String> env) {
        String root = env.get("ATLAS_ROOT");
        return root == null || root.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "atlas-schedule")
                : Path.of(root, ".atlas", "schedule");
    }

    private static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    private static String required(Deque<String> args, String message) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException(message + "\n" + AtlasImport.USAGE);
        }
        return args.pop();
    }

    private static void noMore(Deque<String> args) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("unexpected argument '" + args.peek() + "'\n" + AtlasImport.USAGE);
        }
    }
}
