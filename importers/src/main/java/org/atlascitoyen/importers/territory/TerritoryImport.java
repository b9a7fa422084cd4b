package org.atlascitoyen.importers.territory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.db.SqlResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports the reference territories of the region (communes, EPCI, PETR, bassins de vie,
 * départements, région, QPV, PNR) from the data directory into PostGIS.
 *
 * <p>Everything happens in one transaction: the files are COPYed into temporary staging tables,
 * then {@code sql/territory-import/publish.sql} builds the new state and replaces the published one.
 * Readers see the old state or the new one, never a mix, and a re-run gives the same state.
 * The schema must be migrated first ({@link org.atlascitoyen.importers.db.Schema}).
 */
public final class TerritoryImport {

    private static final String SQL = "sql/territory-import/";

    /** The source kinds of the manifest, in the order they are staged. */
    static final List<String> KINDS = List.of("commune-list", "epci-list", "departement-list", "region-list",
            "commune-polygons", "departement-polygons", "region-polygon", "petr", "bassin_vie", "qpv",
            "qpv-superseded", "pnr");

    /** The former QPV list, read only for the aliases of its codes (see sources.json). */
    private static final String QPV_SUPERSEDED = "qpv-superseded";

    private final DatabaseConfig db;
    private final DataDirectory data;

    public TerritoryImport(DatabaseConfig db, DataDirectory data) {
        this.db = db;
        this.data = data;
    }

    public TerritoryImportReport run() throws SQLException, IOException {
        Instant started = Instant.now();
        List<DataDirectory.Found> sources = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String kind : KINDS) {
            Optional<DataDirectory.Found> found = data.find(kind);
            found.ifPresentOrElse(sources::add, () -> missing.add(kind));
        }
        // Without the current QPV file the former one is the list in use: it has no aliases.
        sources.removeIf(s -> s.kind().equals(QPV_SUPERSEDED)
                && sources.stream().anyMatch(q -> q.kind().equals("qpv") && q.file().equals(s.file())));
        for (String kind : missing) {
            if (data.manifest().source(kind).map(SourceManifest.Source::required).orElse(false)) {
                throw new TerritoryImportException("No " + kind + " file in " + data.root().toAbsolutePath()
                        + ": expected one of " + data.manifest().source(kind).orElseThrow().fileVintages().keySet());
            }
        }
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            TerritoryImportReport report;
            try {
                execute(connection, SqlResource.statement(SQL + "lock.sql"));
                SqlResource.statements(SQL + "staging.sql").forEach(sql -> execute(connection, sql));
                configure(connection, sources);
                stage(new TerritoryStaging(connection), sources);
                stageFormerCodes(new TerritoryStaging(connection), sources);
                SqlResource.statements(SQL + "publish.sql").forEach(sql -> execute(connection, sql));
                report = new TerritoryImportReport(data.root(), data.manifest().region(), sources, missing,
                        loaded(connection), aliases(connection), issues(connection),
                        Duration.between(started, Instant.now()));
                record(connection, started, report);
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            connection.setAutoCommit(true);
            execute(connection, SqlResource.statement(SQL + "analyze.sql"));
            return report;
        }
    }

    /** Passes the region and each source's file name and vintage to the publishing SQL. */
    private void configure(Connection connection, List<DataDirectory.Found> sources) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement(SqlResource.statement(SQL + "settings.sql"))) {
            setting(set, "atlas.region", data.manifest().region());
            for (String kind : KINDS) {
                Optional<DataDirectory.Found> found = sources.stream().filter(s -> s.kind().equals(kind)).findFirst();
                String name = kind.replace('-', '_'); // setting names are identifiers
                setting(set, "atlas.source." + name, found.map(DataDirectory.Found::fileName).orElse(""));
                setting(set, "atlas.vintage." + name, found.map(DataDirectory.Found::vintage).orElse(""));
            }
        }
    }

    private static void setting(PreparedStatement set, String name, String value) throws SQLException {
        set.setString(1, name);
        set.setString(2, value);
        set.execute();
    }

    private static void stage(TerritoryStaging staging, List<DataDirectory.Found> sources) throws IOException, SQLException {
        for (DataDirectory.Found source : sources) {
            switch (source.kind()) {
                case "commune-list" -> staging.communeList(source.file());
                case "epci-list" -> staging.epciList(source.file());
                case "departement-list" -> staging.departementList(source.file());
                case "region-list" -> staging.regionList(source.file());
                case "commune-polygons" -> staging.shapes("commune", source.file());
                case "departement-polygons" -> staging.shapes("departement", source.file());
                case "region-polygon" -> staging.shapes("region", source.file());
                case "qpv", QPV_SUPERSEDED, "pnr" -> staging.shapes(source.kind(), source.file());
                case "bassin_vie" -> staging.bassinsDeVie(source.file());
                case "petr" -> staging.petr(source.file());
                default -> throw new IllegalStateException("No loader for source kind " + source.kind());
            }
        }
    }

    /** The former codes the manifest names for the kinds whose file was found (a PETR slug now a SIREN). */
    private void stageFormerCodes(TerritoryStaging staging, List<DataDirectory.Found> sources) throws SQLException {
        for (DataDirectory.Found source : sources) {
            SourceManifest.FormerCodes former = data.manifest().source(source.kind())
                    .map(SourceManifest.Source::formerCodes).orElse(null);
            if (former != null) {
                staging.formerCodes(source.kind(), former);
            }
        }
    }

    private static List<TerritoryImportReport.AliasCount> aliases(Connection connection) throws SQLException {
        List<TerritoryImportReport.AliasCount> counts = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(SqlResource.statement(SQL + "alias-counts.sql"))) {
            while (rs.next()) {
                counts.add(new TerritoryImportReport.AliasCount(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5)));
            }
        }
        return counts;
    }

    private static List<TerritoryImportReport.KindCount> loaded(Connection connection) throws SQLException {
        List<TerritoryImportReport.KindCount> counts = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(SqlResource.statement(SQL + "count-by-kind.sql"))) {
            while (rs.next()) {
                counts.add(new TerritoryImportReport.KindCount(rs.getString(1), rs.getLong(2), rs.getLong(3)));
            }
        }
        return counts;
    }

    private static List<TerritoryImportReport.Issue> issues(Connection connection) throws SQLException {
        List<TerritoryImportReport.Issue> issues = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(SqlResource.statement(SQL + "issues.sql"))) {
            while (rs.next()) {
                issues.add(new TerritoryImportReport.Issue(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return issues;
    }

    private static void record(Connection connection, Instant started, TerritoryImportReport report) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(SqlResource.statement(SQL + "record-import.sql"))) {
            insert.setTimestamp(1, Timestamp.from(started));
            insert.setTimestamp(2, Timestamp.from(Instant.now()));
            insert.setString(3, report.dataDirectory().toAbsolutePath().toString());
            insert.setString(4, JsonMapper.shared().writeValueAsString(report));
            insert.executeUpdate();
        }
    }

    private static void execute(Connection connection, String sql) {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new TerritoryImportException("Reference import failed: " + e.getMessage()
                    + "\n  in statement: " + SqlResource.firstLine(sql), e);
        }
    }
}
