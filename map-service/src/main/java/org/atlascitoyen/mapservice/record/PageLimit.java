package org.atlascitoyen.mapservice.record;

import org.atlascitoyen.mapservice.system.BadParameterException;

/** The {@code limit} of a list: a default when absent, refused above the cap. */
public final class PageLimit {

    private PageLimit() {
    }

    public static int of(Integer limit, int defaultLimit, int max) {
        int n = limit == null ? defaultLimit : limit;
        if (n < 1 || n > max) {
            throw new BadParameterException("limit", "limit must be between 1 and " + max + ", got " + n);
        }
        return n;
    }
}
