package org.atlascitoyen.importers.source;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reading mapped values out of JSON objects: a dotted path, arrays joined with " | ". */
public final class JsonValues {

    private JsonValues() {
    }

    /** The text at a dotted path ("geo.latitude"), null when absent or null. */
    public static String text(JsonNode node, String path) {
        JsonNode value = node;
        for (String part : path.split("\\.")) {
            value = value.path(part);
        }
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : value.values()) {
                String t = item.isObject() ? item.path("name").asString(null) : item.isNull() ? null : item.asString();
                if (t != null && !t.isBlank()) {
                    items.add(t);
                }
            }
            return items.isEmpty() ? null : String.join(" | ", items);
        }
        if (value.isObject()) {
            return value.has("name") ? value.path("name").asString(null) : value.toString();
        }
        return value.asString();
    }

    /** Fills each mapped field of a row from an object's values. */
    public static void fill(SourceRow row, JsonNode node, Mapping mapping) {
        mapping.rules().forEach((field, rule) -> {
            if (rule.column() != null) {
                row.set(field, text(node, rule.column()));
            }
        });
    }
}
