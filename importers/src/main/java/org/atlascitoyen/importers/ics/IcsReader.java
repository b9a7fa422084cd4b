package org.atlascitoyen.importers.ics;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Duration;
import net.fortuna.ical4j.model.property.Geo;
import org.atlascitoyen.importers.load.MalformedFileException;

/**
 * Reads an iCalendar file (RFC 5545) into events, one per VEVENT or, for a recurring one (RRULE,
 * RDATE, EXDATE), one per occurrence inside a window. An occurrence that a VEVENT with a
 * RECURRENCE-ID overrides takes that VEVENT's values (a moved time, {@code STATUS:CANCELLED}).
 * Times in any TZID become instants; floating times are read in Europe/Paris; a DATE start makes
 * an all-day event ending at the start of its DTEND day (exclusive, as RFC 5545 says).
 *
 * <p>Each event has an external id: its UID, plus {@code #} and the occurrence's original start
 * in UTC, ISO basic ({@code 20300107T090000Z}), for an occurrence of a recurring event.
 */
public final class IcsReader {

    /** The zone of floating times and all-day dates. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    /** Non-standard properties that carry a visio link (Google, Microsoft, Zoom exports; RFC 7986 CONFERENCE). */
    private static final Pattern CONFERENCE_PROPERTY = Pattern.compile("CONFERENCE|X-.*(CONF|MEET|TEAMS|ZOOM|SKYPE|VISIO).*");

    private IcsReader() {
    }

    /** The span recurring events are expanded over. */
    public record Window(Instant from, Instant to) {

        /** From {@code pastDays} before {@code now} to {@code futureDays} after it. */
        public static Window around(Instant now, int pastDays, int futureDays) {
            return new Window(now.minus(pastDays, ChronoUnit.DAYS), now.plus(futureDays, ChronoUnit.DAYS));
        }
    }

    /**
     * One event or occurrence, its text values as the file has them (unescaped).
     *
     * @param position   where it is in the file ({@code VEVENT n}, counted from 1), for the reject file
     * @param categories the CATEGORIES values, in order
     * @param organiser  the organiser's common name (CN), never their address
     */
    public record IcsEvent(String position, String externalId, String uid, String summary, String description,
                           Instant startsAt, Instant endsAt, boolean allDay, boolean cancelled, List<String> categories,
                           String location, Double lon, Double lat, String url, String onlineUrl, String organiser) {
    }

    /** A VEVENT that cannot be imported, and why. */
    public record Rejected(String position, String uid, String summary, String reason, String detail) {
    }

    /** What a file holds. */
    public record Result(List<IcsEvent> events, List<Rejected> rejected) {
    }

    public static Result read(InputStream in, Window window) throws IOException {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(in);
        } catch (ParserException e) {
            throw new MalformedFileException("not an iCalendar file: " + e.getMessage(), e);
        }
        List<VEvent> vevents = calendar.getComponents(Component.VEVENT);
        List<IcsEvent> events = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        // Overrides of occurrences (RECURRENCE-ID) by UID and occurrence key.
        Map<String, Map<String, VEvent>> overrides = new HashMap<>();
        Map<VEvent, String> positions = new LinkedHashMap<>();
        for (int i = 0; i < vevents.size(); i++) {
            VEvent event = vevents.get(i);
            String position = "VEVENT " + (i + 1);
            positions.put(event, position);
            String uid = text(event, Property.UID);
            Optional<DateProperty<Temporal>> recurrenceId = event.getProperty(Property.RECURRENCE_ID);
            if (uid != null && recurrenceId.isPresent() && recurrenceId.get().getDate() != null) {
                overrides.computeIfAbsent(uid, u -> new LinkedHashMap<>()).put(key(recurrenceId.get().getDate()), event);
            }
        }
        for (VEvent event : vevents) {
            String position = positions.get(event);
            String uid = text(event, Property.UID);
            String summary = text(event, Property.SUMMARY);
            if (uid == null) {
                rejected.add(new Rejected(position, null, summary, "no UID", "a VEVENT without UID cannot be updated on re-import"));
                continue;
            }
            Optional<DateProperty<Temporal>> start = event.getProperty(Property.DTSTART);
            if (start.isEmpty() || start.get().getDate() == null) {
                rejected.add(new Rejected(position, uid, summary, "no start", "DTSTART is missing or unreadable"));
                continue;
            }
            Optional<DateProperty<Temporal>> recurrenceId = event.getProperty(Property.RECURRENCE_ID);
            if (recurrenceId.isPresent()) {
                Temporal original = recurrenceId.get().getDate();
                Temporal own = start.get().getDate();
                if (within(original, window) || within(own, window)) {
                    events.add(event(position, uid + "#" + key(original), uid, event, own, null));
                }
                continue;
            }
            boolean recurring = event.getProperty(Property.RRULE).isPresent() || event.getProperty(Property.RDATE).isPresent();
            if (!recurring) {
                events.add(event(position, uid, uid, event, start.get().getDate(), null));
                continue;
            }
            Map<String, VEvent> moved = overrides.getOrDefault(uid, Map.of());
            try {
                for (Period<Temporal> occurrence : occurrences(event, start.get().getDate(), window)) {
                    String key = key(occurrence.getStart());
                    if (!moved.containsKey(key)) {
                        events.add(event(position, uid + "#" + key, uid, event, occurrence.getStart(), occurrence.getEnd()));
                    }
                }
            } catch (RuntimeException e) { // an RRULE ical4j cannot expand
                rejected.add(new Rejected(position, uid, summary, "bad recurrence", String.valueOf(e.getMessage())));
            }
        }
        return new Result(events, rejected);
    }

    /** The occurrences of a recurring event that overlap the window, in the type of its DTSTART. */
    private static Set<Period<Temporal>> occurrences(VEvent event, Temporal start, Window window) {
        Period<? extends Temporal> span;
        if (start instanceof LocalDate) {
            span = new Period<>(LocalDate.ofInstant(window.from(), PARIS), LocalDate.ofInstant(window.to(), PARIS));
        } else if (start instanceof LocalDateTime) {
            span = new Period<>(LocalDateTime.ofInstant(window.from(), PARIS), LocalDateTime.ofInstant(window.to(), PARIS));
        } else if (start instanceof ZonedDateTime z) {
            span = new Period<>(window.from().atZone(z.getZone()), window.to().atZone(z.getZone()));
        } else if (start instanceof OffsetDateTime o) {
            span = new Period<>(window.from().atOffset(o.getOffset()), window.to().atOffset(o.getOffset()));
        } else {
            span = new Period<>(window.from(), window.to());
        }
        return event.calculateRecurrenceSet(span);
    }

    private static IcsEvent event(String position, String externalId, String uid, VEvent event, Temporal start,
                                  Temporal occurrenceEnd) {
        boolean allDay = start instanceof LocalDate;
        Instant startsAt = instant(start);
        Instant endsAt = occurrenceEnd != null ? instant(occurrenceEnd) : end(event, start, allDay);
        if (endsAt == null || endsAt.isBefore(startsAt)) {
            endsAt = allDay ? instant(((LocalDate) start).plusDays(1)) : startsAt;
        }
        String location = text(event, Property.LOCATION);
        String onlineUrl = null;
        if (location != null) {
            Matcher url = URL.matcher(location);
            if (url.find()) {
                onlineUrl = url.group();
                location = blankToNull(location.replace(url.group(), "").replaceAll("^[\\s,;:-]+|[\\s,;:-]+$", ""));
            }
        }
        if (onlineUrl == null) {
            onlineUrl = event.getProperties().stream()
                    .filter(p -> CONFERENCE_PROPERTY.matcher(p.getName().toUpperCase(Locale.ROOT)).matches())
                    .map(p -> URL.matcher(p.getValue() == null ? "" : p.getValue()))
                    .filter(Matcher::find).map(Matcher::group).findFirst().orElse(null);
        }
        Optional<Geo> geo = event.getProperty(Property.GEO);
        Double lat = geo.map(g -> g.getLatitude()).map(Number::doubleValue).orElse(null);
        Double lon = geo.map(g -> g.getLongitude()).map(Number::doubleValue).orElse(null);
        Optional<Property> organiserProperty = event.getProperty(Property.ORGANIZER);
        Optional<Parameter> cn = organiserProperty.flatMap(p -> p.getParameter(Parameter.CN));
        String organiser = cn.map(Parameter::getValue).map(IcsReader::blankToNull).orElse(null);
        boolean cancelled = "CANCELLED".equalsIgnoreCase(text(event, Property.STATUS));
        return new IcsEvent(position, externalId, uid, text(event, Property.SUMMARY), text(event, Property.DESCRIPTION),
                startsAt, endsAt, allDay, cancelled, categories(event), location, lon, lat, text(event, Property.URL),
                onlineUrl, organiser);
    }

    /** DTEND, else DTSTART plus DURATION, else null. */
    private static Instant end(VEvent event, Temporal start, boolean allDay) {
        Optional<DateProperty<Temporal>> end = event.getProperty(Property.DTEND);
        if (end.isPresent() && end.get().getDate() != null) {
            return instant(end.get().getDate());
        }
        Optional<Duration> duration = event.getProperty(Property.DURATION);
        if (duration.isPresent()) {
            TemporalAmount amount = duration.get().getDuration();
            try {
                return instant(start.plus(amount));
            } catch (RuntimeException e) { // a time amount on a date: counted from the day's start
                return instant(start).plus(java.time.Duration.from(amount));
            }
        }
        return null;
    }

    /** Every CATEGORIES value of the event, each property's comma-separated list split. */
    private static List<String> categories(VEvent event) {
        List<String> values = new ArrayList<>();
        for (Property p : event.getProperties(Property.CATEGORIES)) {
            for (String value : p.getValue().split("(?<!\\\\),")) {
                String v = blankToNull(value.replace("\\,", ",").replace("\\;", ";").strip());
                if (v != null) {
                    values.add(v);
                }
            }
        }
        return values;
    }

    /** A moment of the file as an instant: floating times and dates in Europe/Paris. */
    public static Instant instant(Temporal t) {
        if (t instanceof LocalDateTime l) {
            return l.atZone(PARIS).toInstant();
        }
        if (t instanceof LocalDate d) {
            return d.atStartOfDay(PARIS).toInstant();
        }
        return Instant.from(t); // Instant, ZonedDateTime, OffsetDateTime
    }

    /** An occurrence's key: its start in UTC, ISO basic. */
    static String key(Temporal start) {
        return BASIC.format(instant(start));
    }

    private static boolean within(Temporal t, Window window) {
        Instant i = instant(t);
        return !i.isBefore(window.from()) && !i.isAfter(window.to());
    }

    private static String text(VEvent event, String name) {
        return event.getProperty(name).map(p -> ((Property) p).getValue()).map(IcsReader::blankToNull).orElse(null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
