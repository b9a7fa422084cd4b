package org.atlascitoyen.mapservice.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.atlascitoyen.mapservice.ServiceIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * Events listed by date (keyset paging with from/to, no duplicate and no gap) and served as
 * calendar feeds that ical4j parses back: 25 events in Toulouse Métropole and 3 in Rodez, in
 * 2031, some starting at the same instant, one cancelled, one all-day, one with text that needs
 * escaping.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventsIT extends ServiceIT {

    private static final String TOULOUSE_METROPOLE = "243100518";

    @BeforeAll
    static void events() throws Exception {
        try (Connection c = DATABASE.connect(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM event WHERE name LIKE 'EventsIT%'");
            // Every 12 hours from 2031-03-01 08:00 UTC; events 10 and 11 start together.
            st.execute("""
                    INSERT INTO event (name, name_search, event_type, status, themes, description, starts_at, ends_at,
                                       all_day, place_name, uid, geom, precision, commune, epci, departement, region)
                    SELECT 'EventsIT ' || n, 'eventsit ' || n, CASE WHEN n % 2 = 0 THEN 'atelier' ELSE 'rencontre' END,
                           CASE WHEN n = 3 THEN 'cancelled' ELSE 'confirmed' END,
                           CASE WHEN n % 3 = 0 THEN '{climat}'::text[] ELSE '{culture}'::text[] END,
                           CASE WHEN n = 4 THEN E'Ligne 1, avec virgule; point-virgule\\nLigne 2 \\\\ fin' END,
                           t, t + interval '2 hours', false, 'Salle ' || n,
                           CASE WHEN n = 5 THEN 'uid-5@example.org' END,
                           ST_SetSRID(ST_MakePoint(1.4442, 43.6045), 4326), 'address', '31555', '243100518', '31', '76'
                    FROM generate_series(1, 25) n
                    CROSS JOIN LATERAL (SELECT timestamptz '2031-03-01 08:00Z'
                                               + interval '12 hours' * (CASE WHEN n = 11 THEN 10 ELSE n END) AS t) x
                    """);
            st.execute("""
                    INSERT INTO event (name, name_search, event_type, themes, starts_at, ends_at, all_day, geom, precision,
                                       commune, epci, departement, region)
                    SELECT 'EventsIT Rodez ' || n, 'eventsit rodez ' || n, 'festival', '{culture}',
                           timestamptz '2031-03-05 00:00 Europe/Paris' + interval '1 day' * n,
                           timestamptz '2031-03-06 00:00 Europe/Paris' + interval '1 day' * n, n = 1,
                           ST_SetSRID(ST_MakePoint(2.575, 44.35), 4326), 'commune', '12202',
                           (SELECT epci FROM commune WHERE code = '12202'), '12', '76'
                    FROM generate_series(1, 3) n
                    """);
        }
    }

    @Test
    void listsPageByDateWithFromAndToWithoutDuplicatesOrGaps() throws Exception {
        String from = "2031-03-02";
        String to = "2031-03-10";
        List<Long> expected = sqlIds("SELECT id FROM event WHERE name LIKE 'EventsIT%' AND ends_at >= '2031-03-02 00:00 Europe/Paris'"
                + " AND starts_at < '2031-03-11 00:00 Europe/Paris' ORDER BY starts_at, id");
        assertThat(expected).hasSizeGreaterThan(15);
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> page = get("/api/events?from=" + from + "&to=" + to + "&limit=4&format=json"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.statusCode()).isEqualTo(200);
            JsonNode body = json(page);
            for (JsonNode item : body.path("items")) {
                seen.add(item.path("id").asLong());
            }
            cursor = body.path("next").isString() ? body.path("next").asString() : null;
            pages++;
        } while (cursor != null && pages < 50);
        assertThat(seen).containsExactlyElementsOf(expected);
        // Other kinds keep their order by id.
        JsonNode actors = json(get("/api/actors?limit=2&format=json"));
        assertThat(actors.path("items").size()).isLessThanOrEqualTo(2);
    }

    @Test
    void aFeedParsedBackHoldsTheFilteredEvents() throws Exception {
        HttpResponse<String> response = get("/api/events.ics?territory=epci:" + TOULOUSE_METROPOLE
                + "&from=2031-03-01&to=2031-03-31&theme=climat,culture");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/calendar;charset=UTF-8");
        assertThat(response.headers().firstValue("ETag")).isPresent();
        assertThat(response.body()).contains("\r\n").doesNotContain("@example.org>").doesNotContain("mailto:");
        Calendar calendar = new CalendarBuilder().build(new StringReader(response.body()));
        assertThat(text(calendar, Property.METHOD)).isEqualTo("PUBLISH");
        assertThat(text(calendar, "X-WR-CALNAME")).startsWith("Atlas Citoyen – Agenda : Toulouse");
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        List<Long> expected = sqlIds("SELECT id FROM event WHERE name LIKE 'EventsIT%' AND epci = '" + TOULOUSE_METROPOLE
                + "' ORDER BY starts_at, id");
        assertThat(events).hasSize(expected.size());
        Set<String> uids = new LinkedHashSet<>();
        for (VEvent e : events) {
            uids.add(text(e, Property.UID));
        }
        assertThat(uids).hasSize(expected.size()).contains("uid-5@example.org", "event-" + expected.get(0) + "@atlas-citoyen.local");
        VEvent first = events.get(0);
        assertThat(instant(first, Property.DTSTART)).isEqualTo(Instant.parse("2031-03-01T20:00:00Z"));
        assertThat(instant(first, Property.DTEND)).isEqualTo(Instant.parse("2031-03-01T22:00:00Z"));
        assertThat(text(first, Property.URL)).endsWith("/#event=" + expected.get(0));
        VEvent cancelled = byName(events, "EventsIT 3");
        assertThat(text(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(text(byName(events, "EventsIT 2"), Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(text(byName(events, "EventsIT 4"), Property.DESCRIPTION))
                .isEqualTo("Ligne 1, avec virgule; point-virgule\nLigne 2 \\ fin");
        assertThat(text(byName(events, "EventsIT 6"), Property.CATEGORIES)).contains("Atelier").contains("Climat");
    }

    @Test
    void anAllDayEventAndOneEventToDownload() throws Exception {
        long id = sqlIds("SELECT id FROM event WHERE name = 'EventsIT Rodez 1'").get(0);
        HttpResponse<String> response = get("/api/events/" + id + ".ics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                v -> assertThat(v).contains("attachment").contains("evenement-" + id + ".ics"));
        Calendar calendar = new CalendarBuilder().build(new StringReader(response.body()));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        DateProperty<Temporal> start = events.get(0).<DateProperty<Temporal>>getProperty(Property.DTSTART).orElseThrow();
        DateProperty<Temporal> end = events.get(0).<DateProperty<Temporal>>getProperty(Property.DTEND).orElseThrow();
        assertThat(start.getDate()).isEqualTo(LocalDate.of(2031, 3, 6));
        assertThat(end.getDate()).isEqualTo(LocalDate.of(2031, 3, 7));
        assertThat(get("/api/events/999999999.ics").statusCode()).isEqualTo(404);

        HttpResponse<String> byType = get("/api/events.ics?eventType=festival&from=2031-03-01");
        assertThat(new CalendarBuilder().build(new StringReader(byType.body())).getComponents(Component.VEVENT)).hasSize(3);
    }

    @Test
    void hostileParametersAreProblemsNotCalendars() {
        for (String query : List.of("organiser=abc", "organiser=-1", "from=" + enc("2031-13-45"), "territory=" + enc("epci:<script>"),
                "theme=" + enc("'; DROP TABLE event; --"), "eventType=nope", "limit=5", "to=2031-01-01&from=2031-02-01")) {
            HttpResponse<String> response = get("/api/events.ics?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(query).hasValue("application/problem+json");
            assertThat(response.body()).doesNotContain("BEGIN:VCALENDAR");
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static VEvent byName(List<VEvent> events, String name) {
        return events.stream().filter(e -> name.equals(text(e, Property.SUMMARY))).findFirst().orElseThrow();
    }

    private static Instant instant(VEvent event, String name) {
        return Instant.from(event.<DateProperty<Temporal>>getProperty(name).orElseThrow().getDate());
    }

    private static String text(net.fortuna.ical4j.model.PropertyContainer container, String name) {
        return container.<Property>getProperty(name).map(Property::getValue).orElse(null);
    }

    private static List<Long> sqlIds(String sql) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = DATABASE.connect(); PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
