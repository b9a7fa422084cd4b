package org.atlascitoyen.importers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./atlas run} shows of {@code import init}: one line per step, the full reports only
 * when verbose.
 */
class AtlasImportIT {

    private DatabaseConfig db;

    @BeforeEach
    void database() {
        db = TestDatabases.withTerritories();
    }

    @AfterEach
    void drop() {
        TestDatabases.drop(db);
    }

    @Test
    void initSaysInOneLinePerStepWhatItDid() throws Exception {
        List<String> first = init(Map.of(), "init");

        long actors = count("SELECT count(*) FROM actor");
        long initiatives = count("SELECT count(*) FROM initiative");
        assertThat(actors).isPositive();
        assertThat(first).hasSize(5);
        assertThat(first.get(0)).matches("Schema at version \\d+, up to date\\.");
        assertThat(first.get(1)).isEqualTo(root("Territories already imported (%,d).", count("SELECT count(*) FROM territory")));
        assertThat(first.get(2)).isEqualTo("The directory is empty: importing the demo data...");
        assertThat(first.get(3)).matches("Demo data imported in \\d+\\.\\d s: actors \\S+ new, \\S+ merged, \\S+ rejected; "
                        + "initiatives \\S+ new, \\S+ merged, \\S+ rejected; events \\S+ new, \\S+ merged, 0 rejected\\.")
                .contains(root("actors %,d new", actors), root("initiatives %,d new", initiatives),
                        root("events %,d new", count("SELECT count(*) FROM event")));

        assertThat(first.get(4)).isEqualTo("Demo network (fictional): " + count("SELECT count(*) FROM person") + " resource persons, "
                + count("SELECT count(*) FROM need_offer") + " needs and offers, "
                + count("SELECT count(*) FROM experience WHERE origin = 'demo'") + " retours d'expérience.");
        assertThat(count("SELECT count(*) FROM person")).as("the demo's fictional resource persons").isEqualTo(5);
        assertThat(count("SELECT count(*) FROM person_private WHERE email NOT LIKE '%@example.org'")).isZero();
        assertThat(count("SELECT count(*) FROM person p WHERE NOT EXISTS (SELECT FROM person_perimeter pp WHERE pp.person_id = p.id)"))
                .as("each covers a perimeter").isZero();
        assertThat(count("SELECT count(*) FROM person_consent WHERE purpose = 'demo'")).isEqualTo(5);

        long runs = count("SELECT count(*) FROM import_run");
        List<String> second = init(Map.of(), "init");

        assertThat(second).containsExactly(first.get(0), first.get(1),
                root("Directory already imported (%,d actors): no demo data.", actors));
        assertThat(count("SELECT count(*) FROM import_run")).as("no second demo import").isEqualTo(runs);
    }

    @Test
    void aDatabaseThatGotTheDemoBeforeTheAgendaGetsTheAgenda() throws Exception {
        init(Map.of(), "init");
        long events = count("SELECT count(*) FROM event");
        String agenda = text("SELECT source FROM import_run WHERE format = 'ics'");
        // as a database that got the demo before the agenda existed (issue 15)
        execute("DELETE FROM event");
        execute("DELETE FROM import_run WHERE source = '" + agenda + "'");
        long actors = count("SELECT count(*) FROM actor");

        List<String> lines = init(Map.of(), "init");

        assertThat(lines).contains(root("Directory already imported (%,d actors): no demo data.", actors));
        assertThat(lines).anyMatch(l -> l.matches("Demo sources added in \\d+\\.\\d s: events " + events + " new, 0 merged, 0 rejected\\."));
        assertThat(count("SELECT count(*) FROM event")).isEqualTo(events);
        assertThat(count("SELECT count(*) FROM actor")).as("the directories are not imported again").isEqualTo(actors);
        assertThat(init(Map.of(), "init")).noneMatch(l -> l.startsWith("Demo sources added"));
    }

    @Test
    void verboseInitPrintsTheFullReportsToo() throws Exception {
        List<String> lines = init(Map.of("ATLAS_VERBOSE", "1"), "init");

        assertThat(lines).hasSizeGreaterThan(10)
                .anyMatch(l -> l.startsWith("Imported actors from "))
                .anyMatch(l -> l.startsWith("  read "))
                .anyMatch(l -> l.startsWith("Demo data imported in "));
        assertThat(init(Map.of(), "--verbose", "init"))
                .contains(root("Directory already imported (%,d actors): no demo data.", count("SELECT count(*) FROM actor")));
    }

    private List<String> init(Map<String, String> extraEnv, String... args) throws Exception {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("ATLAS_DB_URL", db.url());
        env.put("ATLAS_DB_USER", db.user());
        env.put("ATLAS_DB_PASSWORD", db.password());
        if (db.readerUser() != null) {
            env.put("ATLAS_DB_READER_USER", db.readerUser());
        }
        env.put("ATLAS_DEMO_DIR", projectRoot().resolve("data/demo").toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            assertThat(new AtlasImport(out, env).run(List.of(args))).isZero();
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The checkout: ATLAS_ROOT as ./atlas exports it, else the parent of the module's folder. */
    private static Path projectRoot() {
        String root = System.getenv("ATLAS_ROOT");
        return root == null || root.isBlank() ? Path.of("..").toAbsolutePath().normalize() : Path.of(root);
    }

    private static String root(String format, long n) {
        return String.format(Locale.ROOT, format, n);
    }

    private String text(String sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
