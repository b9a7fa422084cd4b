package org.atlascitoyen.mapservice.follow;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.record.FilterSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What is new in a territory, for the digests and the Atom feed alike: the records of each
 * followed kind that the generic {@link Filter} keeps ({@code territory}, {@code themes},
 * {@code updatedSince}), read through the kinds' public views on the reader pool. So a PETR covers
 * its communes (the records' territory keys), and needs and offers are found by their perimeter,
 * exactly as the lists find them. Events are listed while they are still to come or under way.
 */
@Component
public class TerritoryNews {

    /** The kinds a digest and a feed report, in the order a digest lists them. */
    public static final List<RecordKind> KINDS = List.of(RecordKind.ACTOR, RecordKind.INITIATIVE, RecordKind.NEED_OFFER,
            RecordKind.EVENT, RecordKind.EXPERIENCE);

    private static final String NEWS = SqlResource.load("sql/follow/news.sql");
    private static final int SUMMARY_MAX = 300;

    private final JdbcClient jdbc;

    TerritoryNews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One new or updated record: public fields only. */
    public record Item(RecordKind kind, long id, String name, String summary, OffsetDateTime createdAt,
                       OffsetDateTime updatedAt, OffsetDateTime startsAt) {

        /** Whether it appeared since {@code since} (else it was updated). */
        public boolean createdSince(OffsetDateTime since) {
            return since == null || !createdAt.isBefore(since);
        }
    }

    /**
     * Per kind (in {@link #KINDS} order, empty kinds left out), at most {@code perKind} records
     * updated at or after {@code since}, newest first.
     */
    public Map<RecordKind, List<Item>> since(Filter.Territory territory, List<String> themes, OffsetDateTime since, int perKind) {
        Map<RecordKind, List<Item>> news = new LinkedHashMap<>();
        OffsetDateTime now = OffsetDateTime.now();
        for (RecordKind kind : KINDS) {
            List<Item> items = query(kind, territory, themes, since, now, perKind);
            if (!items.isEmpty()) {
                news.put(kind, items);
            }
        }
        return news;
    }

    /** The {@code limit} records of every kind updated last, newest first. */
    public List<Item> latest(Filter.Territory territory, List<String> themes, int limit) {
        List<Item> all = new ArrayList<>();
        for (RecordKind kind : KINDS) {
            all.addAll(query(kind, territory, themes, null, null, limit));
        }
        all.sort(Comparator.comparing(Item::updatedAt).reversed().thenComparing(Item::id, Comparator.reverseOrder()));
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }

    private List<Item> query(RecordKind kind, Filter.Territory territory, List<String> themes, OffsetDateTime since,
            OffsetDateTime upcomingFrom, int limit) {
        Filter.Period period = kind == RecordKind.EVENT && upcomingFrom != null ? new Filter.Period(upcomingFrom, null) : null;
        Filter filter = new Filter(kind, null, null, territory, themes, null, null, since, period);
        FilterSql.Where where = FilterSql.where(filter);
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", limit);
        // The view and the column are constants of the kind's description, never request text.
        String sql = NEWS.replace("${view}", kind.publicView()).replace("${where}", where.sql())
                .replace("${startsAt}", kind == RecordKind.EVENT ? "r.starts_at" : "NULL::timestamptz");
        return jdbc.sql(sql).params(params).query((rs, i) -> new Item(kind, rs.getLong("id"), rs.getString("name"),
                summary(rs.getString("description")), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getObject("starts_at", OffsetDateTime.class))).list();
    }

    private static String summary(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        String line = description.strip().replaceAll("\\s+", " ");
        return line.length() > SUMMARY_MAX ? line.substring(0, SUMMARY_MAX - 1) + "…" : line;
    }
}
