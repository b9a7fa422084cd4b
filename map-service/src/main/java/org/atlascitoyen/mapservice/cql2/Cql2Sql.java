package org.atlascitoyen.mapservice.cql2;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.atlascitoyen.mapservice.record.FilterSql;

/**
 * A {@link Cql2Expr} as an SQL condition: the structure (AND, OR, NOT, operators) comes from the
 * tree, every column from the {@link Cql2Schema}, every value is a bind parameter named
 * {@code cql<n>}. A comparison the property's type cannot take is a 400 naming both.
 */
final class Cql2Sql {

    private final Cql2Schema schema;
    private final Map<String, Object> params = new HashMap<>();

    private Cql2Sql(Cql2Schema schema) {
        this.schema = schema;
    }

    static FilterSql.Where where(Cql2Expr expr, Cql2Schema schema) {
        Cql2Sql sql = new Cql2Sql(schema);
        String condition = sql.condition(expr);
        return new FilterSql.Where("(" + condition + ")", sql.params);
    }

    private String condition(Cql2Expr expr) {
        if (expr instanceof Cql2Expr.And and) {
            return and.args().stream().map(this::condition).collect(Collectors.joining(" AND ", "(", ")"));
        } else if (expr instanceof Cql2Expr.Or or) {
            return or.args().stream().map(this::condition).collect(Collectors.joining(" OR ", "(", ")"));
        } else if (expr instanceof Cql2Expr.Not not) {
            return "NOT (" + condition(not.arg()) + ")";
        } else if (expr instanceof Cql2Expr.Constant constant) {
            return constant.value() ? "TRUE" : "FALSE";
        } else if (expr instanceof Cql2Expr.Compare compare) {
            return compare(schema.property(compare.property()), compare.op(), compare.value());
        } else if (expr instanceof Cql2Expr.Between between) {
            return between(schema.property(between.property()), between);
        } else if (expr instanceof Cql2Expr.In in) {
            return in(schema.property(in.property()), in.values());
        } else if (expr instanceof Cql2Expr.Like like) {
            return like(schema.property(like.property()), like.pattern(), like.ignoreCase() ? " ILIKE " : " LIKE ");
        } else if (expr instanceof Cql2Expr.IsNull isNull) {
            return isNull(schema.property(isNull.property()));
        } else if (expr instanceof Cql2Expr.SIntersects s) {
            return intersects(schema.property(s.property()), s.wkt());
        }
        Cql2Expr.TIntersects t = (Cql2Expr.TIntersects) expr;
        return during(schema.property(t.property()), t.start(), t.end());
    }

    private String compare(Cql2Schema.Property p, String op, Cql2Literal value) {
        return switch (p.type()) {
            case TEXT -> p.sql() + " " + op + " " + bind(text(p, value));
            case TEXT_ARRAY -> switch (op) {
                case "=" -> bind(text(p, value)) + " = ANY(" + p.sql() + ")";
                case "<>" -> "NOT (" + bind(text(p, value)) + " = ANY(" + p.sql() + "))";
                default -> throw new Cql2Exception(p.name() + " is a list: it takes =, <>, IN, LIKE and IS NULL, not " + op);
            };
            case TIMESTAMP -> timeCompare(p, op, value);
            case GEOMETRY -> throw new Cql2Exception(p.name() + " is a geometry: use S_INTERSECTS, not " + op);
        };
    }

    /** A date compares with a timestamp as the whole day (UTC): {@code = DATE} is that day. */
    private String timeCompare(Cql2Schema.Property p, String op, Cql2Literal value) {
        if (value.type() == Cql2Literal.Type.STRING) {
            value = Cql2Literal.instant((String) value.value());
            if (value == null) {
                throw new Cql2Exception(p.name() + " compares with a date or a timestamp, not '..'");
            }
        }
        if (value.type() == Cql2Literal.Type.TIMESTAMP) {
            return p.sql() + " " + op + " " + bind(value.value());
        }
        if (value.type() != Cql2Literal.Type.DATE) {
            throw new Cql2Exception(p.name() + " is a timestamp: compare it with DATE('..') or TIMESTAMP('..'), not "
                    + value.describe());
        }
        LocalDate day = (LocalDate) value.value();
        OffsetDateTime start = day.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime next = start.plusDays(1);
        return switch (op) {
            case "=" -> "(" + p.sql() + " >= " + bind(start) + " AND " + p.sql() + " < " + bind(next) + ")";
            case "<>" -> "(" + p.sql() + " < " + bind(start) + " OR " + p.sql() + " >= " + bind(next) + ")";
            case "<" -> p.sql() + " < " + bind(start);
            case "<=" -> p.sql() + " < " + bind(next);
            case ">" -> p.sql() + " >= " + bind(next);
            default -> p.sql() + " >= " + bind(start); // >=
        };
    }

    private String between(Cql2Schema.Property p, Cql2Expr.Between between) {
        if (p.type() == Cql2Schema.Type.TEXT_ARRAY || p.type() == Cql2Schema.Type.GEOMETRY) {
            throw new Cql2Exception(p.name() + " cannot be compared with BETWEEN");
        }
        return "(" + compare(p, ">=", between.low()) + " AND " + compare(p, "<=", between.high()) + ")";
    }

    private String in(Cql2Schema.Property p, List<Cql2Literal> values) {
        return switch (p.type()) {
            case TEXT -> p.sql() + " IN (" + values.stream().map(v -> bind(text(p, v))).collect(Collectors.joining(", "))
                    + ")";
            case TEXT_ARRAY -> p.sql() + " && CAST(ARRAY[" + bind(values.stream().map(v -> text(p, v)).toList())
                    + "] AS text[])";
            case TIMESTAMP -> values.stream().map(v -> timeCompare(p, "=", v)).collect(Collectors.joining(" OR ", "(", ")"));
            case GEOMETRY -> throw new Cql2Exception(p.name() + " is a geometry: use S_INTERSECTS, not IN");
        };
    }

    private String like(Cql2Schema.Property p, String pattern, String operator) {
        int escapes = 0;
        for (int i = pattern.length() - 1; i >= 0 && pattern.charAt(i) == '\\'; i--) {
            escapes++;
        }
        if (escapes % 2 == 1) { // PostgreSQL refuses a pattern ending with its escape character
            throw new Cql2Exception("A LIKE pattern cannot end with the escape character \\");
        }
        return switch (p.type()) {
            case TEXT -> p.sql() + operator + bind(pattern);
            case TEXT_ARRAY -> "EXISTS (SELECT FROM unnest(" + p.sql() + ") AS v(value) WHERE v.value" + operator
                    + bind(pattern) + ")";
            default -> throw new Cql2Exception(p.name() + " is not a string: LIKE does not apply");
        };
    }

    private String isNull(Cql2Schema.Property p) {
        return p.type() == Cql2Schema.Type.TEXT_ARRAY
                ? "coalesce(cardinality(" + p.sql() + "), 0) = 0"
                : p.sql() + " IS NULL";
    }

    private String intersects(Cql2Schema.Property p, String wkt) {
        if (p.type() != Cql2Schema.Type.GEOMETRY) {
            throw new Cql2Exception("S_INTERSECTS takes the geometry property, not " + p.name());
        }
        // ST_MakeValid: a self-intersecting polygon from a client is repaired rather than failing in GEOS.
        return "ST_Intersects(" + p.sql() + ", ST_MakeValid(ST_GeomFromText(" + bind(wkt) + ", 4326)))";
    }

    /** T_INTERSECTS: the instant lies in the interval, ends included; a date end covers its whole day. */
    private String during(Cql2Schema.Property p, Cql2Literal start, Cql2Literal end) {
        if (p.type() != Cql2Schema.Type.TIMESTAMP) {
            throw new Cql2Exception("T_INTERSECTS takes a temporal property, not " + p.name());
        }
        if (start == null && end == null) {
            return p.sql() + " IS NOT NULL";
        }
        String lower = start == null ? null : timeCompare(p, ">=", start);
        String upper = end == null ? null : timeCompare(p, "<=", end);
        return lower == null ? upper : upper == null ? lower : "(" + lower + " AND " + upper + ")";
    }

    private static String text(Cql2Schema.Property p, Cql2Literal value) {
        if (value.type() != Cql2Literal.Type.STRING) {
            throw new Cql2Exception(p.name() + " is a string: compare it with a 'quoted' value, not " + value.describe());
        }
        return (String) value.value();
    }

    private String bind(Object value) {
        String name = "cql" + params.size();
        params.put(name, value);
        return ":" + name;
    }
}
