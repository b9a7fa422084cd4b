package org.atlascitoyen.mapservice.cql2;

import java.util.List;

/**
 * A parsed CQL2 filter, the same tree whether it came as text or as JSON. Properties are names as
 * the client wrote them; {@link Cql2Sql} maps them through the collection's whitelist.
 */
public sealed interface Cql2Expr {

    /** Every argument holds. */
    record And(List<Cql2Expr> args) implements Cql2Expr {
    }

    /** At least one argument holds. */
    record Or(List<Cql2Expr> args) implements Cql2Expr {
    }

    record Not(Cql2Expr arg) implements Cql2Expr {
    }

    /** {@code TRUE} or {@code FALSE} as a whole predicate. */
    record Constant(boolean value) implements Cql2Expr {
    }

    /** {@code property op value}, op one of {@code = <> < <= > >=}. */
    record Compare(String property, String op, Cql2Literal value) implements Cql2Expr {
    }

    record Between(String property, Cql2Literal low, Cql2Literal high) implements Cql2Expr {
    }

    record In(String property, List<Cql2Literal> values) implements Cql2Expr {
    }

    /** {@code LIKE} with {@code %} (any characters) and {@code _} (one character); ILIKE ignores case. */
    record Like(String property, String pattern, boolean ignoreCase) implements Cql2Expr {
    }

    record IsNull(String property) implements Cql2Expr {
    }

    /** {@code S_INTERSECTS(property, geometry)}, the geometry as canonical WKT in CRS84. */
    record SIntersects(String property, String wkt) implements Cql2Expr {
    }

    /** {@code T_INTERSECTS(property, instant or interval)}; an instant is an interval with equal ends. */
    record TIntersects(String property, Cql2Literal start, Cql2Literal end) implements Cql2Expr {
    }
}
