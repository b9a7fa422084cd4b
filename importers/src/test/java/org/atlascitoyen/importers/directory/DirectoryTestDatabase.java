package org.atlascitoyen.importers.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh database with the schema and the region's territories, for importing the directory
 * fixtures ({@code src/test/resources/{csv,geojson,gogocarto,rna,mapping}}) and reading back what
 * was published. Reject files go to a temporary folder of its own, removed with the database.
 */
public final class DirectoryTestDatabase implements AutoCloseable, BeforeEachCallback, AfterEachCallback {

    private DatabaseConfig db;
    private Path rejectsDir;

    private DirectoryTestDatabase() {
    }

    /** A fresh database now; the caller closes it. */
    public static DirectoryTestDatabase create() {
        DirectoryTestDatabase database = new DirectoryTestDatabase();
        database.open();
        return database;
    }

    /**
     * A fresh database for each test, dropped after it:
     * {@code @RegisterExtension final DirectoryTestDatabase db = DirectoryTestDatabase.perTest();}.
     */
    public static DirectoryTestDatabase perTest() {
        return new DirectoryTestDatabase();
    }

    private void open() {
        try {
            rejectsDir = Files.createTempDirectory("atlas-rejects-");
            db = TestDatabases.withTerritories();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        open();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close();
    }

    public DatabaseConfig config() {
        return db;
    }

    /** A request whose reject file goes to this database's temporary folder. */
    public ImportRequest request(RecordKind kind, String source, ImportRequest.Format format, Path file, Path mapping) {
        return new ImportRequest(kind, source, format, file, mapping, false, false, rejectsFor(file));
    }

    public Path rejectsFor(Path file) {
        return rejectsDir.resolve(file.getFileName() + ".rejects.csv");
    }

    public DirectoryImportReport run(ImportRequest request) throws SQLException, IOException {
        DirectoryImportReport report = new DirectoryImport(db, Progress.Factory.silent()).run(request);
        assertEveryRowAccountedFor(report);
        return report;
    }

    public DirectoryImportReport importActors(String source, ImportRequest.Format format, Path file, Path mapping)
            throws SQLException, IOException {
        return run(request(RecordKind.ACTOR, source, format, file, mapping));
    }

    /**
     * Nothing is dropped silently: every row read is published one way or another, rejected, or
     * skipped by the suppression list.
     */
    public static void assertEveryRowAccountedFor(DirectoryImportReport report) {
        assertThat(report.inserted() + report.updated() + report.unchanged() + report.merged() + report.rejected()
                + report.suppressed())
                .as("inserted + updated + unchanged + merged + rejected + suppressed of %s", report)
                .isEqualTo(report.read());
        assertThat(report.rejectsByReason().values().stream().mapToLong(Long::longValue).sum())
                .as("rejects by reason").isEqualTo(report.rejected());
    }

    /** Each row of a query as its columns joined with " | " (null as "null"). */
    public List<String> rows(String sql, Object... params) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringJoiner row = new StringJoiner(" | ");
                    for (int i = 1; i <= columns; i++) {
                        row.add(String.valueOf(rs.getObject(i)));
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }

    /** Runs a write, as the moderation code would (a field_source or suppression row); returns the rows it changed. */
    public int execute(String sql, Object... params) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            return st.executeUpdate();
        }
    }

    /** The single value of a query. */
    public String value(String sql, Object... params) throws SQLException {
        List<String> rows = rows(sql, params);
        assertThat(rows).as(sql).hasSize(1);
        return rows.get(0);
    }

    public long count(String table) throws SQLException {
        return Long.parseLong(value("SELECT count(*) FROM " + table));
    }

    /**
     * The published actor of a name: name, type, sorted themes, precision, commune, epci,
     * departement, out_of_region, and its point rounded to 4 decimals (lon lat).
     */
    public String actor(String name) throws SQLException {
        return value("SELECT name, type, (SELECT string_agg(t, ',' ORDER BY t) FROM unnest(themes) t), precision, commune, "
                + "epci, departement, out_of_region, round(ST_X(geom)::numeric, 4) || ' ' || round(ST_Y(geom)::numeric, 4) "
                + "FROM actor WHERE name = ?", name);
    }

    /** The point of a commune an actor located by its commune is placed at (lon lat, 4 decimals). */
    public String communePoint(String code) throws SQLException {
        return value("SELECT round(ST_X(label_point)::numeric, 4) || ' ' || round(ST_Y(label_point)::numeric, 4) "
                + "FROM territory WHERE kind = 'commune' AND code = ?", code);
    }

    /** The rows of a run's reject file, read with its header (line, reason, detail, name...). */
    public static List<CSVRecord> rejects(DirectoryImportReport report) throws IOException {
        assertThat(report.rejectFile()).as("reject file of a run with rejects").isNotNull();
        try (Reader in = Files.newBufferedReader(Path.of(report.rejectFile()), StandardCharsets.UTF_8)) {
            assertThat(in.read()).as("the reject file starts with a BOM").isEqualTo('\ufeff');
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    /** The reject of one line: "reason | detail". */
    public static String reject(DirectoryImportReport report, long line) throws IOException {
        return rejects(report).stream().filter(r -> r.get(0).equals(Long.toString(line)))
                .map(r -> r.get("reason") + " | " + r.get("detail")).findFirst()
                .orElseThrow(() -> new AssertionError("no reject at line " + line + " in " + report.rejectFile()));
    }

    @Override
    public void close() throws IOException {
        TestDatabases.drop(db);
        try (Stream<Path> files = Files.walk(rejectsDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
