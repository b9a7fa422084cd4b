package org.atlascitoyen.mapservice.export;

import java.util.List;
import org.atlascitoyen.mapservice.record.RecordFeature;

/**
 * A record of a CSV export asked with {@code crs=EPSG:2154}: the record and its point in
 * Lambert-93 (metres, 2 decimals), projected by PostGIS from the stored geometry.
 */
record Lambert93Row(RecordFeature feature, double x, double y) {

    /** The CRS values that ask for the Lambert-93 columns. */
    static final List<String> NAMES = List.of("EPSG:2154", "http://www.opengis.net/def/crs/EPSG/0/2154");
    /** The CRS values of the plain export (lon/lat only). */
    static final List<String> DEFAULTS = List.of("EPSG:4326", "CRS84", "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
            "http://www.opengis.net/def/crs/EPSG/0/4326");

    /** The CSV columns of a record, then x_l93 and y_l93 right after lat. */
    static List<CsvColumn<Lambert93Row>> columns(List<CsvColumn<RecordFeature>> columns) {
        List<CsvColumn<Lambert93Row>> projected = new java.util.ArrayList<>();
        for (CsvColumn<RecordFeature> column : columns) {
            projected.add(new CsvColumn<>(column.name(), row -> column.value().apply(row.feature())));
            if (column.name().equals("lat")) {
                projected.add(new CsvColumn<>("x_l93", Lambert93Row::x));
                projected.add(new CsvColumn<>("y_l93", Lambert93Row::y));
            }
        }
        return projected;
    }
}
