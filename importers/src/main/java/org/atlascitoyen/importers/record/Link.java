package org.atlascitoyen.importers.record;

/**
 * Records of another kind that a record's detail lists (the initiatives an actor carries, the
 * actors carrying an initiative), read by a named query that gives, for {@code :id}, each linked
 * record's {@code id}, {@code name}, {@code code} and {@code label} of its category.
 *
 * @param name  the property of the detail
 * @param other the kind of the linked records, by table name (enum constants cannot refer to later ones)
 * @param sql   the query, a resource name such as {@code sql/record/actor-initiatives.sql}
 */
public record Link(String name, String other, String sql) {

    public RecordKind otherKind() {
        return RecordKind.byTable(other);
    }
}
