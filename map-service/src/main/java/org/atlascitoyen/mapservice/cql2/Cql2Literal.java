package org.atlascitoyen.mapservice.cql2;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A literal value of a filter: a character string, a number, a boolean, a {@code DATE} or a
 * {@code TIMESTAMP}. An open end of an interval ({@code '..'}) is a null literal, not an instance.
 */
public record Cql2Literal(Type type, Object value) {

    public enum Type { STRING, NUMBER, BOOLEAN, DATE, TIMESTAMP }

    /**
     * A string; control characters and lone surrogates (which JSON escapes such as {@code \u0000}
     * can carry past the check of raw parameters) are refused: PostgreSQL text cannot hold them.
     */
    public static Cql2Literal string(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (Character.isISOControl(c) || Character.isSurrogate(c) && !paired) {
                throw new Cql2Exception("A value holds a control character or a lone surrogate (U+"
                        + String.format("%04X", (int) c) + ")");
            }
            if (paired) {
                i++;
            }
        }
        return new Cql2Literal(Type.STRING, value);
    }

    public static Cql2Literal number(BigDecimal value) {
        return new Cql2Literal(Type.NUMBER, value);
    }

    public static Cql2Literal bool(boolean value) {
        return new Cql2Literal(Type.BOOLEAN, value);
    }

    /** {@code DATE('2024-05-01')}. */
    public static Cql2Literal date(String text) {
        try {
            LocalDate day = LocalDate.parse(text);
            year(day.getYear(), text);
            return new Cql2Literal(Type.DATE, day);
        } catch (java.time.format.DateTimeParseException e) {
            throw new Cql2Exception("Not a date (YYYY-MM-DD): '" + text + "'");
        }
    }

    /** {@code TIMESTAMP('2024-05-01T12:00:00Z')}: RFC 3339, with its offset. */
    public static Cql2Literal timestamp(String text) {
        try {
            OffsetDateTime instant = OffsetDateTime.parse(text);
            year(instant.getYear(), text);
            return new Cql2Literal(Type.TIMESTAMP, instant);
        } catch (java.time.format.DateTimeParseException e) {
            throw new Cql2Exception("Not a timestamp (RFC 3339, e.g. 2024-05-01T12:00:00Z): '" + text + "'");
        }
    }

    /** Years 1 to 9999 only: PostgreSQL refuses some others (an error, not an answer), and no record has them. */
    private static void year(int year, String text) {
        if (year < 1 || year > 9999) {
            throw new Cql2Exception("Dates run from year 1 to 9999: '" + text + "'");
        }
    }

    /** An instant of an interval: a date or a timestamp by its form, null for {@code ..} (open). */
    public static Cql2Literal instant(String text) {
        if (text.equals("..") || text.isEmpty()) {
            return null;
        }
        return text.length() == 10 ? date(text) : timestamp(text);
    }

    /** How the value reads in an error message. */
    public String describe() {
        return type == Type.STRING ? "'" + value + "'" : type.name() + " " + value;
    }
}
