package org.atlascitoyen.mapservice.record;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.atlascitoyen.mapservice.system.BadParameterException;

/**
 * Where the next page starts: the sort key and id of the last record of a page (keyset paging,
 * so pages stay stable and cheap however deep). Opaque to clients: base64url of
 * {@code SORT:KEY:ID}; a cursor made for another order is refused.
 *
 * @param key the last record's distance, rank or start (epoch seconds; unused when sorting by id)
 */
public record Cursor(Filter.Sort sort, double key, long id) {

    public String encode() {
        String plain = sort.letter() + ":" + (sort == Filter.Sort.ID ? "" : Double.toString(key)) + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor of a {@code cursor} parameter for a list in this order; null when absent. */
    public static Cursor decode(String value, Filter.Sort sort) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.UTF_8).split(":", -1);
            if (parts.length != 3 || parts[0].length() != 1) {
                throw bad(value);
            }
            if (parts[0].charAt(0) != sort.letter()) {
                throw new BadParameterException("cursor", "This cursor belongs to a list in another order; "
                        + "keep the same near and q as the page that gave it");
            }
            double key = sort == Filter.Sort.ID ? 0 : Double.parseDouble(parts[1]);
            if (!Double.isFinite(key)) {
                throw bad(value);
            }
            return new Cursor(sort, key, Long.parseLong(parts[2]));
        } catch (IllegalArgumentException e) { // bad base64 or number
            throw bad(value);
        }
    }

    private static BadParameterException bad(String value) {
        return new BadParameterException("cursor", "cursor is the 'next' value of the previous page, got '" + value + "'");
    }
}
