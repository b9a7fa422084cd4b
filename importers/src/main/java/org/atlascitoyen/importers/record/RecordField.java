package org.atlascitoyen.importers.record;

import java.util.Locale;

/**
 * One public value of a record kind: how outputs name it, the SQL that reads it from the kind's
 * public view (aliased {@code r}), its type, and the join it needs, if any. Expressions and joins
 * are constants of {@link RecordKind}, never request text.
 *
 * @param key  unique within a kind; the shapes of {@link RecordKind} list fields by key
 * @param name the property name in JSON, GeoJSON and CSV (two fields may share a name in different
 *             shapes: a list's {@code sources} are names, a detail's are provenance records)
 * @param sql  the expression in the select list; null for a relation
 * @param join the join the expression needs ({@code JOIN ... ON ...}), or null
 */
public record RecordField(String key, String name, String sql, ValueType type, String join) {

    /** The column alias in generated select lists: the key in snake case. */
    public String alias() {
        return snakeCase(key);
    }

    /** A column of the view with the key's name in snake case ({@code bassinVie}: {@code r.bassin_vie}). */
    static RecordField column(String key, ValueType type) {
        return new RecordField(key, key, "r." + snakeCase(key), type, null);
    }

    static RecordField expression(String key, String name, String sql, ValueType type, String join) {
        return new RecordField(key, name, sql, type, join);
    }

    static RecordField relation(String key, String name, ValueType type) {
        return new RecordField(key, name, null, type, null);
    }

    private static String snakeCase(String camelCase) {
        return camelCase.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
