package org.atlascitoyen.importers.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.db.Schema;
import org.atlascitoyen.importers.directory.DirectoryImport;
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
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The importers' command line, run by {@code ./atlas import ...}. The database comes from the
 * environment ({@link DatabaseConfig}); every command applies pending migrations first.
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
                                         formats and mapping files: importers/README.md
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
            """;

    private final PrintStream out;
    private final Map<String, String> env;

    AtlasImport(PrintStream out, Map<String, String> env) {
        this.out = out;
        this.env = env;
    }

    public static void main(String[] args) {
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
            case "init" -> {
                Path dataDir = dataOption(args);
                DatabaseConfig db = DatabaseConfig.fromMap(env);
                migrate(db);
                if (count(db, "SELECT count(*) FROM territory") == 0) {
                    out.println("The database has no territories yet: importing them.");
                    importTerritories(db, dataDir);
                } else if (count(db, "SELECT count(*) FROM commune_alias") == 0) {
                    out.println("The territories predate former-commune names and neighbours: importing them again.");
                    importTerritories(db, dataDir);
                }
                if (count(db, "SELECT count(*) FROM actor") == 0 && count(db, "SELECT count(*) FROM import_run") == 0) {
                    out.println("The directory is empty: importing the demo data.");
                    importDemo(db, DemoData.defaultDirectory(env));
                }
            }
            case "actors", "initiatives" -> {
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
            case "help", "--help", "-h" -> out.print(USAGE);
            default -> throw new IllegalArgumentException("unknown command '" + command + "'\n" + USAGE);
        }
        return 0;
    }

    private void migrate(DatabaseConfig db) {
        MigrateResult result = Schema.migrate(db);
        if (result.migrationsExecuted > 0) {
            out.println("Schema migrated to version " + result.targetSchemaVersion
                    + " (" + result.migrationsExecuted + " migration(s) applied).");
        }
    }

    private void importTerritories(DatabaseConfig db, Path dataDir) throws SQLException, java.io.IOException {
        new TerritoryImport(db, new DataDirectory(dataDir, SourceManifest.load())).run().print(out);
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
        DirectoryImport importer = directoryImport(db);
        for (ImportRequest request : DemoData.load(dir)) {
            importer.run(request).print(out);
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

    private static long count(DatabaseConfig db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
