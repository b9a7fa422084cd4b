package org.atlascitoyen.mapservice.event;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes events as an iCalendar object (RFC 5545) that calendar applications subscribe to:
 * METHOD:PUBLISH, times in UTC (so no VTIMEZONE is needed), all-day events as DATE values (the
 * end exclusive), every TEXT value escaped, lines folded.
 */
final class IcsCalendar {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

    private final String uidHost;
    private final String baseUrl;

    /**
     * @param uidHost the host of the UIDs made for events without their own
     * @param baseUrl where the atlas is reached: each event links to its page there
     */
    IcsCalendar(String uidHost, String baseUrl) {
        this.uidHost = uidHost;
        this.baseUrl = baseUrl;
    }

    String write(String name, List<FeedEvent> events, OffsetDateTime now) {
        StringBuilder out = new StringBuilder(512 + events.size() * 600);
        IcsText.line(out, "BEGIN:VCALENDAR");
        IcsText.line(out, "VERSION:2.0");
        IcsText.line(out, "PRODID:-//Atlas Citoyen//Agenda//FR");
        IcsText.line(out, "CALSCALE:GREGORIAN");
        IcsText.line(out, "METHOD:PUBLISH");
        IcsText.text(out, "X-WR-CALNAME", name);
        IcsText.line(out, "X-WR-TIMEZONE:Europe/Paris");
        for (FeedEvent event : events) {
            event(out, event, now);
        }
        IcsText.line(out, "END:VCALENDAR");
        return out.toString();
    }

    private void event(StringBuilder out, FeedEvent e, OffsetDateTime now) {
        IcsText.line(out, "BEGIN:VEVENT");
        IcsText.text(out, "UID", uid(e));
        OffsetDateTime stamp = e.updatedAt() != null ? e.updatedAt() : now;
        IcsText.line(out, "DTSTAMP:" + utc(stamp));
        if (e.allDay()) {
            LocalDate start = e.startsAt().atZoneSameInstant(PARIS).toLocalDate();
            OffsetDateTime endAt = e.endsAt().atZoneSameInstant(PARIS).toOffsetDateTime();
            LocalDate end = endAt.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                    ? endAt.toLocalDate() : endAt.toLocalDate().plusDays(1);
            IcsText.line(out, "DTSTART;VALUE=DATE:" + DATE.format(start));
            IcsText.line(out, "DTEND;VALUE=DATE:" + DATE.format(end.isAfter(start) ? end : start.plusDays(1)));
        } else {
            IcsText.line(out, "DTSTART:" + utc(e.startsAt()));
            IcsText.line(out, "DTEND:" + utc(e.endsAt().isAfter(e.startsAt()) ? e.endsAt() : e.startsAt()));
        }
        IcsText.text(out, "SUMMARY", e.name());
        IcsText.text(out, "DESCRIPTION", description(e));
        IcsText.text(out, "LOCATION", location(e));
        IcsText.line(out, String.format(Locale.ROOT, "GEO:%.6f;%.6f", e.lat(), e.lon()));
        IcsText.line(out, "URL:" + IcsText.escape(baseUrl + "/#event=" + e.id()));
        IcsText.line(out, "STATUS:" + (e.cancelled() ? "CANCELLED" : "CONFIRMED"));
        if (!e.categories().isEmpty()) {
            IcsText.line(out, "CATEGORIES:" + e.categories().stream().map(IcsText::escape).collect(Collectors.joining(",")));
        }
        IcsText.line(out, "END:VEVENT");
    }

    /** The occurrence's own id for an imported occurrence, the event's UID, else one made from its id. */
    String uid(FeedEvent e) {
        if (e.externalId() != null && e.externalId().contains("#")) {
            return e.externalId();
        }
        return e.uid() != null && !e.uid().isBlank() ? e.uid() : "event-" + e.id() + "@" + uidHost;
    }

    private static String description(FeedEvent e) {
        List<String> parts = new ArrayList<>();
        if (e.description() != null && !e.description().isBlank()) {
            parts.add(e.description().strip());
        }
        if (e.onlineUrl() != null) {
            parts.add("En ligne : " + e.onlineUrl());
        }
        if (e.website() != null) {
            parts.add("Site : " + e.website());
        }
        return String.join("\n\n", parts);
    }

    private static String location(FeedEvent e) {
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {e.placeName(), e.address()}) {
            if (part != null && !part.isBlank() && parts.stream().noneMatch(p -> p.contains(part.strip()))) {
                parts.add(part.strip());
            }
        }
        String town = ((e.postcode() == null ? "" : e.postcode() + " ") + (e.communeName() == null ? "" : e.communeName())).strip();
        if (!town.isEmpty() && parts.stream().noneMatch(p -> p.contains(town))) {
            parts.add(town);
        }
        if (parts.isEmpty() && e.onlineUrl() != null) {
            parts.add(e.onlineUrl());
        }
        return String.join(", ", parts);
    }

    private static String utc(OffsetDateTime t) {
        return UTC.format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
