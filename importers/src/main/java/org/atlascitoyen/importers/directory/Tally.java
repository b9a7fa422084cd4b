package org.atlascitoyen.importers.directory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of what the cleaner noticed and worked around without rejecting the row ("latitude and
 * longitude swapped", "unknown theme 'Pétanque'"), for the report. The number of distinct values
 * kept per kind is bounded, so that a file of garbage cannot grow it without end.
 */
public final class Tally {

    private static final int VALUES_PER_KIND = 50;

    private final Map<String, Map<String, Long>> counts = new TreeMap<>();

    public void add(String kind, String value) {
        Map<String, Long> values = counts.computeIfAbsent(kind, k -> new LinkedHashMap<>());
        String key = value == null ? "" : value.length() > 80 ? value.substring(0, 80) + "…" : value;
        if (values.containsKey(key) || values.size() < VALUES_PER_KIND) {
            values.merge(key, 1L, Long::sum);
        } else {
            values.merge("(other values)", 1L, Long::sum);
        }
    }

    public void add(String kind) {
        add(kind, "");
    }

    /** Adds the counts of another tally (a worker's, see ParallelStaging), with the same bound on values. */
    public void addAll(Tally other) {
        other.counts.forEach((kind, values) -> values.forEach((value, n) -> {
            Map<String, Long> mine = counts.computeIfAbsent(kind, k -> new LinkedHashMap<>());
            String key = mine.containsKey(value) || mine.size() < VALUES_PER_KIND ? value : "(other values)";
            mine.merge(key, n, Long::sum);
        }));
    }

    /** Kind -> value -> count; the value is "" for plain counts. */
    public Map<String, Map<String, Long>> counts() {
        return counts;
    }
}
