package org.atlascitoyen.mapservice.contribution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.system.NotFoundException;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Territory keys of a contribution, computed in SQL by the commune tables: from the proposed point
 * or commune, or from the record concerned.
 */
@Component
public class Places {

    private static final String OF_POINT = SqlResource.load("sql/contribution/place-of-point.sql");
    private static final String OF_COMMUNE = SqlResource.load("sql/contribution/place-of-commune.sql");
    private static final String OF_RECORD = SqlResource.load("sql/contribution/place-of-record.sql");

    /** A record's keys and name, and whether it is hidden (reported past the threshold). */
    public record RecordPlace(Place place, String name, boolean hidden) {
    }

    private final JdbcClient jdbc;

    Places(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The place proposed by these fields; 400 when it is not in the region. */
    public Place of(String member, ProposedFields fields) {
        if (fields.lon() != null) {
            return jdbc.sql(OF_POINT).param("lon", fields.lon()).param("lat", fields.lat()).query(Places::place).optional()
                    .orElseThrow(() -> new BadParameterException(member + ".lon", "This point is not in a commune of the region"));
        }
        return jdbc.sql(OF_COMMUNE).param("commune", fields.commune()).query(Places::place).optional()
                .orElseThrow(() -> new BadParameterException(member + ".commune", "Not a commune of the region"));
    }

    /** The record's keys; 404 when there is no such record. */
    public RecordPlace ofRecord(String recordKind, long id) {
        return find(recordKind, id).orElseThrow(() -> new NotFoundException("No " + recordKind + " " + id));
    }

    public Optional<RecordPlace> find(String recordKind, long id) {
        String table = "actor".equals(recordKind) ? "actor" : "initiative";
        return jdbc.sql(OF_RECORD.replace("${table}", table)).param("id", id)
                .query((rs, i) -> new RecordPlace(place(rs, i), rs.getString("name"), rs.getBoolean("hidden"))).optional();
    }

    private static Place place(ResultSet rs, int row) throws SQLException {
        boolean point = hasColumn(rs, "lon");
        return new Place(rs.getString("commune"), rs.getString("epci"), rs.getString("petr"), rs.getString("bassin_vie"),
                rs.getString("departement"), rs.getString("region"),
                point ? rs.getDouble("lon") : null, point ? rs.getDouble("lat") : null,
                point ? rs.getString("precision") : null);
    }

    private static boolean hasColumn(ResultSet rs, String column) throws SQLException {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            if (rs.getMetaData().getColumnName(i).equals(column)) {
                return true;
            }
        }
        return false;
    }
}
