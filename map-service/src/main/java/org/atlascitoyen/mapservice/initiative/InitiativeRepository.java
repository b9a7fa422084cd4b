package org.atlascitoyen.mapservice.initiative;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
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

/** Initiative queries; the SQL is in {@code sql/initiative/*.sql}, with bind parameters. */
@Repository
public class InitiativeRepository {

    private static final String PAGE = SqlResource.load("sql/initiative/page.sql");
    private static final String DETAIL = SqlResource.load("sql/initiative/detail.sql");
    private static final String ACTORS = SqlResource.load("sql/initiative/actors.sql");

    private final JdbcClient jdbc;
    private final Pages pages;
    private final RecordContext context;

    InitiativeRepository(JdbcClient jdbc, Pages pages, RecordContext context) {
        this.jdbc = jdbc;
        this.pages = pages;
        this.context = context;
    }

    /** A page of the initiatives matching a filter, in its order, after a cursor. */
    public FeaturePage<InitiativeFeature> page(Filter filter, Cursor after, int limit) {
        boolean withDistance = filter.sort() == Filter.Sort.DISTANCE;
        return pages.page(PAGE, filter, after, limit, (rs, i) -> feature(rs, withDistance));
    }

    /** One initiative in full, or empty when there is none with this id. */
    public Optional<InitiativeDetail> find(long id) {
        return jdbc.sql(DETAIL).param("id", id).query((rs, i) -> new InitiativeDetail(id, new InitiativeDetail.Properties(
                rs.getString("name"), rs.getString("status"), rs.getString("status_label"),
                context.themes(SqlArrays.texts(rs.getArray("themes"))), rs.getString("description"),
                rs.getString("lessons_learned"), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), rs.getString("address"), rs.getString("postcode"),
                rs.getString("website"), rs.getString("precision"), rs.getString("territory_kind"),
                rs.getString("territory_code"), rs.getBoolean("out_of_region"), null, null, null,
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class)),
                new Point(rs.getDouble("lon"), rs.getDouble("lat")))).optional()
                .map(initiative -> initiative.withRelations(context.territories(Dataset.INITIATIVES, id), carriers(id),
                        context.sources(Dataset.INITIATIVES, id)));
    }

    private List<InitiativeDetail.Carrier> carriers(long initiativeId) {
        return jdbc.sql(ACTORS).param("id", initiativeId).query((rs, i) -> new InitiativeDetail.Carrier(rs.getLong("id"),
                rs.getString("name"), rs.getString("type"), rs.getString("type_label"))).list();
    }

    private static InitiativeFeature feature(ResultSet rs, boolean withDistance) throws SQLException {
        return new InitiativeFeature(rs.getLong("id"), new InitiativeFeature.Properties(rs.getString("name"),
                rs.getString("status"), rs.getString("status_label"), SqlArrays.texts(rs.getArray("themes")),
                rs.getString("description"), rs.getString("lessons_learned"),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                rs.getString("website"), rs.getString("precision"), rs.getString("commune"),
                rs.getString("commune_name"), rs.getString("epci"), rs.getString("departement"), rs.getInt("carriers"),
                rs.getObject("updated_at", OffsetDateTime.class), SqlArrays.texts(rs.getArray("sources")),
                withDistance ? Math.round(rs.getDouble("sort_key")) : null),
                new Point(rs.getDouble("lon"), rs.getDouble("lat")));
    }
}
