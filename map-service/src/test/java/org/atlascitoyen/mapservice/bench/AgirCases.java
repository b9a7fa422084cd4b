package org.atlascitoyen.mapservice.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.bench.ApiCase.Goal;
import org.atlascitoyen.mapservice.bench.ApiCase.Request;
import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.record.FilterSql;
import org.atlascitoyen.mapservice.record.PageSql;
import org.atlascitoyen.mapservice.territory.TerritoryKind;

/**
 * The cases of issue 15 in {@code ./atlas bench api}: the lists of events, needs and offers and
 * experiences, and the events' iCalendar feed, drawn from the benchmark database ({@link
 * SyntheticAgir} wrote the records). Lists are built as the actor lists are ({@link ApiCases#list}):
 * the raw SQL is the service's own page and count for the filter. The feed's raw SQL is the SELECT
 * a feed needs on the public view ({@code bench/events-ics.sql}).
 */
final class AgirCases {

    private static final String ICS = SqlResource.load("bench/events-ics.sql");
    /** The window assumed for a feed: events that ended up to this long ago, and later ones. */
    private static final Duration ICS_PAST = Duration.ofDays(30);
    /** The most events assumed in one feed. */
    private static final int ICS_MAX = 1_000;
    /** The window of the dated case: today and the next 30 days. */
    private static final int PERIOD_DAYS = 30;
    private static final String DEPARTEMENT = "12";

    private final List<String> epcis;
    private final List<String> bassins;
    private final List<String> themes;
    private final LocalDate today;

    private AgirCases(List<String> epcis, List<String> bassins, List<String> themes, LocalDate today) {
        this.epcis = epcis;
        this.bassins = bassins;
        this.themes = themes;
        this.today = today;
    }

    /** Reads the territories and themes to draw from; today is the Paris day of the run. */
    static AgirCases of(DatabaseConfig db) throws SQLException {
        return new AgirCases(ApiCases.strings(db, "SELECT code FROM territory WHERE kind = 'epci' ORDER BY code"),
                ApiCases.strings(db, "SELECT code FROM territory WHERE kind = 'bassin_vie' ORDER BY code"),
                // The generator gives every theme of the vocabulary in turn.
                ApiCases.strings(db, "SELECT code FROM theme ORDER BY code"), LocalDate.now(ApiCases.PARIS));
    }

    /** The lists and feeds, each timed on the service and on raw SQL; goal as the actor lists. */
    List<ApiCase> queries() {
        return List.of(
                ApiCases.list("events", r -> filter(RecordKind.EVENT, null, null, null, null)),
                ApiCases.list("events 30d dep 12", r -> new Filter(RecordKind.EVENT, null, null,
                        new Filter.Territory(TerritoryKind.DEPARTEMENT, DEPARTEMENT), null, null, null, null, period())),
                ApiCases.list("events type+theme", r -> filter(RecordKind.EVENT, null, theme(r), "formation", null)),
                ApiCases.list("needs bassin vie", r -> filter(RecordKind.NEED_OFFER,
                        new Filter.Territory(TerritoryKind.BASSIN_VIE, ApiCases.pick(r, bassins)), null, null, null)),
                ApiCases.list("needs need+theme", r -> filter(RecordKind.NEED_OFFER, null, theme(r), "need", null)),
                ApiCases.list("exp. outcome echec", r -> filter(RecordKind.EXPERIENCE, null, null, "echec", null)),
                ApiCases.list("exp. q", r -> filter(RecordKind.EXPERIENCE, null, null, null,
                        ApiCases.pick(r, ApiCases.WORDS))),
                ics("ICS EPCI", r -> filter(RecordKind.EVENT,
                        new Filter.Territory(TerritoryKind.EPCI, ApiCases.pick(r, epcis)), null, null, null)),
                ics("ICS theme", r -> filter(RecordKind.EVENT, null, theme(r), null, null)));
    }

    /** A case of the feed {@code /api/events.ics}; it counts as a list for its goal. */
    private static ApiCase ics(String name, Function<SplittableRandom, Filter> draw) {
        return new ApiCase(name, Goal.QUERY, Integer.MAX_VALUE, r -> {
            Filter filter = draw.apply(r);
            FilterSql.Where where = FilterSql.where(filter);
            Map<String, Object> params = new HashMap<>(where.params());
            params.put("since", OffsetDateTime.now().minus(ICS_PAST));
            params.put("limit", ICS_MAX);
            return new Request("/api/events.ics?" + ApiCases.query(filter),
                    List.of(new PageSql.Statement(ICS.replace("${where}", where.sql()), params)));
        });
    }

    /** Today and the next {@value #PERIOD_DAYS} days, as FilterParser reads {@code from} and {@code to} dates. */
    private Filter.Period period() {
        return new Filter.Period(today.atStartOfDay(ApiCases.PARIS).toOffsetDateTime(),
                today.plusDays(PERIOD_DAYS + 1L).atStartOfDay(ApiCases.PARIS).toOffsetDateTime());
    }

    private List<String> theme(SplittableRandom r) {
        return List.of(ApiCases.pick(r, themes));
    }

    private static Filter filter(RecordKind kind, Filter.Territory territory, List<String> themes, String category,
                                 String q) {
        return new Filter(kind, null, null, territory, themes, category == null ? null : List.of(category), q, null);
    }
}
