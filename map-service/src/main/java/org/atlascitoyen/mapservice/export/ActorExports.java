package org.atlascitoyen.mapservice.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.record.Point;
import org.atlascitoyen.mapservice.system.SqlArrays;

/** Actors in an export: {@code sql/export/actors.sql}, its rows as {@link ActorExport}, and their CSV columns. */
final class ActorExports implements ExportedDataset<ActorExport> {

    static final ActorExports INSTANCE = new ActorExports();

    private static final String SQL = SqlResource.load("sql/export/actors.sql");

    private static final List<CsvColumn<ActorExport>> COLUMNS = List.of(
            new CsvColumn<>("id", ActorExport::id),
            property("name", ActorExport.Properties::name),
            property("type", ActorExport.Properties::type),
            property("typeLabel", ActorExport.Properties::typeLabel),
            property("themes", ActorExport.Properties::themes),
            property("description", ActorExport.Properties::description),
            property("address", ActorExport.Properties::address),
            property("postcode", ActorExport.Properties::postcode),
            property("commune", ActorExport.Properties::commune),
            property("communeName", ActorExport.Properties::communeName),
            property("epci", ActorExport.Properties::epci),
            property("departement", ActorExport.Properties::departement),
            new CsvColumn<>("lon", a -> a.geometry().lon()),
            new CsvColumn<>("lat", a -> a.geometry().lat()),
            property("precision", ActorExport.Properties::precision),
            property("website", ActorExport.Properties::website),
            property("siren", ActorExport.Properties::siren),
            property("rna", ActorExport.Properties::rna),
            property("updatedAt", ActorExport.Properties::updatedAt),
            property("sources", ActorExport.Properties::sources));
    private static final CsvColumn<ActorExport> DISTANCE = property("distance", ActorExport.Properties::distance);

    private ActorExports() {
    }

    @Override
    public String sql() {
        return SQL;
    }

    @Override
    public ActorExport row(ResultSet rs, boolean withDistance) throws SQLException {
        return new ActorExport(rs.getLong("id"), new ActorExport.Properties(rs.getString("name"), rs.getString("type"),
                rs.getString("type_label"), SqlArrays.texts(rs.getArray("themes")), rs.getString("description"),
                rs.getString("address"), rs.getString("postcode"), rs.getString("website"), rs.getString("siren"),
                rs.getString("rna"), rs.getString("precision"), rs.getString("commune"), rs.getString("commune_name"),
                rs.getString("epci"), rs.getString("departement"), rs.getObject("updated_at", OffsetDateTime.class),
                SqlArrays.texts(rs.getArray("sources")), withDistance ? Math.round(rs.getDouble("sort_key")) : null),
                new Point(rs.getDouble("lon"), rs.getDouble("lat")));
    }

    @Override
    public List<CsvColumn<ActorExport>> columns(boolean withDistance) {
        if (!withDistance) {
            return COLUMNS;
        }
        List<CsvColumn<ActorExport>> columns = new ArrayList<>(COLUMNS);
        columns.add(DISTANCE);
        return columns;
    }

    private static CsvColumn<ActorExport> property(String name, Function<ActorExport.Properties, Object> value) {
        return new CsvColumn<>(name, a -> value.apply(a.properties()));
    }
}
