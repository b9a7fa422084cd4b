package org.atlascitoyen.mapservice.actor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.record.Cursor;
import org.atlascitoyen.mapservice.record.Dataset;
import org.atlascitoyen.mapservice.record.FeaturePage;
import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.record.Pages;
import org.atlascitoyen.mapservice.record.Point;
import org.atlascitoyen.mapservice.record.RecordContext;
import org.atlascitoyen.mapservice.system.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Actor queries; the SQL is in {@code sql/actor/*.sql}, with bind parameters. */
@Repository
public class ActorRepository {

    private static final String PAGE = SqlResource.load("sql/actor/page.sql");
    private static final String DETAIL = SqlResource.load("sql/actor/detail.sql");
    private static final String INITIATIVES = SqlResource.load("sql/actor/initiatives.sql");

    private final JdbcClient jdbc;
    private final Pages pages;
    private final RecordContext context;

    ActorRepository(JdbcClient jdbc, Pages pages, RecordContext context) {
        this.jdbc = jdbc;
        this.pages = pages;
        this.context = context;
    }

    /** A page of the actors matching a filter, in its order, after a cursor. */
    public FeaturePage<ActorFeature> page(Filter filter, Cursor after, int limit) {
        boolean withDistance = filter.sort() == Filter.Sort.DISTANCE;
        return pages.page(PAGE, filter, after, limit, (rs, i) -> feature(rs, withDistance));
    }

    /** One actor in full, or empty when there is none with this id. */
    public Optional<ActorDetail> find(long id) {
        return jdbc.sql(DETAIL).param("id", id).query((rs, i) -> new ActorDetail(id, new ActorDetail.Properties(
                rs.getString("name"), rs.getString("type"), rs.getString("type_label"),
                context.themes(SqlArrays.texts(rs.getArray("themes"))), rs.getString("description"),
                rs.getString("address"), rs.getString("postcode"), rs.getString("website"), rs.getString("siren"),
                rs.getString("rna"), rs.getString("precision"), rs.getString("territory_kind"),
                rs.getString("territory_code"), rs.getBoolean("out_of_region"), null, null, null,
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class)),
                new Point(rs.getDouble("lon"), rs.getDouble("lat")))).optional()
                .map(actor -> actor.withRelations(context.territories(Dataset.ACTORS, id), initiatives(id),
                        context.sources(Dataset.ACTORS, id)));
    }

    private List<ActorDetail.Initiative> initiatives(long actorId) {
        return jdbc.sql(INITIATIVES).param("id", actorId).query((rs, i) -> new ActorDetail.Initiative(rs.getLong("id"),
                rs.getString("name"), rs.getString("status"), rs.getString("status_label"))).list();
    }

    private static ActorFeature feature(ResultSet rs, boolean withDistance) throws SQLException {
        return new ActorFeature(rs.getLong("id"), new ActorFeature.Properties(rs.getString("name"), rs.getString("type"),
                rs.getString("type_label"), SqlArrays.texts(rs.getArray("themes")), rs.getString("description"),
                rs.getString("website"), rs.getString("precision"), rs.getString("commune"),
                rs.getString("commune_name"), rs.getString("epci"), rs.getString("departement"),
                rs.getObject("updated_at", OffsetDateTime.class), SqlArrays.texts(rs.getArray("sources")),
                withDistance ? Math.round(rs.getDouble("sort_key")) : null),
                new Point(rs.getDouble("lon"), rs.getDouble("lat")));
    }
}
