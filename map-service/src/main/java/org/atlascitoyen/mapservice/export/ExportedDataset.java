package org.atlascitoyen.mapservice.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A dataset as an export reads and writes it: its query template ({@code ${where}},
 * {@code ${sortKey}}, {@code ${order}}), the record of one row (a GeoJSON Feature) and the
 * columns of that record in a CSV file.
 */
interface ExportedDataset<R> {

    /** The query template, from {@code sql/export/}. */
    String sql();

    /** The record of the current row; {@code withDistance} in an export around a point. */
    R row(ResultSet rs, boolean withDistance) throws SQLException;

    /** The CSV columns, {@code distance} last and only around a point. */
    List<CsvColumn<R>> columns(boolean withDistance);
}
