package org.atlascitoyen.mapservice.ratelimit;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * A rate limit: at most {@code capacity} requests per {@code period}, refilled gradually (a token
 * bucket). Written {@code CAPACITY/PERIOD} in settings, the period in ISO 8601:
 * {@code 5/PT1H} is 5 an hour.
 */
public record Limit(long capacity, Duration period) {

    public Limit {
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a capacity of 1 or more and a positive period, got "
                    + capacity + "/" + period);
        }
    }

    /** Reads {@code CAPACITY/PERIOD}, e.g. {@code 10/PT1H}. */
    public static Limit parse(String text) {
        String[] parts = text.strip().split("/", 2);
        try {
            return new Limit(Long.parseLong(parts[0].strip()), Duration.parse(parts[1].strip()));
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("a rate limit is CAPACITY/PERIOD such as 10/PT1H, got '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return capacity + "/" + period;
    }
}
