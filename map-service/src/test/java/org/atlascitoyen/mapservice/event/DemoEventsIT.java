package org.atlascitoyen.mapservice.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.atlascitoyen.mapservice.DemoServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The demo agenda (data/demo/agenda.ics, imported by ./atlas run with the demo directory): its
 * events are listed by date, the monthly ones always have upcoming dates, one is cancelled, and
 * the feed of the region serves them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoEventsIT extends DemoServiceIT {

    @Test
    void theDemoAgendaIsListedByDateWithUpcomingEvents() {
        JsonNode page = json(get("/api/events?from=" + OffsetDateTime.now().toLocalDate() + "&limit=100&format=json"));
        List<String> starts = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            starts.add(item.path("startsAt").asString());
        }
        assertThat(starts).hasSizeGreaterThan(10);
        assertThat(starts.stream().map(OffsetDateTime::parse).toList()).isSortedAccordingTo(OffsetDateTime::compareTo);
        assertThat(json(get("/api/events?q=cafe%20citoyen&format=json")).path("numberMatched").asLong()).isGreaterThanOrEqualTo(12);
        assertThat(json(get("/api/events?format=json&limit=200")).path("items").valueStream()
                .filter(e -> "cancelled".equals(e.path("status").asString())).count()).isEqualTo(1);
    }

    @Test
    void theRegionsFeedServesTheDemoAgenda() throws Exception {
        HttpResponse<String> feed = get("/api/events.ics?territory=region:76");
        assertThat(feed.statusCode()).isEqualTo(200);
        List<VEvent> events = new CalendarBuilder().build(new StringReader(feed.body())).getComponents(Component.VEVENT);
        assertThat(events).hasSizeGreaterThan(10);
    }
}
