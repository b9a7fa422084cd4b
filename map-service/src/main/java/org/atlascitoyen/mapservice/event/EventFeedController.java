package org.atlascitoyen.mapservice.event;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.record.FilterParams;
import org.atlascitoyen.mapservice.record.FilterParser;
import org.atlascitoyen.mapservice.record.Vocabularies;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.system.DataEtags;
import org.atlascitoyen.mapservice.system.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Calendar feeds of the events that calendar applications subscribe to:
 * {@code GET /api/events.ics} with the events list's filters ({@code territory}, {@code theme},
 * {@code eventType}, {@code from}, {@code to}...) and {@code organiser} (an actor id), and
 * {@code GET /api/events/{id}.ics}, one event to add to one's calendar. Without {@code from}, a
 * feed starts {@code atlas.events.feed-past-days} ago; it holds the first
 * {@code atlas.events.feed-max} events by start. A bad parameter is a 400 problem, never a calendar.
 */
@RestController
class EventFeedController {

    static final java.time.ZoneId PARIS = IcsCalendar.PARIS;
    static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/MM/yyyy", Locale.FRANCE);

    private final EventFeeds feeds;
    private final FilterParser filters;
    private final Vocabularies vocabularies;
    private final DataEtags etags;
    private final EventProperties properties;
    private final CacheControl cacheControl;

    EventFeedController(EventFeeds feeds, FilterParser filters, Vocabularies vocabularies, DataEtags etags,
                        EventProperties properties) {
        this.feeds = feeds;
        this.filters = filters;
        this.vocabularies = vocabularies;
        this.etags = etags;
        this.properties = properties;
        this.cacheControl = CacheControl.maxAge(Duration.ofSeconds(properties.maxAgeSeconds())).cachePublic();
    }

    /**
     * @param organiser an actor's id: the events it organises
     */
    @GetMapping("/api/events.ics")
    ResponseEntity<String> feed(FilterParams params, @RequestParam(required = false) String organiser,
                                HttpServletRequest request,
                                @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Long organiserId = organiser(organiser);
        Filter parsed = filters.parse(RecordKind.EVENT, params);
        OffsetDateTime now = OffsetDateTime.now(IcsCalendar.PARIS);
        Filter.Period period = parsed.period() != null && parsed.period().from() != null ? parsed.period()
                : new Filter.Period(now.toLocalDate().minusDays(properties.feedPastDays()).atStartOfDay(IcsCalendar.PARIS)
                        .toOffsetDateTime(), parsed.period() == null ? null : parsed.period().to());
        // The default window moves each day: the day is part of the resource.
        String etag = etags.of("events.ics?" + params.canonical() + "&organiser=" + organiserId + "&day=" + now.toLocalDate());
        if (DataEtags.matches(ifNoneMatch, etag)) {
            return DataEtags.notModified(etag, cacheControl);
        }
        Filter filter = new Filter(RecordKind.EVENT, parsed.bbox(), parsed.near(), parsed.territory(), parsed.themes(),
                parsed.categories(), parsed.q(), parsed.updatedSince(), period);
        List<FeedEvent> events = feeds.feed(filter, organiserId, properties.feedMax());
        String body = calendar(request).write(name(parsed, organiserId), events, now);
        return ResponseEntity.ok().contentType(CALENDAR).eTag(etag).cacheControl(cacheControl).body(body);
    }

    @GetMapping("/api/events/{id}.ics")
    ResponseEntity<String> one(@PathVariable long id, HttpServletRequest request) {
        FeedEvent event = feeds.one(id).orElseThrow(() -> new NotFoundException("No event with id " + id));
        String body = calendar(request).write(event.name(), List.of(event), OffsetDateTime.now());
        return ResponseEntity.ok().contentType(CALENDAR).cacheControl(cacheControl)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("evenement-" + id + ".ics").build().toString())
                .body(body);
    }

    private IcsCalendar calendar(HttpServletRequest request) {
        String base = ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
        return new IcsCalendar(properties.uidHost(), base);
    }

    private static Long organiser(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BadParameterException("organiser", "organiser is an actor's id (a positive number), got '" + value + "'");
    }

    /** The feed's name in French, naming its filter: "Atlas Citoyen – Agenda : Toulouse Métropole, Climat, Atelier". */
    private String name(Filter filter, Long organiser) {
        String[] names = feeds.names(filter.territory(), organiser);
        List<String> parts = new ArrayList<>();
        if (names[0] != null) {
            parts.add(names[0]);
        }
        Map<String, String> themes = vocabularies.themes();
        filter.themes().forEach(t -> parts.add(themes.getOrDefault(t, t)));
        Map<String, String> types = vocabularies.labels(RecordKind.EVENT.category());
        filter.categories().forEach(t -> parts.add(types.getOrDefault(t, t)));
        if (names[1] != null) {
            parts.add("organisé par " + names[1]);
        }
        if (filter.q() != null) {
            parts.add("« " + filter.q() + " »");
        }
        if (filter.period() != null && filter.period().from() != null) {
            parts.add("à partir du " + DAY.format(filter.period().from().atZoneSameInstant(IcsCalendar.PARIS)));
        }
        if (filter.period() != null && filter.period().to() != null) {
            LocalDate last = filter.period().to().atZoneSameInstant(IcsCalendar.PARIS).minusNanos(1).toLocalDate();
            parts.add("jusqu'au " + DAY.format(last));
        }
        return "Atlas Citoyen – Agenda" + (parts.isEmpty() ? "" : " : " + String.join(", ", parts));
    }
}
