package org.atlascitoyen.importers.record;

/**
 * The controlled vocabulary that sorts records of a kind: an actor's type, an initiative's
 * status. It names a filter parameter, a column, the vocabulary table holding codes and labels,
 * and what a tile or a cluster shows of a single record.
 *
 * @param parameter the filter parameter and property name ({@code type}, {@code status}, {@code eventType})
 * @param column    the record's column holding the code ({@code type}, {@code event_type})
 * @param table     the vocabulary table ({@code code}, {@code label}, {@code synonyms})
 * @param order     the order of its codes in lists and forms ({@code code}, or {@code rank})
 * @param title     what the parameter filters, in French, for OGC queryables
 */
public record Category(String parameter, String column, String table, String order, String title) {

    /** A category whose column is named as its parameter. */
    public Category(String parameter, String table, String order, String title) {
        this(parameter, parameter, table, order, title);
    }

    /** The property that carries the code's label. */
    public String labelName() {
        return parameter + "Label";
    }
}
