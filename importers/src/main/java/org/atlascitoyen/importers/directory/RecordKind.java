package org.atlascitoyen.importers.directory;

/** What a directory file holds: actors or initiatives. */
public enum RecordKind {
    ACTOR("actor", "actors"),
    INITIATIVE("initiative", "initiatives");

    private final String table;
    private final String plural;

    RecordKind(String table, String plural) {
        this.table = table;
        this.plural = plural;
    }

    /** The published table, also the record_kind value of import runs. */
    public String table() {
        return table;
    }

    /** The command-line word. */
    public String plural() {
        return plural;
    }
}
