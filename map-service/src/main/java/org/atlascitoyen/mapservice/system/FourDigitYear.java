package org.atlascitoyen.mapservice.system;

import java.time.OffsetDateTime;

/**
 * Dates in parameters have a year of four digits, 0001 to 9999: {@code java.time} reads
 * {@code +99999-01-01T00:00:00Z} and {@code -999999999-...}, which no record has, and which
 * PostgreSQL refuses past its range (a 500) or sorts before the Christian era.
 */
public final class FourDigitYear {

    private FourDigitYear() {
    }

    /** The instant, when its year has four digits; otherwise a 400 naming the parameter. */
    public static OffsetDateTime require(String parameter, OffsetDateTime instant, String given) {
        if (instant.getYear() < 1 || instant.getYear() > 9999) {
            throw new BadParameterException(parameter, parameter + " has a year from 0001 to 9999, got '" + given + "'");
        }
        return instant;
    }
}
