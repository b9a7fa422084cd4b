package org.atlascitoyen.importers.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.db.Schema;
import org.atlascitoyen.importers.directory.DirectoryImport;
import org.atlascitoyen.importers.directory.DirectoryImportReport;
import org.atlascitoyen.importers.directory.ImportRequest;
import org.atlascitoyen.importers.directory.Progress;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.load.MalformedFileException;
import org.atlascitoyen.importers.remote.Download;
import org.atlascitoyen.importers.remote.DownloadException;
import org.atlascitoyen.importers.remote.UrlImport;
import org.atlascitoyen.importers.territory.DataDirectory;
import org.atlascitoyen.importers.territory.SourceManifest;
import org.atlascitoyen.importers.territory.TerritoryImport;
import org.atlascitoyen.importers.territory.TerritoryImportException;
import org.atlascitoyen.importers.territory.TerritoryImportReport;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The importers' command line, run by {@code ./atlas import ...}. The database comes from the
 * environment ({@link DatabaseConfig}); every command applies pending migrations first. The
 * libraries' logs (Flyway, the PostgreSQL driver) show from WARNING up, unless {@code --verbose}
 * or {@code ATLAS_VERBOSE=1}. {@code init}, run by {@code ./atlas run}, says what it does in one
 * line per step; verbose, it prints the full reports too.
 */
public final class AtlasImport {

    static final String USAGE = """
            Usage: ./atlas import COMMAND [options]
              territories [--data DIR]   import the reference territories (communes, EPCI, PETR, bassins de vie,
                                         départements, région, QPV, PNR) from DIR (default: ATLAS_DATA_DIR,
                                         else ../shared/data next to the project)
              actors --source NAME --format csv|geojson|gogocarto|rna [--mapping FILE] [options] FILE|URL
              initiatives --source NAME --format csv|geojson|gogocarto [--mapping FILE] [options] FILE|URL
                                         import a directory of actors or initiatives, from a file or an http(s)
                                         URL (downloaded again only when it changed); options:
                                           --keep-out-of-region  keep records outside the region, flagged
                                           --partial             the file is an extract: do not mark missing records
                                           --rejects FILE        reject CSV (default: FILE.rejects.csv, for a URL
                                                                 NAME.rejects.csv in the current directory)
                                           --licence NAME        the source's licence (etalab-2.0, ODbL-1.0, CC-BY-4.0...)
                                           --licence-url URL     where its text is (known licences: found)
                                           --attribution TEXT    the credit line the producer asks for
                                         formats and mapping files: importers/README.md
              events --format ics [--source NAME] [options] FILE|URL
                                         import a calendar (iCalendar, RFC 5545) as events: upserts on each
                                         event's UID, marks cancelled ones, expands recurring ones from
                                         ATLAS_ICS_PAST_DAYS (30) days ago to ATLAS_ICS_FUTURE_DAYS (365) ahead;
                                         the source defaults to the file's name or the URL's host
              schedule add actors|initiatives --every PERIOD --source NAME --format FORMAT [--mapping FILE]
                           [--keep-out-of-region] URL
                                         re-import URL every PERIOD (ISO 8601: PT6H, P1D) from the map service
              schedule list              the scheduled sources: period, next run, last run and its outcome
              schedule remove NAME       stop re-importing a source (its records stay)
              schedule run [NAME]        run the due sources now (or NAME, due or not), as the service does
              demo [--demo DIR]          import the demo directory (data/demo/demo.json)
              init [--data DIR]          apply the schema; import the territories when the database has none,
                                         and the demo directory when it has no actor
              migrate                    apply the schema (Flyway migrations) only
              merges [accept|decline|done|undo] ...
                                         review the possible duplicates and the merges (./atlas merges help)
            --verbose (or ATLAS_VERBOSE=1), with any command: the libraries' logs, and init's full reports
            """;

    private final PrintStream out;
    private final Map<String, String> env;

    AtlasImport(PrintStream out, Map<String, String> env) {
        this.out = out;
        this.env = env;
    }

    public static void main(String[] args) {
        configureLogging(List.of(args).contains("--verbose") || verbose(System.getenv()));
        int status;
        try {
            status = new AtlasImport(System.out, System.getenv()).run(List.of(args));
        } catch (TerritoryImportException | MalformedFileException | DownloadException | IllegalArgumentException
                 | IllegalStateException e) {
            System.err.println("Error: " + e.getMessage());
            status = 1;
        } catch (FlywayException e) {
            System.err.println("Error: the schema could not be applied: " + e.getMessage());
            status = 1;
        } catch (SQLException e) {
            System.err.println("Error: database: " + e.getMessage());
            status = 1;
        } catch (java.io.IOException e) {
            System.err.println("Error: cannot read " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    int run(List<String> arguments) throws SQLException, java.io.IOException {
        Deque<String> args = new ArrayDeque<>(arguments);
        boolean verbose = args.removeIf("--verbose"::equals) || verbose(env);
        String command = args.isEmpty() ? "help" : args.pop();
        switch (command) {
            case "migrate" -> {
                noMoreOptions(args);
                migrate(DatabaseConfig.fromMap(env));
            }
            case "territories" -> {
                Path dataDir = dataOption(args);
                DatabaseConfig db = DatabaseConfig.fromMap(env);
                migrate(db);
                importTerritories(db, dataDir);
            }
            case "init" -> init(DatabaseConfig.fromMap(env), dataOption(args), verbose);
            case "actors", "initiatives", "events" -> {
                DatabaseConfig db = DatabaseConfig.fromMap(env);
                ImportRequest request = DirectoryOptions.parse(RecordKind.byPath(command).orElseThrow(), args);
                migrate(db);
                if (request.url() == null) {
                    directoryImport(db).run(request).print(out);
                } else {
                    importUrl(db, request);
                }
            }
            case "schedule" -> {
                DatabaseConfig db = DatabaseConfig.fromMap(env);
                ScheduleCommand schedule = new ScheduleCommand(db, out, env);
                schedule.parse(args);
                migrate(db);
                schedule.run();
            }
            case "demo" -> {
                Path dir = DemoData.defaultDirectory(env);
                if (!args.isEmpty() && args.peek().equals("--demo") && args.size() == 2) {
                    args.pop();
                    dir = Path.of(args.pop());
                }
                noMoreOptions(args);
                DatabaseConfig db = DatabaseConfig.fromMap(env);
                migrate(db);
                importDemo(db, dir);
            }
            case "merges" -> {
                DatabaseConfig db = DatabaseConfig.fromMap(env);
                migrate(db);
                new MergesCommand(out, env).run(db, args);
            }
            case "help", "--help", "-h" -> out.print(USAGE);
            default -> throw new IllegalArgumentException("unknown command '" + command + "'\n" + USAGE);
        }
        return 0;
    }

    /**
     * The schema, then the territories when the database has none, and the demo directory when it
     * has no actor: one line per step, and verbose, the full reports too.
     */
    private void init(DatabaseConfig db, Path dataDir, boolean verbose) throws SQLException, IOException {
        MigrateResult migration = migrate(db);
        if (migration.migrationsExecuted == 0) {
            out.println("Schema at version " + migration.initialSchemaVersion + ", up to date.");
        }
        long territories = count(db, "SELECT count(*) FROM territory");
        if (territories == 0 || count(db, "SELECT count(*) FROM commune_alias") == 0
                || count(db, "SELECT count(*) FROM france_commune") == 0) {
            out.println(territories == 0 ? "Importing the reference territories..."
                    : "The territories predate data that locating needs (former communes, neighbours, the national commune list): importing them again...");
            out.println(territoriesLine(importTerritories(db, dataDir, verbose)));
        } else {
            out.printf(Locale.ROOT, "Territories already imported (%,d).%n", territories);
        }
        long actors = count(db, "SELECT count(*) FROM actor");
        if (actors == 0 && count(db, "SELECT count(*) FROM import_run") == 0) {
            out.println("The directory is empty: importing the demo data...");
            Demo demo = importDemo(db, DemoData.defaultDirectory(env), verbose);
            out.println(demoLine(demo.reports()));
            if (demo.fictional() != null) {
                out.println(demo.fictional());
            }
        } else {
            out.printf(Locale.ROOT, "Directory already imported (%,d actors): no demo data.%n", actors);
            // A database that got the demo before resource persons existed gets its fictional ones.
            if (count(db, "SELECT count(*) FROM import_run WHERE source = 'reseau-engagement-occitanie'") > 0) {
                // ...and the demo's sources added since (the agenda), each imported once
                List<DirectoryImportReport> added = new ArrayList<>();
                for (ImportRequest request : DemoData.load(DemoData.defaultDirectory(env))) {
                    if (!imported(db, request.source())) {
                        added.add(directoryImport(db).run(request));
                    }
                }
                if (!added.isEmpty()) {
                    out.println(demoLine(added).replace("Demo data imported in", "Demo sources added in"));
                }
                int persons = DemoPersons.load(db, DemoData.defaultDirectory(env));
                if (persons > 0) {
                    out.println("Demo resource persons (fictional) added: " + persons + ".");
                }
                int experiences = DemoExperiences.load(db, DemoData.defaultDirectory(env));
                if (experiences > 0) {
                    out.println("Demo retours d'expérience (fictional) added: " + experiences + ".");
                }
                int needsOffers = DemoNeedsOffers.load(db, DemoData.defaultDirectory(env));
                if (needsOffers > 0) {
                    out.println("Demo needs and offers (fictional) added: " + needsOffers + ".");
                }
            }
        }
    }

    /** One line: the territories loaded per kind, and what to run to see the details. */
    static String territoriesLine(TerritoryImportReport report) {
        String counts = report.loaded().stream()
                .map(k -> String.format(Locale.ROOT, "%s %,d", k.kind(), k.total()))
                .collect(Collectors.joining(", "));
        String line = String.format(Locale.ROOT, "Territories imported in %.1f s: %s.", report.elapsed().toMillis() / 1000.0, counts);
        if (!report.missingKinds().isEmpty()) {
            line += " No file for " + String.join(", ", report.missingKinds()) + " (see data/sources.json).";
        }
        if (!report.issues().isEmpty()) {
            line += String.format(Locale.ROOT, " %,d not matched or repaired: ./atlas import territories imports them again and lists them.",
                    report.issues().size());
        }
        return line;
    }

    /** One line: the demo records per kind, new, merged and rejected. */
    static String demoLine(List<DirectoryImportReport> reports) {
        Map<String, long[]> byKind = new LinkedHashMap<>();
        long millis = 0;
        for (DirectoryImportReport r : reports) {
            long[] sums = byKind.computeIfAbsent(r.kind(), k -> new long[3]);
            sums[0] += r.inserted();
            sums[1] += r.merged();
            sums[2] += r.rejected();
            millis += r.millis();
        }
        String counts = byKind.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %,d new, %,d merged, %,d rejected", e.getKey(),
                        e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .collect(Collectors.joining("; "));
        return String.format(Locale.ROOT, "Demo data imported in %.1f s: %s.", millis / 1000.0, counts);
    }

    private MigrateResult migrate(DatabaseConfig db) {
        MigrateResult result = Schema.migrate(db);
        if (result.migrationsExecuted > 0) {
            out.println("Schema migrated to version " + result.targetSchemaVersion
                    + " (" + result.migrationsExecuted + " migration(s) applied).");
        }
        return result;
    }

    private void importTerritories(DatabaseConfig db, Path dataDir) throws SQLException, java.io.IOException {
        importTerritories(db, dataDir, true);
    }

    private TerritoryImportReport importTerritories(DatabaseConfig db, Path dataDir, boolean print) throws SQLException, IOException {
        TerritoryImportReport report = new TerritoryImport(db, new DataDirectory(dataDir, SourceManifest.load())).run();
        if (print) {
            report.print(out);
        }
        return report;
    }

    private DirectoryImport directoryImport(DatabaseConfig db) {
        return new DirectoryImport(db, Progress.Factory.to(System.err, System.console() != null));
    }

    private void importUrl(DatabaseConfig db, ImportRequest request) throws SQLException, java.io.IOException {
        UrlImport.Outcome outcome = new UrlImport(db, directoryImport(db), Download.withDefaults(),
                Path.of(System.getProperty("java.io.tmpdir"))).run(request);
        if (outcome instanceof UrlImport.Outcome.Imported imported) {
            imported.report().print(out);
        } else {
            out.println("Source '" + request.source() + "': " + request.url() + " unchanged since "
                    + ((UrlImport.Outcome.Unchanged) outcome).since() + ", nothing imported.");
        }
    }

    private void importDemo(DatabaseConfig db, Path dir) throws SQLException, java.io.IOException {
        Demo demo = importDemo(db, dir, true);
        if (demo.fictional() != null) {
            out.println(demo.fictional());
        }
    }

    /** The demo directories' reports, and one line naming the fictional records added beside them (or null). */
    private record Demo(List<DirectoryImportReport> reports, String fictional) {
    }

    private Demo importDemo(DatabaseConfig db, Path dir, boolean print) throws SQLException, IOException {
        DirectoryImport importer = directoryImport(db);
        List<DirectoryImportReport> reports = new ArrayList<>();
        for (ImportRequest request : DemoData.load(dir)) {
            DirectoryImportReport report = importer.run(request);
            if (print) {
                report.print(out);
            }
            reports.add(report);
        }
        List<String> fictional = new ArrayList<>();
        int persons = DemoPersons.load(db, dir);
        if (persons > 0) {
            fictional.add(persons + " resource persons");
        }
        int needsOffers = DemoNeedsOffers.load(db, dir);
        if (needsOffers > 0) {
            fictional.add(needsOffers + " needs and offers");
        }
        int experiences = DemoExperiences.load(db, dir);
        if (experiences > 0) {
            fictional.add(experiences + " retours d'expérience");
        }
        return new Demo(reports, fictional.isEmpty() ? null : "Demo network (fictional): " + String.join(", ", fictional) + ".");
    }

    /** {@code ATLAS_VERBOSE} is {@code 1} or {@code true}. */
    static boolean verbose(Map<String, String> env) {
        String value = env.getOrDefault("ATLAS_VERBOSE", "");
        return value.equals("1") || value.equalsIgnoreCase("true");
    }

    /**
     * java.util.logging from {@code logging.properties} (the libraries from WARNING up, one line
     * each), or from INFO when verbose; a configuration file given with
     * {@code -Djava.util.logging.config.file} wins.
     */
    static void configureLogging(boolean verbose) {
        if (System.getProperty("java.util.logging.config.file") == null) {
            try (InputStream in = AtlasImport.class.getResourceAsStream("/logging.properties")) {
                if (in != null) {
                    LogManager.getLogManager().readConfiguration(in);
                }
            } catch (IOException e) {
                System.err.println("Warning: logging.properties could not be read: " + e.getMessage());
            }
        }
        if (verbose) {
            Logger.getLogger("").setLevel(Level.INFO);
        }
    }

    private Path dataOption(Deque<String> args) {
        Path dir = DataDirectory.defaultRoot(env);
        while (!args.isEmpty()) {
            String arg = args.pop();
            if (arg.equals("--data") && !args.isEmpty()) {
                dir = Path.of(args.pop());
            } else if (arg.startsWith("--data=")) {
                dir = Path.of(arg.substring("--data=".length()));
            } else {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'\n" + USAGE);
            }
        }
        return dir;
    }

    private static void noMoreOptions(Deque<String> args) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("unexpected argument '" + args.peek() + "'\n" + USAGE);
        }
    }

    /** Whether a source has been imported into the database (successfully or not). */
    private static boolean imported(DatabaseConfig db, String source) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement st = c.prepareStatement("SELECT EXISTS (SELECT FROM import_run WHERE source = ?)")) {
            st.setString(1, source);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static long count(DatabaseConfig db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
