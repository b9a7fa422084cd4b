package org.atlascitoyen.mapservice.record;

/**
 * The kinds of record the map serves, each in its table. Actors have a type, initiatives a
 * status: the filter that the other kind lacks is refused rather than ignored.
 */
public enum Dataset {
    ACTORS("actor", "actors"),
    INITIATIVES("initiative", "initiatives");

    private final String table;
    private final String path;

    Dataset(String table, String path) {
        this.table = table;
        this.path = path;
    }

    /** The published table, {@code actor} or {@code initiative}. */
    public String table() {
        return table;
    }

    /** The name in paths and file names, {@code actors} or {@code initiatives}. */
    public String path() {
        return path;
    }
}
