package org.atlascitoyen.importers.directory;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.atlascitoyen.importers.csv.CsvRowReader;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.importers.dedup.NameWords;
import org.atlascitoyen.importers.geojson.GeoJsonRowReader;
import org.atlascitoyen.importers.gogocarto.GoGoCartoRowReader;
import org.atlascitoyen.importers.load.CopyRows;
import org.atlascitoyen.importers.locate.Coordinates;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.rna.RnaRowReader;
import org.atlascitoyen.importers.source.Mapping;
import org.atlascitoyen.importers.source.SourceLicence;
import org.atlascitoyen.importers.source.RowReader;

/**
 * Imports one directory file (actors or initiatives) into the published tables.
 *
 * <p>One transaction per run: rows are read and cleaned in a stream and COPYed into a temporary
 * staging table, then the SQL of {@code sql/directory-import/} locates them, finds the records
 * they update or duplicate, and publishes. Until commit nobody sees any of it; a failed or killed
 * run leaves the published tables as they were. Runs are serialised by an advisory lock. A run
 * that fails is recorded (status failed, with its error) after the rollback.
 */
public final class DirectoryImport {

    static final String SQL = "sql/directory-import/";
    /** Placeholders of the scripts replaced by a script of the kind: match-actor.sql, fields-initiative.sql... */
    private static final Map<String, String> KIND_PARTS = Map.of("${kind-rules}", "match-", "${kind-fields}", "fields-",
            "${kind-name-filter}", "name-filter-");
    private static final int MERGES_LISTED = 50;
    private static final int GONE_LISTED = 50;
    private static final NameWords NAME_WORDS = NameWords.shipped();
    /** ATLAS_IMPORT_TIMINGS=1 prints each statement's time, for tuning the SQL. */
    private static final boolean TIMINGS = "1".equals(System.getenv("ATLAS_IMPORT_TIMINGS"));

    private final DatabaseConfig db;
    private final Progress.Factory progress;

    public DirectoryImport(DatabaseConfig db, Progress.Factory progress) {
        this.db = db;
        this.progress = progress;
    }

    public DirectoryImportReport run(ImportRequest request) throws SQLException, IOException {
        if (request.format() == ImportRequest.Format.ICS) { // events, from a calendar: the same runs, locating and report
            return new EventImport(db, EventImport.defaultWindow(System.getenv())).run(request);
        }
        Instant started = Instant.now();
        if (!Files.isRegularFile(request.file()) || !Files.isReadable(request.file())) {
            throw new IllegalArgumentException("cannot read " + request.file() + ": no such readable file");
        }
        Mapping mapping = mapping(request);
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            try {
                DirectoryImportReport report = run(connection, request, mapping, started);
                connection.commit();
                connection.setAutoCommit(true);
                if (report.inserted() + report.updated() + report.merged() + report.noLongerSeen() > 0) {
                    // a run that changed nothing leaves the statistics as they were (0.7 s at 470,000 records)
                    statements("analyze.sql", request.kind()).forEach(sql -> execute(connection, sql));
                }
                return report;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                ImportRuns.recordFailure(connection, request, started, e);
                throw e;
            }
        }
    }

    private DirectoryImportReport run(Connection connection, ImportRequest request, Mapping mapping, Instant started)
            throws SQLException, IOException {
        RecordKind kind = request.kind();
        execute(connection, sql("lock.sql"));
        Coordinates coordinates = regionBox(connection);
        SourceLicence licence = request.licence().orElse(mapping == null ? SourceLicence.NONE : mapping.licence());
        ImportRuns.Started run = ImportRuns.start(connection, request, licence, started);
        long runId = run.runId();
        statements("staging.sql", kind).forEach(sql -> execute(connection, sql));

        RowReader reader = reader(request, mapping);
        Tally tally = new Tally();
        byte[] personKey = personKey(connection);
        List<RecordCleaner> cleaners = new ArrayList<>();
        List<Tally> tallies = new ArrayList<>();
        for (int i = 0; i < ParallelStaging.workers(); i++) {
            tallies.add(new Tally());
            cleaners.add(new RecordCleaner(kind, mapping, Vocabularies.load(connection), coordinates, tallies.get(i),
                    request.format() == ImportRequest.Format.RNA, personKey));
        }
        ParallelStaging staging = new ParallelStaging(cleaners, tallies);
        Map<String, Long> phases = new LinkedHashMap<>();
        long phaseStart = System.nanoTime();
        Progress bar = progress.start(Files.size(request.file()), reader::bytesRead);
        try (CopyRows copy = new CopyRows(connection, "stage_record", CleanedRecord.COLUMNS)) {
            staging.start(copy);
            try {
                reader.read(row -> {
                    staging.accept(row);
                    bar.row();
                });
                staging.finish(tally);
            } catch (IOException | SQLException | RuntimeException | Error e) {
                staging.abandon();
                throw e;
            }
        }
        bar.done();
        phases.put("read", (System.nanoTime() - phaseStart) / 1_000_000);

        configure(connection, request, runId);
        boolean bulk = false;
        List<String> restore = List.of();
        for (String script : List.of("territory-alias.sql", "unchanged.sql", "locate.sql", "suppress.sql", "known.sql", "match.sql",
                "target.sql", "guard.sql", "publish-" + kind.table() + ".sql", "locations.sql", "provenance.sql",
                "conflicts.sql")) {
            if (script.startsWith("publish-")) {
                bulk = BulkMode.applies(connection, kind.table());
                restore = bulk ? BulkMode.drop(connection, kind.table(), true) : List.of();
            } else if (script.equals("provenance.sql") && bulk) {
                // its indexes stay: the possible duplicates are found through them
                restore = BulkMode.drop(connection, kind.table() + "_provenance", false);
            }
            phaseStart = System.nanoTime();
            runTimed(connection, statements(script, kind));
            if (script.equals("unchanged.sql") && anyUnchanged(connection)) {
                runTimed(connection, statements("narrow.sql", kind));
            }
            if ((script.startsWith("publish-") || script.equals("provenance.sql")) && !restore.isEmpty()) {
                BulkMode.restore(connection, restore);
                restore = List.of();
            }
            phases.put(script.replace(".sql", "").replace("-" + kind.table(), ""), (System.nanoTime() - phaseStart) / 1_000_000);
        }
        DirectoryImportReport report = report(connection, request, reader, tally, run, started, phases);
        writeRejects(connection, request, reader.position(), report.rejected());
        ImportRuns.finish(connection, report);
        return report;
    }

    /** Runs statements in turn; with ATLAS_IMPORT_TIMINGS=1, prints the time of each. */
    private static void runTimed(Connection connection, List<String> statements) {
        for (String sql : statements) {
            long t = System.nanoTime();
            execute(connection, sql);
            if (TIMINGS) {
                System.err.printf("%6d ms  %s%n", (System.nanoTime() - t) / 1_000_000, SqlResource.firstLine(sql));
            }
        }
    }

    /** Whether unchanged.sql found rows to skip: then narrow.sql leaves them out of stage_record. */
    private static boolean anyUnchanged(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql("any-unchanged.sql"))) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static Mapping mapping(ImportRequest request) throws IOException {
        Mapping file = request.mapping() == null ? null : Mapping.load(request.mapping());
        return switch (request.format()) {
            case CSV, GEOJSON -> file;
            case GOGOCARTO -> file == null ? GoGoCartoRowReader.BUILT_IN : GoGoCartoRowReader.BUILT_IN.with(file);
            case RNA -> file == null ? RnaRowReader.BUILT_IN : RnaRowReader.BUILT_IN.with(file);
            case ICS -> file;
        };
    }

    private static RowReader reader(ImportRequest request, Mapping mapping) {
        return switch (request.format()) {
            case CSV -> new CsvRowReader(request.file(), mapping);
            case GEOJSON -> new GeoJsonRowReader(request.file(), mapping);
            case GOGOCARTO -> new GoGoCartoRowReader(request.file(), mapping);
            case RNA -> new RnaRowReader(request.file());
            case ICS -> throw new IllegalStateException("iCalendar files are read by EventImport");
        };
    }

    /** The database's secret that keys the derived ids of hidden natural persons (import_key, V20). */
    private static byte[] personKey(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql("person-key.sql"))) {
            if (!rs.next()) {
                throw new IllegalStateException("import_key has no key: migration V20 writes it");
            }
            return rs.getString(1).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The region's bounding box, for detecting swapped coordinates. */
    private static Coordinates regionBox(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(sql("region-box.sql"))) {
            if (!rs.next() || rs.getObject(1) == null) {
                throw new IllegalStateException("the database has no communes: import the territories first (./atlas import territories)");
            }
            return new Coordinates(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4));
        }
    }

    static void configure(Connection connection, ImportRequest request, long runId) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement(sql("settings.sql"))) {
            for (Map.Entry<String, String> s : Map.of(
                    "atlas.import.source", request.source(),
                    "atlas.import.run", Long.toString(runId),
                    "atlas.import.keep_out_of_region", Boolean.toString(request.keepOutOfRegion()),
                    "atlas.import.partial", Boolean.toString(request.partial()),
                    "atlas.import.name_phrases", NAME_WORDS.phrasesArray(),
                    "atlas.import.generic_words", NAME_WORDS.genericArray(),
                    "atlas.import.kind_words", NAME_WORDS.kindArray()).entrySet()) {
                set.setString(1, s.getKey());
                set.setString(2, s.getValue());
                set.execute();
            }
        }
    }

    private DirectoryImportReport report(Connection connection, ImportRequest request, RowReader reader, Tally tally,
                                         ImportRuns.Started run, Instant started, Map<String, Long> phases)
            throws SQLException {
        long[] counts = new long[12];
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql("counts.sql"))) {
            rs.next();
            for (int i = 0; i < counts.length; i++) {
                counts[i] = rs.getLong(i + 1);
            }
        }
        Map<String, Long> byReason = new LinkedHashMap<>();
        query(connection, "rejects-by-reason.sql", rs -> byReason.put(rs.getString(1), rs.getLong(2)));
        query(connection, "notes.sql", rs -> tally.add(rs.getString(1), ""));
        List<DirectoryImportReport.Merge> merges = new ArrayList<>();
        query(connection, "merges.sql", rs -> merges.add(new DirectoryImportReport.Merge(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getLong(4), rs.getString(5), (Float) rs.getObject(6), rs.getLong(7))), MERGES_LISTED);
        Map<String, Long> mergedByRule = new LinkedHashMap<>();
        Map<String, Long> possibleByRule = new LinkedHashMap<>();
        query(connection, "merges-by-rule.sql", rs -> (rs.getString(1).equals("merged") ? mergedByRule : possibleByRule)
                .put(rs.getString(2), rs.getLong(3)));
        List<DirectoryImportReport.Gone> gone = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(statements("gone.sql", request.kind()).get(0))) {
            st.setInt(1, GONE_LISTED);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    gone.add(new DirectoryImportReport.Gone(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return new DirectoryImportReport(run.runId(), request.kind().path(), request.source(), request.format().key(),
                request.origin(), counts[0], counts[1], counts[2], counts[3], counts[4],
                counts[5], counts[6], byReason, List.copyOf(reader.notes()), tally.counts(), merges,
                Math.max(0, counts[4] - merges.size()), mergedByRule, possibleByRule,
                counts[5] > 0 ? DirectoryImportReport.name(request.rejectsFile()) : null, reader.position(),
                phases, java.time.Duration.between(started, Instant.now()).toMillis(), run.licence(), gone,
                new DirectoryImportReport.HumanEdits(counts[7], counts[8], counts[9]),
                new DirectoryImportReport.NaturalPersons(counts[10], counts[11]));
    }

    /**
     * Writes the reject CSV next to the input (through a temporary file, so that a failure leaves
     * no half file); removes a stale one when this run rejected nothing.
     */
    static void writeRejects(Connection connection, ImportRequest request, String position, long rejected)
            throws SQLException, IOException {
        Path target = request.rejectsFile();
        if (rejected == 0) {
            Files.deleteIfExists(target);
            return;
        }
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
             Statement st = connection.createStatement()) {
            writer.write('\ufeff'); // a BOM, so that spreadsheet software reads the accents right
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                    .setHeader(position, "reason", "detail", "name", "address", "postcode", "commune", "commune_code", "latitude", "longitude")
                    .get());
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery(sql("rejects.sql"))) {
                while (rs.next()) {
                    List<Object> values = new ArrayList<>(10);
                    for (int i = 1; i <= 10; i++) {
                        values.add(rs.getObject(i));
                    }
                    csv.printRecord(values);
                }
            }
            csv.flush();
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A one-statement script of {@code sql/directory-import/}. */
    private static String sql(String script) {
        return SqlResource.statement(SQL + script);
    }

    /** The same, for the event import that shares these scripts. */
    static String sqlOf(String script) {
        return sql(script);
    }

    private static List<String> statements(String script, RecordKind kind) {
        return SqlResource.statements(SQL + script).stream().map(sql -> forKind(sql, kind)).toList();
    }

    /**
     * A statement for a kind: {@code ${record}} is the kind's table, {@code ${kind-rules}} (in
     * match.sql) the dedup rules of the kind alone, from match-TABLE.sql, and {@code ${kind-fields}}
     * (in guard.sql) the fields a human may own, from fields-TABLE.sql, and {@code ${kind-name-filter}}
     * (in match.sql) what keeps the name rules off records whose name is hidden, from name-filter-TABLE.sql.
     */
    private static String forKind(String sql, RecordKind kind) {
        String withParts = sql;
        for (Map.Entry<String, String> part : KIND_PARTS.entrySet()) {
            if (withParts.contains(part.getKey())) {
                withParts = withParts.replace(part.getKey(),
                        SqlResource.load(SQL + part.getValue() + kind.table() + ".sql").strip());
            }
        }
        return withParts.replace("${record}", kind.table());
    }

    @FunctionalInterface
    private interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs a query of {@code sql/directory-import/} with its parameters, row by row. */
    private static void query(Connection connection, String script, RowConsumer consumer, Object... parameters)
            throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql(script))) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        }
    }

    private static void execute(Connection connection, String sql) {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Directory import failed: " + e.getMessage()
                    + "\n  in statement: " + SqlResource.firstLine(sql), e);
        }
    }
}
