package org.atlascitoyen.mapservice.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.record.FilterSql;
import org.atlascitoyen.mapservice.system.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the events of calendar feeds from the public view, on the reader pool. */
@Repository
class EventFeeds {

    private static final String FEED = SqlResource.statement("sql/event/feed.sql");
    private static final String ONE = SqlResource.statement("sql/event/one.sql");
    private static final String NAMES = SqlResource.statement("sql/event/names.sql");

    private final JdbcClient jdbc;

    EventFeeds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The events matching the filter (and organised by {@code organiser}, if not null), by start, at most {@code limit}. */
    List<FeedEvent> feed(Filter filter, Long organiser, int limit) {
        FilterSql.Where where = FilterSql.where(filter);
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", limit);
        String organiserClause = "TRUE";
        if (organiser != null) {
            organiserClause = "EXISTS (SELECT FROM event_organiser o WHERE o.event_id = r.id AND o.actor_id = :organiser)";
            params.put("organiser", organiser);
        }
        String sql = FEED.replace("${where}", where.sql()).replace("${organiser}", organiserClause);
        return jdbc.sql(sql).params(params).query((rs, i) -> event(rs)).list();
    }

    Optional<FeedEvent> one(long id) {
        return jdbc.sql(ONE).param("id", id).query((rs, i) -> event(rs)).optional();
    }

    /** The names of the filter's territory and organiser, each null when absent or unknown. */
    String[] names(Filter.Territory territory, Long organiser) {
        Map<String, Object> params = new HashMap<>();
        params.put("territoryKind", territory == null ? null : territory.kind().key());
        params.put("territoryCode", territory == null ? null : territory.code());
        params.put("organiser", organiser);
        return jdbc.sql(NAMES).params(params).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
    }

    private static FeedEvent event(ResultSet rs) throws SQLException {
        return new FeedEvent(rs.getLong("id"), rs.getString("uid"), rs.getString("external_id"), rs.getString("name"),
                rs.getString("description"), rs.getObject("starts_at", OffsetDateTime.class),
                rs.getObject("ends_at", OffsetDateTime.class), rs.getBoolean("all_day"),
                "cancelled".equals(rs.getString("status")), rs.getString("place_name"), rs.getString("address"),
                rs.getString("postcode"), rs.getString("commune_name"), rs.getString("online_url"), rs.getString("website"),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getDouble("lon"), rs.getDouble("lat"),
                SqlArrays.texts(rs.getArray("categories")));
    }
}
