package org.atlascitoyen.mapservice.actor;

import java.util.List;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.system.SqlArrays;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Actor queries; the SQL is in {@code sql/actor/*.sql}, with bind parameters. */
@Repository
public class ActorRepository {

    private static final String LIST = SqlResource.load("sql/actor/list.sql");

    private static final RowMapper<ActorFeature> FEATURE = (rs, i) -> new ActorFeature(rs.getLong("id"),
            new ActorFeature.Properties(rs.getString("name"), rs.getString("type"), rs.getString("type_label"),
                    SqlArrays.texts(rs.getArray("themes")), rs.getString("description"), rs.getString("website"),
                    rs.getString("precision"), rs.getString("commune"), rs.getString("commune_name"),
                    rs.getString("epci"), rs.getString("departement"), SqlArrays.texts(rs.getArray("sources"))),
            rs.getString("geometry"));

    private final JdbcClient jdbc;

    ActorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Actors after id {@code after} in id order, filtered by territory (kind and code), theme and type. */
    public List<ActorFeature> list(String kind, String code, String theme, String type, long after, int limit) {
        return jdbc.sql(LIST).param("kind", kind).param("code", code).param("theme", theme).param("type", type)
                .param("after", after).param("limit", limit).query(FEATURE).list();
    }
}
