package org.atlascitoyen.mapservice.cql2;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whitelist a filter is checked against: each property a client may name, with the SQL
 * expression it stands for (a constant of the service, never request text) and its type.
 */
public record Cql2Schema(Map<String, Property> properties) {

    /** How a property compares. */
    public enum Type {
        /** A string: every comparison, IN, LIKE, BETWEEN. */
        TEXT,
        /** A list of strings (themes): {@code =} and {@code IN} mean "holds", LIKE "holds one like". */
        TEXT_ARRAY,
        /** A timestamp: comparisons with DATE/TIMESTAMP, T_INTERSECTS. */
        TIMESTAMP,
        /** A geometry in EPSG:4326: S_INTERSECTS. */
        GEOMETRY
    }

    /** A property by its name in the filter (the feature property's), its SQL and type. */
    public record Property(String name, String sql, Type type) {
    }

    public Cql2Schema {
        properties = new LinkedHashMap<>(properties);
    }

    public static Cql2Schema of(List<Property> properties) {
        Map<String, Property> byName = new LinkedHashMap<>();
        properties.forEach(p -> byName.put(p.name(), p));
        return new Cql2Schema(byName);
    }

    public Optional<Property> find(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    /** The property of this name, or a 400 that lists the known ones. */
    Property property(String name) {
        return find(name).orElseThrow(() -> new Cql2Exception("Unknown property '" + name + "' in filter; queryables: "
                + String.join(", ", properties.keySet())));
    }
}
