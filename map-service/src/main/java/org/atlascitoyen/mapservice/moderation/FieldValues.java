package org.atlascitoyen.mapservice.moderation;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.atlascitoyen.mapservice.contribution.ProposedFields;

/**
 * The fields of a proposal by their API names, in a fixed order, with the value each proposes:
 * what a diff compares and what {@code field_source} records. An empty text means "clear it" and
 * is shown as null. The place is one field, {@code place}.
 */
public final class FieldValues {

    private FieldValues() {
    }

    /** The proposed fields only (those that are not null). */
    public static Map<String, Object> of(ProposedFields f) {
        Map<String, Object> values = new LinkedHashMap<>();
        put(values, "name", f.name());
        put(values, "type", f.type());
        put(values, "status", f.status());
        put(values, "themes", f.themes());
        put(values, "description", f.description());
        put(values, "lessonsLearned", f.lessonsLearned());
        put(values, "startDate", f.startDate());
        put(values, "endDate", f.endDate());
        put(values, "website", f.website());
        put(values, "address", f.address());
        put(values, "postcode", f.postcode());
        if (f.hasPlace()) {
            Map<String, Object> place = new LinkedHashMap<>();
            if (f.lon() != null) {
                place.put("lon", f.lon());
                place.put("lat", f.lat());
            } else {
                place.put("commune", f.commune());
            }
            values.put("place", place);
        }
        return values;
    }

    private static void put(Map<String, Object> values, String field, Object value) {
        if (value != null) {
            values.put(field, "".equals(value) ? null : value);
        }
    }

    /** The host of a web address in lower case, without "www.": the actors' dedup key (as imports write it). */
    static String websiteHost(String website) {
        if (website == null || website.isEmpty()) {
            return null;
        }
        String host = URI.create(website).getHost();
        if (host == null) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }
}
