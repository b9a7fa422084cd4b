package org.atlascitoyen.mapservice.cql2;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of a CQL2 {@code filter} ({@code atlas.cql2.*}): a filter is parsed and turned into SQL on
 * every request, so its size is capped before any work, and the SQL it yields stays small.
 *
 * @param maxLength      characters of the filter text (or JSON); every query parameter is also capped at
 *                       {@code ParameterText.MAX_LENGTH} (2000) before it is read
 * @param maxDepth       nesting of parentheses, NOT and JSON objects (the parser is recursive)
 * @param maxTerms       predicates plus values of IN lists: bounds the SQL and its bind parameters
 * @param maxCoordinates coordinates of all the geometries of a filter
 */
@ConfigurationProperties("atlas.cql2")
public record Cql2Properties(
        @DefaultValue("2000") int maxLength,
        @DefaultValue("12") int maxDepth,
        @DefaultValue("100") int maxTerms,
        @DefaultValue("1000") int maxCoordinates) {

    /** The defaults, for tests and tools outside Spring. */
    public static Cql2Properties defaults() {
        return new Cql2Properties(2000, 12, 100, 1000);
    }
}
