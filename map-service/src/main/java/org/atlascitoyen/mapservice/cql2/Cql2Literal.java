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

    public static Cql2Literal string(String value) {
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
            return new Cql2Literal(Type.DATE, LocalDate.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            throw new Cql2Exception("Not a date (YYYY-MM-DD): '" + text + "'");
        }
    }

    /** {@code TIMESTAMP('2024-05-01T12:00:00Z')}: RFC 3339, with its offset. */
    public static Cql2Literal timestamp(String text) {
        try {
            return new Cql2Literal(Type.TIMESTAMP, OffsetDateTime.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            throw new Cql2Exception("Not a timestamp (RFC 3339, e.g. 2024-05-01T12:00:00Z): '" + text + "'");
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
