package org.atlascitoyen.mapservice.ogc;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.system.FourDigitYear;

/**
 * The {@code datetime} parameter of OGC API Features as a closed interval, either end open
 * (null): an instant ({@code 2026-01-01T08:00:00Z}), an interval ({@code a/b}), or a half-open
 * one ({@code a/..}, {@code ../b}; an empty end is open too). A date without a time is the whole
 * day in UTC: as an instant it matches that day, as a start its first microsecond, as an end its
 * last (PostgreSQL keeps microseconds, so "at most the last microsecond" is "before the next day").
 */
public record DatetimeInterval(OffsetDateTime start, OffsetDateTime end) {

    public static final DatetimeInterval ANY = new DatetimeInterval(null, null);

    private static final String EXPECTED = "datetime is an RFC 3339 instant (2026-01-31T08:00:00Z, or a date"
            + " 2026-01-31) or an interval start/end with '..' for an open end (2026-01-01T00:00:00Z/..)";

    public static DatetimeInterval parse(String value) {
        if (value == null || value.isBlank()) {
            return ANY;
        }
        String v = value.strip();
        int slash = v.indexOf('/');
        if (slash < 0) {
            return new DatetimeInterval(instant(v, false), instant(v, true));
        }
        if (v.indexOf('/', slash + 1) >= 0) {
            throw bad(value);
        }
        OffsetDateTime start = bound(v.substring(0, slash), false, value);
        OffsetDateTime end = bound(v.substring(slash + 1), true, value);
        if (start != null && end != null && start.isAfter(end)) {
            throw new BadParameterException("datetime", "The interval in datetime ends before it starts: '" + value + "'");
        }
        return new DatetimeInterval(start, end);
    }

    private static OffsetDateTime bound(String text, boolean isEnd, String value) {
        if (text.isEmpty() || text.equals("..")) {
            return null;
        }
        return instant(text, isEnd);
    }

    private static OffsetDateTime instant(String text, boolean isEnd) {
        // GDAL writes a date compared with a date field as "2026-01-01T": a date all the same.
        String t = text.endsWith("T") || text.endsWith("t") ? text.substring(0, text.length() - 1) : text;
        try {
            if (t.length() == 10) {
                LocalDate day = LocalDate.parse(t);
                return FourDigitYear.require("datetime", isEnd
                        ? day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).minusNanos(1000)
                        : day.atStartOfDay().atOffset(ZoneOffset.UTC), text);
            }
            return FourDigitYear.require("datetime", OffsetDateTime.parse(t), text);
        } catch (DateTimeParseException e) {
            throw bad(text);
        }
    }

    private static BadParameterException bad(String value) {
        // An unencoded '+' of an offset reaches the server as a space.
        return new BadParameterException("datetime", EXPECTED + "; got '" + value + "'"
                + (value.contains(" ") ? " (write the '+' of an offset as %2B in a URL)" : ""));
    }
}
