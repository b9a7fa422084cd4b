package org.atlascitoyen.mapservice.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.record.Point;
import org.atlascitoyen.mapservice.system.SqlArrays;

/**
 * Initiatives in an export: {@code sql/export/initiatives.sql}, its rows as {@link InitiativeExport},
 * and their CSV columns.
 */
final class InitiativeExports implements ExportedDataset<InitiativeExport> {

    static final InitiativeExports INSTANCE = new InitiativeExports();

    private static final String SQL = SqlResource.load("sql/export/initiatives.sql");

    private static final List<CsvColumn<InitiativeExport>> COLUMNS = List.of(
            new CsvColumn<>("id", InitiativeExport::id),
            property("name", InitiativeExport.Properties::name),
            property("status", InitiativeExport.Properties::status),
            property("statusLabel", InitiativeExport.Properties::statusLabel),
            property("themes", InitiativeExport.Properties::themes),
            property("description", InitiativeExport.Properties::description),
            property("lessonsLearned", InitiativeExport.Properties::lessonsLearned),
            property("startDate", InitiativeExport.Properties::startDate),
            property("endDate", InitiativeExport.Properties::endDate),
            property("address", InitiativeExport.Properties::address),
            property("postcode", InitiativeExport.Properties::postcode),
            property("commune", InitiativeExport.Properties::commune),
            property("communeName", InitiativeExport.Properties::communeName),
            property("epci", InitiativeExport.Properties::epci),
            property("departement", InitiativeExport.Properties::departement),
            new CsvColumn<>("lon", i -> i.geometry().lon()),
            new CsvColumn<>("lat", i -> i.geometry().lat()),
            property("precision", InitiativeExport.Properties::precision),
            property("website", InitiativeExport.Properties::website),
            property("carriers", InitiativeExport.Properties::carriers),
            property("updatedAt", InitiativeExport.Properties::updatedAt),
            property("sources", InitiativeExport.Properties::sources));
    private static final CsvColumn<InitiativeExport> DISTANCE = property("distance", InitiativeExport.Properties::distance);

    private InitiativeExports() {
    }

    @Override
    public String sql() {
        return SQL;
    }

    @Override
    public InitiativeExport row(ResultSet rs, boolean withDistance) throws SQLException {
        return new InitiativeExport(rs.getLong("id"), new InitiativeExport.Properties(rs.getString("name"),
                rs.getString("status"), rs.getString("status_label"), SqlArrays.texts(rs.getArray("themes")),
                rs.getString("description"), rs.getString("lessons_learned"),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                rs.getString("address"), rs.getString("postcode"), rs.getString("website"), rs.getString("precision"),
                rs.getString("commune"), rs.getString("commune_name"), rs.getString("epci"),
                rs.getString("departement"), rs.getInt("carriers"), rs.getObject("updated_at", OffsetDateTime.class),
                SqlArrays.texts(rs.getArray("sources")), withDistance ? Math.round(rs.getDouble("sort_key")) : null),
                new Point(rs.getDouble("lon"), rs.getDouble("lat")));
    }

    @Override
    public List<CsvColumn<InitiativeExport>> columns(boolean withDistance) {
        if (!withDistance) {
            return COLUMNS;
        }
        List<CsvColumn<InitiativeExport>> columns = new ArrayList<>(COLUMNS);
        columns.add(DISTANCE);
        return columns;
    }

    private static CsvColumn<InitiativeExport> property(String name, Function<InitiativeExport.Properties, Object> value) {
        return new CsvColumn<>(name, i -> value.apply(i.properties()));
    }
}
