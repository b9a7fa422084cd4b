package org.atlascitoyen.importers.directory;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as directories write them: 2024-03-01, 01/03/2024, 1/3/24 is not accepted (century
 * unknown), 03/2024, 2024-03 or 2024. A month or a year stands for its first day when it starts
 * something and its last day when it ends it.
 */
final class Dates {

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})(?:-(\\d{1,2}))?(?:[T ].*)?");
    private static final Pattern FRENCH = Pattern.compile("(?:(\\d{1,2})[/.-])?(\\d{1,2})[/.-](\\d{4})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    private Dates() {
    }

    /** The date of a cell, or null (counted in the tally) when it cannot be read. */
    static LocalDate read(String text, boolean end, Tally tally) {
        if (text == null) {
            return null;
        }
        try {
            Matcher m = ISO.matcher(text);
            if (m.matches()) {
                return date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3), end);
            }
            m = FRENCH.matcher(text);
            if (m.matches()) {
                return date(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), m.group(1), end);
            }
            m = YEAR.matcher(text);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(1));
                return end ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
            }
        } catch (DateTimeException e) {
            // falls through to the tally: 31/02/2024 is not a date
        }
        tally.add("unreadable date (left out)", text);
        return null;
    }

    /** A start and an end date, either possibly null. */
    record Period(LocalDate start, LocalDate end) {
    }

    /** The period of a start and an end cell; an end before the start is left out, and counted. */
    static Period period(String start, String end, Tally tally) {
        LocalDate from = read(start, false, tally);
        LocalDate to = read(end, true, tally);
        if (from != null && to != null && to.isBefore(from)) {
            tally.add("end date before start date: end date left out");
            to = null;
        }
        return new Period(from, to);
    }

    private static LocalDate date(int year, int month, String day, boolean end) {
        if (day != null) {
            return LocalDate.of(year, month, Integer.parseInt(day));
        }
        YearMonth ym = YearMonth.of(year, month);
        return end ? ym.atEndOfMonth() : ym.atDay(1);
    }
}
