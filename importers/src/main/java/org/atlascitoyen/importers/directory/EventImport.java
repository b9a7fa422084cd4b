package org.atlascitoyen.importers.directory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.importers.ics.IcsReader;
import org.atlascitoyen.importers.load.CopyRows;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.source.Names;
import org.atlascitoyen.importers.source.SourceLicence;

/**
 * Imports an iCalendar file (a calendar feed or an .ics export) as events, in the directory
 * import's pipeline: the same source and import_run rows, lock, staging table and commune
 * locating ({@code locate.sql}), reject file and report, then {@code sql/event-import/publish.sql},
 * which upserts on the source's external id (the UID, and the occurrence's start for a recurring
 * event) and marks what the feed no longer has as not seen, never deleting. One transaction.
 *
 * <p>Place: GEO is the point (precision 'address'); else the LOCATION's postcode and commune name
 * locate it in a commune; else the organiser's actor point; else the event is rejected.
 * CATEGORIES give the event type and themes through the vocabularies' synonyms.
 */
public final class EventImport {

    private static final String SQL = "sql/event-import/";
    private static final Pattern POSTCODE = Pattern.compile("(?<![0-9])([0-9]{5})(?![0-9])\\s*([^,;\\n]*)");
    private static final String DEFAULT_TYPE = "autre";
    private static final int NAME_MAX = 300;

    private final DatabaseConfig db;
    private final IcsReader.Window window;

    /**
     * @param window the span recurring events are expanded over
     */
    public EventImport(DatabaseConfig db, IcsReader.Window window) {
        this.db = db;
        this.window = window;
    }

    /**
     * The window of the settings {@code ATLAS_ICS_PAST_DAYS} (default 30) and
     * {@code ATLAS_ICS_FUTURE_DAYS} (default 365) around now.
     */
    public static IcsReader.Window defaultWindow(Map<String, String> env) {
        return IcsReader.Window.around(Instant.now(), days(env, "ATLAS_ICS_PAST_DAYS", 30), days(env, "ATLAS_ICS_FUTURE_DAYS", 365));
    }

    private static int days(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number of days, got '" + value + "'");
        }
    }

    public DirectoryImportReport run(ImportRequest request) throws SQLException, IOException {
        Instant started = Instant.now();
        if (!Files.isRegularFile(request.file()) || !Files.isReadable(request.file())) {
            throw new IllegalArgumentException("cannot read " + request.file() + ": no such readable file");
        }
        IcsReader.Result calendar;
        try (InputStream in = Files.newInputStream(request.file())) {
            calendar = IcsReader.read(in, window);
        }
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            try {
                DirectoryImportReport report = run(connection, request, calendar, started);
                connection.commit();
                return report;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                ImportRuns.recordFailure(connection, request, started, e);
                throw e;
            }
        }
    }

    private DirectoryImportReport run(Connection connection, ImportRequest request, IcsReader.Result calendar,
                                      Instant started) throws SQLException, IOException {
        execute(connection, DirectoryImport.sqlOf("lock.sql"));
        ImportRuns.Started run = ImportRuns.start(connection, request, request.licence(), started);
        scripts(DirectoryImport.SQL + "staging.sql").forEach(sql -> execute(connection, sql));
        scripts(SQL + "staging.sql").forEach(sql -> execute(connection, sql));
        Vocabulary themes = Vocabulary.load(connection, "theme");
        Vocabulary types = Vocabulary.load(connection, RecordKind.EVENT.category().table());
        List<CleanedRecord> rows = new ArrayList<>();
        for (IcsReader.Rejected r : calendar.rejected()) {
            CleanedRecord c = new CleanedRecord(rows.size() + 1);
            c.externalId = r.uid() == null ? r.position() : r.uid();
            c.name = r.summary();
            c.reject = r.reason();
            c.rejectDetail = r.position() + ": " + r.detail();
            rows.add(c);
        }
        long firstEvent = rows.size() + 1;
        for (IcsReader.IcsEvent e : calendar.events()) {
            rows.add(record(rows.size() + 1, e, themes, types));
        }
        // One COPY at a time on a connection: the records, then the events' own values.
        try (CopyRows records = new CopyRows(connection, "stage_record", CleanedRecord.COLUMNS)) {
            for (CleanedRecord c : rows) {
                records.row(c.values());
            }
        }
        try (CopyRows events = new CopyRows(connection, "stage_event", "line", "uid", "starts_at", "ends_at",
                "all_day", "status", "place_name", "online_url", "organiser_search")) {
            long line = firstEvent;
            for (IcsReader.IcsEvent e : calendar.events()) {
                events.row(line++, e.uid(), e.startsAt(), e.endsAt(), e.allDay(), e.cancelled() ? "cancelled" : "confirmed",
                        placeName(e.location()), clean(e.onlineUrl()),
                        e.organiser() == null ? null : Names.normalize(e.organiser()));
            }
        }
        DirectoryImport.configure(connection, request, run.runId());
        for (String script : List.of(SQL + "organiser-place.sql", DirectoryImport.SQL + "territory-alias.sql",
                DirectoryImport.SQL + "locate.sql", SQL + "publish.sql")) {
            scripts(script).forEach(sql -> execute(connection, sql));
        }
        DirectoryImportReport report = report(connection, request, run, started);
        DirectoryImport.writeRejects(connection, request, "position", report.rejected());
        ImportRuns.finish(connection, report);
        return report;
    }

    /** The staging row of an event: its texts cleaned, its categories translated, its place as the file gives it. */
    private static CleanedRecord record(long line, IcsReader.IcsEvent e, Vocabulary themes, Vocabulary types) {
        CleanedRecord c = new CleanedRecord(line);
        c.externalId = e.externalId();
        String name = clean(e.summary());
        if (name == null || name.isBlank()) {
            c.reject = "no name";
            c.rejectDetail = e.position() + ": the event has no SUMMARY";
            name = null;
        } else if (name.length() > NAME_MAX) {
            name = name.substring(0, NAME_MAX - 1) + "…";
        }
        c.name = name;
        c.nameSearch = name == null ? null : Names.normalize(name);
        c.type = e.categories().stream().map(types::lookup).flatMap(java.util.Optional::stream).findFirst().orElse(DEFAULT_TYPE);
        Set<String> codes = new LinkedHashSet<>();
        e.categories().forEach(v -> themes.lookup(v).ifPresent(codes::add));
        c.themes = List.copyOf(codes);
        c.description = e.description() == null ? null : blankToNull(clean(HtmlText.toText(e.description())));
        c.website = clean(e.url());
        c.lon = e.lon();
        c.lat = e.lat();
        String location = clean(e.location());
        c.address = location;
        if (location != null && c.lon == null) {
            Matcher postcode = POSTCODE.matcher(location);
            if (postcode.find()) {
                c.postcode = postcode.group(1);
                c.communeName = blankToNull(postcode.group(2));
            } else {
                String[] parts = location.split(",");
                c.communeName = blankToNull(parts[parts.length - 1]);
            }
        }
        c.contentHash = hash(e);
        return c;
    }

    /** The LOCATION's first part, as the place's name ("Salle des fêtes, 2 rue..., 09000 Foix"), when it has several. */
    private static String placeName(String location) {
        String clean = clean(location);
        if (clean == null || !clean.contains(",")) {
            return null;
        }
        return blankToNull(clean.substring(0, clean.indexOf(',')));
    }

    private static String hash(IcsReader.IcsEvent e) {
        String all = String.join("\u0001", String.valueOf(e.summary()), String.valueOf(e.description()),
                String.valueOf(e.startsAt()), String.valueOf(e.endsAt()), String.valueOf(e.allDay()),
                String.valueOf(e.cancelled()), String.join("\u0002", e.categories()), String.valueOf(e.location()),
                String.valueOf(e.lon()), String.valueOf(e.lat()), String.valueOf(e.url()), String.valueOf(e.onlineUrl()),
                String.valueOf(e.organiser()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private DirectoryImportReport report(Connection connection, ImportRequest request, ImportRuns.Started run,
                                         Instant started) throws SQLException {
        long[] counts = new long[6];
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(SqlResource.statement(SQL + "counts.sql"))) {
            rs.next();
            for (int i = 0; i < counts.length; i++) {
                counts[i] = rs.getLong(i + 1);
            }
        }
        Map<String, Long> byReason = new LinkedHashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(DirectoryImport.sqlOf("rejects-by-reason.sql"))) {
            while (rs.next()) {
                byReason.put(rs.getString(1), rs.getLong(2));
            }
        }
        List<DirectoryImportReport.Gone> gone = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(
                SqlResource.statement(DirectoryImport.SQL + "gone.sql").replace("${record}", "event"))) {
            st.setInt(1, 50);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    gone.add(new DirectoryImportReport.Gone(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return new DirectoryImportReport(run.runId(), request.kind().path(), request.source(), request.format().key(),
                request.origin(), counts[0], counts[1], counts[2], counts[3], 0, counts[4], counts[5], byReason,
                List.of(), Map.of(), List.of(), 0, Map.of(), Map.of(),
                counts[4] > 0 ? DirectoryImportReport.name(request.rejectsFile()) : null, "position", Map.of(),
                Duration.between(started, Instant.now()).toMillis(), run.licence(), gone,
                DirectoryImportReport.HumanEdits.NONE);
    }

    private static List<String> scripts(String resource) {
        return SqlResource.statements(resource);
    }

    /** {@link FieldText#withoutControls} of a value that may be absent. */
    private static String clean(String s) {
        return s == null ? null : FieldText.withoutControls(s);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void execute(Connection connection, String sql) {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Event import failed: " + e.getMessage()
                    + "\n  in statement: " + SqlResource.firstLine(sql), e);
        }
    }
}
