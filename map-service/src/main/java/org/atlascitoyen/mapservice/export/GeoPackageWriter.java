package org.atlascitoyen.mapservice.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.atlascitoyen.importers.record.RecordField;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.record.RecordFeature;
import org.atlascitoyen.mapservice.source.DataLicence;

/**
 * An export as a GeoPackage: one point table named after the kind ({@code actors}), with the
 * fields of the GeoJSON export (lists joined with {@code |}, as in the CSV), in EPSG:4326, with
 * its R-tree spatial index, and the sources' licences as layer metadata (GDAL's metadata domain,
 * which {@code ogrinfo} prints, and the contents' description). A GeoPackage is a database, not a
 * stream: rows go to a temporary SQLite file in batches (the heap holds one batch), the file is
 * sent when complete, then deleted.
 */
final class GeoPackageWriter implements ExportWriter<RecordFeature> {

    private static final int BATCH = 1_000;
    private static final String GEOMETRY = "geom";
    private static final String FID = "fid";
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    private final OutputStream out;
    private final String table;
    private final List<RecordField> fields;
    private final Path file;
    private final Connection db;
    private final PreparedStatement insert;
    private final PreparedStatement index;
    private int pending;
    private double minX = Double.POSITIVE_INFINITY;
    private double minY = Double.POSITIVE_INFINITY;
    private double maxX = Double.NEGATIVE_INFINITY;
    private double maxY = Double.NEGATIVE_INFINITY;

    GeoPackageWriter(OutputStream out, RecordKind kind, List<RecordField> fields, List<DataLicence> licences)
            throws IOException {
        this.out = out;
        // A plain identifier (needs-offers: needs_offers): the R-tree's triggers and GIS tools name it unquoted.
        this.table = kind.path().replace('-', '_');
        this.fields = fields.stream().filter(f -> column(f) != null).toList();
        this.file = Files.createTempFile("atlas-export-", ".gpkg");
        try {
            this.db = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement st = db.createStatement()) {
                st.execute("PRAGMA application_id = " + GeoPackageSchema.APPLICATION_ID);
                st.execute("PRAGMA user_version = " + GeoPackageSchema.USER_VERSION);
                st.execute("PRAGMA journal_mode = OFF"); // a throw-away file: no rollback journal to write
            }
            db.setAutoCommit(false);
            create(kind, licences);
            this.insert = db.prepareStatement("INSERT INTO \"" + table + "\" (" + FID + ", " + GEOMETRY
                    + this.fields.stream().map(f -> ", \"" + f.name() + "\"").collect(Collectors.joining())
                    + ") VALUES (?, ?" + ", ?".repeat(this.fields.size()) + ")");
            this.index = db.prepareStatement("INSERT INTO rtree_" + table + "_" + GEOMETRY + " VALUES (?, ?, ?, ?, ?)");
        } catch (SQLException e) {
            abort();
            throw new IOException("Cannot create the GeoPackage " + file, e);
        }
    }

    private void create(RecordKind kind, List<DataLicence> licences) throws SQLException {
        try (Statement st = db.createStatement()) {
            for (String sql : GeoPackageSchema.CORE) {
                st.execute(sql);
            }
            try (PreparedStatement srs = db.prepareStatement("INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic',"
                    + " 4326, 'EPSG', 4326, ?, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')")) {
                srs.setString(1, GeoPackageSchema.WGS84_WKT);
                srs.execute();
            }
            List<String> columns = new ArrayList<>(List.of(FID + " INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL",
                    GEOMETRY + " POINT"));
            fields.forEach(f -> columns.add("\"" + f.name() + "\" " + column(f)));
            st.execute("CREATE TABLE \"" + table + "\" (" + String.join(", ", columns) + ")");
            for (String sql : GeoPackageSchema.rtree(table, GEOMETRY)) {
                st.execute(sql);
            }
        }
        try (PreparedStatement contents = db.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type,"
                + " identifier, description, srs_id) VALUES (?, 'features', ?, ?, 4326)")) {
            contents.setString(1, table);
            contents.setString(2, "Atlas Citoyen : " + kind.title());
            contents.setString(3, kind.description() + ". " + licenceText(licences));
            contents.execute();
        }
        try (PreparedStatement geometry = db.prepareStatement("INSERT INTO gpkg_geometry_columns VALUES (?, ?, 'POINT',"
                + " 4326, 0, 0)")) {
            geometry.setString(1, table);
            geometry.setString(2, GEOMETRY);
            geometry.execute();
        }
        try (PreparedStatement metadata = db.prepareStatement("INSERT INTO gpkg_metadata (id, md_scope, md_standard_uri,"
                + " mime_type, metadata) VALUES (1, 'dataset', 'http://gdal.org', 'text/xml', ?)");
             PreparedStatement reference = db.prepareStatement("INSERT INTO gpkg_metadata_reference (reference_scope,"
                     + " table_name, md_file_id) VALUES ('table', ?, 1)")) {
            metadata.setString(1, gdalMetadata(licences));
            metadata.execute();
            reference.setString(1, table);
            reference.execute();
        }
    }

    @Override
    public void write(RecordFeature row) throws IOException {
        double lon = row.geometry().lon();
        double lat = row.geometry().lat();
        try {
            insert.setLong(1, row.id());
            insert.setBytes(2, point(lon, lat));
            for (int i = 0; i < fields.size(); i++) {
                insert.setObject(i + 3, value(fields.get(i), row.properties().value(fields.get(i).key())));
            }
            insert.addBatch();
            index.setLong(1, row.id());
            index.setDouble(2, lon);
            index.setDouble(3, lon);
            index.setDouble(4, lat);
            index.setDouble(5, lat);
            index.addBatch();
            if (++pending == BATCH) {
                flush();
            }
        } catch (SQLException e) {
            abort();
            throw new IOException("Cannot write the GeoPackage", e);
        }
        minX = Math.min(minX, lon);
        minY = Math.min(minY, lat);
        maxX = Math.max(maxX, lon);
        maxY = Math.max(maxY, lat);
    }

    @Override
    public void finish() throws IOException {
        try {
            flush();
            if (minX <= maxX) {
                try (PreparedStatement extent = db.prepareStatement("UPDATE gpkg_contents SET min_x = ?, min_y = ?,"
                        + " max_x = ?, max_y = ? WHERE table_name = ?")) {
                    extent.setDouble(1, minX);
                    extent.setDouble(2, minY);
                    extent.setDouble(3, maxX);
                    extent.setDouble(4, maxY);
                    extent.setString(5, table);
                    extent.execute();
                }
            }
            try (Statement st = db.createStatement()) {
                for (String sql : GeoPackageSchema.rtreeTriggers(table, GEOMETRY, FID)) {
                    st.execute(sql);
                }
            }
            db.commit();
            db.close();
            Files.copy(file, out);
            out.flush();
        } catch (SQLException e) {
            throw new IOException("Cannot end the GeoPackage", e);
        } finally {
            abort();
        }
    }

    /** Closes the database and deletes the file; called when the export fails too. */
    @Override
    public void abort() {
        try {
            if (db != null && !db.isClosed()) {
                db.close();
            }
        } catch (SQLException e) {
            // closing a throw-away file: nothing to save
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            index.executeBatch();
            pending = 0;
        }
    }

    /** The SQLite column type of a field, null for what an export does not hold. */
    private static String column(RecordField field) {
        return switch (field.type()) {
            case TEXT, TEXTS, THEMES -> "TEXT";
            case BOOLEAN -> "BOOLEAN";
            case INTEGER, DISTANCE -> "INTEGER";
            case DATE -> "DATE";
            case TIMESTAMP -> "DATETIME";
            case TERRITORIES, PROVENANCE, LINKED, PERIMETER -> null;
        };
    }

    private static Object value(RecordField field, Object value) {
        if (value == null) {
            return null;
        }
        return switch (field.type()) {
            case TEXTS, THEMES -> ((List<?>) value).stream().map(String::valueOf).collect(Collectors.joining("|"));
            case BOOLEAN -> (Boolean) value ? 1 : 0;
            case DATE -> ((LocalDate) value).toString();
            case TIMESTAMP -> DATETIME.format(((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC));
            default -> value;
        };
    }

    /**
     * A point as a GeoPackage geometry blob: the header ("GP", version 0, flags: little-endian, no
     * envelope; SRS id) then the point in little-endian WKB.
     */
    static byte[] point(double lon, double lat) {
        return ByteBuffer.allocate(8 + 21).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 0b0000_0001).putInt(4326)
                .put((byte) 1).putInt(1).putDouble(lon).putDouble(lat).array();
    }

    /** One line per source: its licence, its URL and the credit it asks for. */
    static String licenceText(List<DataLicence> licences) {
        if (licences.isEmpty()) {
            return "Aucune source.";
        }
        return "Licences des sources : " + licences.stream().map(l -> l.source() + " : "
                + (l.licence() == null ? "licence inconnue" : l.licence())
                + (l.licenceUrl() == null ? "" : " (" + l.licenceUrl() + ")")
                + (l.attribution() == null ? "" : ", " + l.attribution())).collect(Collectors.joining(" ; "));
    }

    /** GDAL's layer metadata (its own XML), which ogrinfo lists: LICENCES and one item per source. */
    private static String gdalMetadata(List<DataLicence> licences) {
        StringBuilder xml = new StringBuilder("<GDALMultiDomainMetadata><Metadata>");
        xml.append("<MDI key=\"LICENCES\">").append(escape(licenceText(licences))).append("</MDI>");
        for (int i = 0; i < licences.size(); i++) {
            DataLicence l = licences.get(i);
            xml.append("<MDI key=\"SOURCE_").append(i + 1).append("_LICENCE_URL\">")
                    .append(escape(l.licenceUrl() == null ? "" : l.licenceUrl())).append("</MDI>");
        }
        return xml.append("</Metadata></GDALMultiDomainMetadata>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
