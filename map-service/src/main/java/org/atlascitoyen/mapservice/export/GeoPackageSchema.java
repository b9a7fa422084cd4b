package org.atlascitoyen.mapservice.export;

/**
 * The fixed tables of a GeoPackage 1.2 (OGC 12-128r15) as SQL: the spatial reference systems, the
 * contents, the geometry columns, the extensions, and the metadata tables; then the R-tree of a
 * point table. Written by hand so that the export needs only SQLite (sqlite-jdbc), not a GIS
 * library. Table and column names are constants of the service, never request text.
 */
final class GeoPackageSchema {

    /** {@code PRAGMA application_id}: "GPKG" as a big-endian integer. */
    static final int APPLICATION_ID = 0x47504B47;
    /** {@code PRAGMA user_version}: GeoPackage 1.2.0. */
    static final int USER_VERSION = 10200;

    static final String WGS84_WKT = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
            + "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
            + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AXIS[\"Latitude\",NORTH],"
            + "AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]";

    static final String[] CORE = {
        """
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
          organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
          description TEXT)""",
        """
        INSERT INTO gpkg_spatial_ref_sys VALUES
          ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
          ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system')""",
        """
        CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
          identifier TEXT UNIQUE, description TEXT DEFAULT '',
          last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
          min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
          CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))""",
        """
        CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
          geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
          CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
          CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
          CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))""",
        """
        CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL,
          definition TEXT NOT NULL, scope TEXT NOT NULL,
          CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))""",
        """
        CREATE TABLE gpkg_metadata (id INTEGER CONSTRAINT m_pk PRIMARY KEY ASC NOT NULL,
          md_scope TEXT NOT NULL DEFAULT 'dataset', md_standard_uri TEXT NOT NULL,
          mime_type TEXT NOT NULL DEFAULT 'text/xml', metadata TEXT NOT NULL DEFAULT '')""",
        """
        CREATE TABLE gpkg_metadata_reference (reference_scope TEXT NOT NULL, table_name TEXT, column_name TEXT,
          row_id_value INTEGER, timestamp DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
          md_file_id INTEGER NOT NULL, md_parent_id INTEGER,
          CONSTRAINT crmr_mfi_fk FOREIGN KEY (md_file_id) REFERENCES gpkg_metadata(id),
          CONSTRAINT crmr_mpi_fk FOREIGN KEY (md_parent_id) REFERENCES gpkg_metadata(id))""",
        """
        INSERT INTO gpkg_extensions VALUES
          ('gpkg_metadata', NULL, 'gpkg_metadata', 'http://www.geopackage.org/spec120/#extension_metadata', 'read-write'),
          ('gpkg_metadata_reference', NULL, 'gpkg_metadata', 'http://www.geopackage.org/spec120/#extension_metadata',
           'read-write')"""
    };

    private GeoPackageSchema() {
    }

    /** The R-tree of a table's point column and its extension row (filled while rows are written). */
    static String[] rtree(String table, String column) {
        String rtree = "rtree_" + table + "_" + column;
        return new String[] {
            "CREATE VIRTUAL TABLE \"" + rtree + "\" USING rtree(id, minx, maxx, miny, maxy)",
            "INSERT INTO gpkg_extensions VALUES ('" + table + "', '" + column + "', 'gpkg_rtree_index', "
                    + "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')"
        };
    }

    /**
     * The triggers of the R-tree extension (spec 1.2, F.3), created once the rows are in: they keep
     * the index right when a user edits the file in QGIS. They call ST_* functions that GIS clients
     * (GDAL, SpatiaLite) register; plain SQLite, which writes the export, never fires them.
     */
    static String[] rtreeTriggers(String t, String c, String i) {
        String r = "rtree_" + t + "_" + c;
        String box = "ST_MinX(NEW." + c + "), ST_MaxX(NEW." + c + "), ST_MinY(NEW." + c + "), ST_MaxY(NEW." + c + ")";
        String notEmpty = "NEW." + c + " NOT NULL AND NOT ST_IsEmpty(NEW." + c + ")";
        return new String[] {
            "CREATE TRIGGER " + r + "_insert AFTER INSERT ON " + t + " WHEN (" + notEmpty + ") BEGIN "
                    + "INSERT OR REPLACE INTO " + r + " VALUES (NEW." + i + ", " + box + "); END",
            "CREATE TRIGGER " + r + "_update1 AFTER UPDATE OF " + c + " ON " + t + " WHEN OLD." + i + " = NEW." + i
                    + " AND (" + notEmpty + ") BEGIN INSERT OR REPLACE INTO " + r + " VALUES (NEW." + i + ", " + box
                    + "); END",
            "CREATE TRIGGER " + r + "_update2 AFTER UPDATE OF " + c + " ON " + t + " WHEN OLD." + i + " = NEW." + i
                    + " AND (NEW." + c + " IS NULL OR ST_IsEmpty(NEW." + c + ")) BEGIN DELETE FROM " + r
                    + " WHERE id = OLD." + i + "; END",
            "CREATE TRIGGER " + r + "_update3 AFTER UPDATE ON " + t + " WHEN OLD." + i + " != NEW." + i
                    + " AND (" + notEmpty + ") BEGIN DELETE FROM " + r + " WHERE id = OLD." + i + "; "
                    + "INSERT OR REPLACE INTO " + r + " VALUES (NEW." + i + ", " + box + "); END",
            "CREATE TRIGGER " + r + "_update4 AFTER UPDATE ON " + t + " WHEN OLD." + i + " != NEW." + i
                    + " AND (NEW." + c + " IS NULL OR ST_IsEmpty(NEW." + c + ")) BEGIN DELETE FROM " + r
                    + " WHERE id IN (OLD." + i + ", NEW." + i + "); END",
            "CREATE TRIGGER " + r + "_delete AFTER DELETE ON " + t + " WHEN old." + c + " NOT NULL BEGIN "
                    + "DELETE FROM " + r + " WHERE id = OLD." + i + "; END"
        };
    }
}
