package org.atlascitoyen.importers.record;

/**
 * What a {@link RecordField} holds, which says how a row is read and how each output writes it.
 * The relations are not columns of the record's row: they are read by a query of their own.
 */
public enum ValueType {
    /** Text (also codes and keys). */
    TEXT,
    /** A list of texts ({@code text[]}). */
    TEXTS,
    /** Theme codes ({@code text[]}); a record's detail writes each with its label. */
    THEMES,
    BOOLEAN,
    INTEGER,
    /** A calendar day, written as ISO 8601. */
    DATE,
    /** An instant with its offset, written as ISO 8601. */
    TIMESTAMP,
    /** Metres from the point of {@code near}: the sort key of a list around a point, rounded. */
    DISTANCE,
    /** The territories a record lies in, smallest first (a detail's own query). */
    TERRITORIES,
    /** Where a record comes from: each directory and its id there (a detail's own query). */
    PROVENANCE,
    /** Records of another kind linked to this one (a detail's own query, see {@link Link}). */
    LINKED,
    /** The territories a resource person covers, by kind then name (a detail's own query). */
    PERIMETER;

    /** Whether the value is read by a query of its own rather than as a column of the record's row. */
    public boolean isRelation() {
        return this == TERRITORIES || this == PROVENANCE || this == LINKED || this == PERIMETER;
    }
}
