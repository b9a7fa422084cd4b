package org.atlascitoyen.importers.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.db.Schema;
import org.atlascitoyen.importers.territory.DataDirectory;
import org.atlascitoyen.importers.territory.SourceManifest;
import org.atlascitoyen.importers.territory.TerritoryImport;

/**
 * Databases for integration tests, in the PostgreSQL server that {@code ./atlas test} points
 * {@code ATLAS_DB_URL} at. Tests never touch the configured database itself: each test class gets
 * its own database, copied from a template that holds the schema and the reference territories.
 * The template is built once and kept while the migrations, the import SQL and the data files are
 * unchanged (its name carries their hash), so a test class starts in about a second.
 */
public final class TestDatabases {

    private static final String TEMPLATE_PREFIX = "atlas_tpl_";
    private static final String TEST_PREFIX = "atlas_t_";
    private static final long STALE_SECONDS = 6 * 3600;

    private static String template;

    private TestDatabases() {
    }

    /** The server's coordinates as the launcher exports them. */
    public static DatabaseConfig server() {
        return DatabaseConfig.fromEnvironment();
    }

    /** The reference data directory the tests import (the project's default). */
    public static Path dataDirectory() {
        return DataDirectory.defaultRoot(System.getenv());
    }

    /**
     * A new database with the schema and the reference territories of {@link #dataDirectory()}. A
     * test run of another checkout whose migrations differ drops this template as stale: then it is
     * built again, a few times at most.
     */
    public static DatabaseConfig withTerritories() {
        for (int attempt = 1; ; attempt++) {
            try {
                return create("CREATE DATABASE %s TEMPLATE " + template());
            } catch (IllegalStateException e) {
                boolean templateGone = e.getCause() instanceof SQLException sql && "3D000".equals(sql.getSQLState());
                if (!templateGone || attempt == 3) {
                    throw e;
                }
                synchronized (TestDatabases.class) {
                    template = null;
                }
            }
        }
    }

    /** A new database with only the extensions the schema needs (for migration and import tests). */
    public static DatabaseConfig empty() {
        DatabaseConfig db = create("CREATE DATABASE %s TEMPLATE template0");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
            st.execute("CREATE EXTENSION IF NOT EXISTS unaccent");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare test database: " + e.getMessage(), e);
        }
        return db;
    }

    /** Drops a database made by this class. */
    public static void drop(DatabaseConfig db) {
        String name = db.database();
        if (!name.startsWith(TEST_PREFIX)) {
            throw new IllegalArgumentException("Not a test database: " + name);
        }
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static DatabaseConfig create(String createSql) {
        String name = TEST_PREFIX + (System.currentTimeMillis() / 1000) + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000000, Integer.MAX_VALUE));
        admin(String.format(Locale.ROOT, createSql, name));
        return server().withDatabase(name);
    }

    private static synchronized String template() {
        if (template != null) {
            return template;
        }
        String name = TEMPLATE_PREFIX + fingerprint();
        DatabaseConfig admin = server().withDatabase("postgres");
        try (Connection c = admin.connect(); Statement st = c.createStatement()) {
            // Two test runs at once (two checkouts, or a CI and a developer) build it only once.
            st.execute("SELECT pg_advisory_lock(hashtext('atlas.test-template'))");
            try {
                dropStale(st, name);
                if (!exists(st, name)) {
                    String building = name + "_build";
                    st.execute("DROP DATABASE IF EXISTS " + building + " WITH (FORCE)");
                    st.execute("CREATE DATABASE " + building + " TEMPLATE template0");
                    DatabaseConfig db = server().withDatabase(building);
                    try (Connection b = db.connect(); Statement bs = b.createStatement()) {
                        bs.execute("CREATE EXTENSION IF NOT EXISTS postgis");
                        bs.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
                        bs.execute("CREATE EXTENSION IF NOT EXISTS unaccent");
                    }
                    Schema.migrate(db);
                    new TerritoryImport(db, new DataDirectory(dataDirectory(), SourceManifest.load())).run();
                    st.execute("ALTER DATABASE " + building + " RENAME TO " + name);
                }
            } finally {
                st.execute("SELECT pg_advisory_unlock(hashtext('atlas.test-template'))");
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot build the test template database: " + e.getMessage(), e);
        }
        template = name;
        return name;
    }

    /** Removes templates of older code or data, and test databases left by killed runs. */
    private static void dropStale(Statement st, String current) throws SQLException {
        List<String> stale = new ArrayList<>();
        long now = System.currentTimeMillis() / 1000;
        try (ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'atlas\\_t%'")) {
            while (rs.next()) {
                String db = rs.getString(1);
                if (db.startsWith(TEMPLATE_PREFIX) && !db.equals(current) && !db.endsWith("_build")) {
                    stale.add(db);
                } else if (db.startsWith(TEST_PREFIX) && now - createdAt(db) > STALE_SECONDS) {
                    stale.add(db);
                }
            }
        }
        for (String db : stale) {
            try {
                st.execute("DROP DATABASE IF EXISTS " + db);
            } catch (SQLException inUse) {
                // Another run still uses it; a later run will drop it.
            }
        }
    }

    private static long createdAt(String testDatabase) {
        try {
            return Long.parseLong(testDatabase.substring(TEST_PREFIX.length(), testDatabase.indexOf('_', TEST_PREFIX.length())));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static boolean exists(Statement st, String name) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    /** Hash of what the template's content depends on: schema, import SQL, manifest, data files. */
    private static String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String resource : List.of("db/migration", "sql/territory-import", SourceManifest.RESOURCE)) {
                digestResource(sha, resource);
            }
            try (Stream<Path> files = Files.walk(dataDirectory())) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    sha.update((f + ":" + Files.size(f) + ":" + Files.getLastModifiedTime(f).toMillis()).getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the data directory " + dataDirectory(), e);
        }
    }

    /** Digests a resource file, or every file under a resource folder, from a folder or a jar. */
    private static void digestResource(MessageDigest sha, String resource) throws IOException {
        URL url = TestDatabases.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("Resource not found: " + resource);
        }
        URI uri = URI.create(url.toString());
        if ("jar".equals(uri.getScheme())) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                digestTree(sha, jar.provider().getPath(uri));
            }
        } else {
            digestTree(sha, Path.of(uri));
        }
    }

    private static void digestTree(MessageDigest sha, Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                sha.update(Files.readAllBytes(f));
            }
        }
    }

    private static void admin(String sql) {
        try (Connection c = server().withDatabase("postgres").connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database administration failed (" + sql + "): " + e.getMessage(), e);
        }
    }
}
