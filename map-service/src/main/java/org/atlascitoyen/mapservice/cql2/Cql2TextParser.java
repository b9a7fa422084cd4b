package org.atlascitoyen.mapservice.cql2;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CQL2 text ({@code filter-lang=cql2-text}), by recursive descent over the grammar of OGC 21-065
 * that the service implements:
 * <pre>
 * or        := and {OR and}
 * and       := not {AND not}
 * not       := NOT not | primary
 * primary   := ( or ) | TRUE | FALSE | S_INTERSECTS(prop, geom) | T_INTERSECTS(prop, temporal)
 *            | prop comp literal | literal comp prop | prop [NOT] LIKE|ILIKE 'pattern'
 *            | prop [NOT] IN (literal {, literal}) | prop [NOT] BETWEEN literal AND literal
 *            | prop IS [NOT] NULL
 * literal   := 'string' | number | TRUE | FALSE | DATE('..') | TIMESTAMP('..')
 * temporal  := DATE('..') | TIMESTAMP('..') | INTERVAL('start'|'..', 'end'|'..')
 * geom      := POINT(..) | LINESTRING(..) | POLYGON(..) | MULTIPOINT(..) | MULTILINESTRING(..)
 *            | MULTIPOLYGON(..) | BBOX(n, n, n, n)
 * </pre>
 * ILIKE (case-insensitive LIKE) is not CQL2 but GDAL sends it for OGR's case-insensitive LIKE.
 * Anything else (functions, arithmetic, other spatial or temporal operators) is refused by name.
 */
final class Cql2TextParser {

    private static final Set<String> COMPARISONS = Set.of("=", "<>", "<", "<=", ">", ">=");
    private static final Set<String> GEOMETRIES = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
            "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION", "BBOX");

    private final List<Cql2Lexer.Token> tokens;
    private final Budget budget;
    private int at;

    private Cql2TextParser(String text, Budget budget) {
        this.tokens = Cql2Lexer.tokens(text);
        this.budget = budget;
    }

    static Cql2Expr parse(String text, Budget budget) {
        Cql2TextParser parser = new Cql2TextParser(text, budget);
        Cql2Expr expr = parser.or();
        if (parser.peek().type() != Cql2Lexer.Kind.END) {
            throw new Cql2Exception("Unexpected " + parser.peek().describe() + " after a complete filter");
        }
        return expr;
    }

    private Cql2Expr or() {
        List<Cql2Expr> args = new ArrayList<>(List.of(and()));
        while (keyword("OR")) {
            args.add(and());
        }
        return args.size() == 1 ? args.get(0) : new Cql2Expr.Or(args);
    }

    private Cql2Expr and() {
        List<Cql2Expr> args = new ArrayList<>(List.of(not()));
        while (keyword("AND")) {
            args.add(not());
        }
        return args.size() == 1 ? args.get(0) : new Cql2Expr.And(args);
    }

    private Cql2Expr not() {
        if (keyword("NOT")) {
            budget.enter();
            Cql2Expr arg = not();
            budget.leave();
            return new Cql2Expr.Not(arg);
        }
        return primary();
    }

    private Cql2Expr primary() {
        Cql2Lexer.Token token = peek();
        if (symbol("(")) {
            budget.enter();
            Cql2Expr inner = or();
            expect(")");
            budget.leave();
            return inner;
        }
        budget.term();
        if (token.type() == Cql2Lexer.Kind.WORD) {
            String word = token.upper();
            if ((word.equals("TRUE") || word.equals("FALSE")) && !isComparison(1)) {
                at++;
                return new Cql2Expr.Constant(word.equals("TRUE"));
            }
            if (word.equals("S_INTERSECTS")) {
                at++;
                expect("(");
                String property = property();
                expect(",");
                String wkt = geometry();
                expect(")");
                return new Cql2Expr.SIntersects(property, wkt);
            }
            if (word.equals("T_INTERSECTS")) {
                at++;
                expect("(");
                String property = property();
                expect(",");
                Cql2Expr.TIntersects t = temporal(property);
                expect(")");
                return t;
            }
            if (peekAt(1).isSymbol("(") && !word.equals("DATE") && !word.equals("TIMESTAMP")) {
                throw new Cql2Exception("Unsupported function or operator " + token.text() + "(...): the service"
                        + " supports comparisons, IN, LIKE, BETWEEN, IS NULL, AND, OR, NOT, S_INTERSECTS and T_INTERSECTS");
            }
        }
        if (literalFirst(token)) {
            // A literal first: literal comp property.
            Cql2Literal value = literal();
            String op = comparison();
            return new Cql2Expr.Compare(property(), flip(op), value);
        }
        String property = property();
        boolean negated = keyword("NOT");
        Cql2Expr predicate;
        boolean like = keyword("LIKE");
        if (like || keyword("ILIKE")) {
            Cql2Literal pattern = literal();
            if (pattern.type() != Cql2Literal.Type.STRING) {
                throw new Cql2Exception("LIKE takes a 'pattern' in quotes, got " + pattern.describe());
            }
            predicate = new Cql2Expr.Like(property, (String) pattern.value(), !like);
        } else if (keyword("IN")) {
            expect("(");
            List<Cql2Literal> values = new ArrayList<>();
            do {
                budget.term();
                values.add(literal());
            } while (symbol(","));
            expect(")");
            predicate = new Cql2Expr.In(property, values);
        } else if (keyword("BETWEEN")) {
            Cql2Literal low = literal();
            if (!keyword("AND")) {
                throw new Cql2Exception("BETWEEN low AND high: expected AND, got " + peek().describe());
            }
            predicate = new Cql2Expr.Between(property, low, literal());
        } else if (!negated && keyword("IS")) {
            boolean not = keyword("NOT");
            if (!keyword("NULL")) {
                throw new Cql2Exception("Expected NULL after IS, got " + peek().describe());
            }
            return not ? new Cql2Expr.Not(new Cql2Expr.IsNull(property)) : new Cql2Expr.IsNull(property);
        } else if (!negated) {
            String op = comparison();
            return new Cql2Expr.Compare(property, op, literal());
        } else {
            throw new Cql2Exception("Expected LIKE, ILIKE, IN or BETWEEN after NOT, got " + peek().describe());
        }
        return negated ? new Cql2Expr.Not(predicate) : predicate;
    }

    private Cql2Expr.TIntersects temporal(String property) {
        Cql2Lexer.Token token = peek();
        String word = token.type() == Cql2Lexer.Kind.WORD ? token.upper() : "";
        if (word.equals("INTERVAL")) {
            at++;
            expect("(");
            Cql2Literal start = Cql2Literal.instant(string());
            expect(",");
            Cql2Literal end = Cql2Literal.instant(string());
            expect(")");
            return new Cql2Expr.TIntersects(property, start, end);
        }
        if (word.equals("DATE") || word.equals("TIMESTAMP")) {
            Cql2Literal instant = literal();
            return new Cql2Expr.TIntersects(property, instant, instant);
        }
        throw new Cql2Exception("T_INTERSECTS takes DATE('..'), TIMESTAMP('..') or INTERVAL('..', '..'), got "
                + token.describe());
    }

    private String geometry() {
        Cql2Lexer.Token token = peek();
        String type = token.type() == Cql2Lexer.Kind.WORD ? token.upper() : "";
        if (!GEOMETRIES.contains(type)) {
            throw new Cql2Exception("Expected a geometry (POINT, POLYGON, BBOX...), got " + token.describe());
        }
        at++;
        if (type.equals("GEOMETRYCOLLECTION")) {
            throw new Cql2Exception("Unsupported geometry GEOMETRYCOLLECTION: intersect with each geometry, OR-ed");
        }
        if (type.equals("BBOX")) {
            expect("(");
            List<Double> numbers = new ArrayList<>();
            do {
                numbers.add(number());
            } while (symbol(","));
            expect(")");
            return Cql2Geometry.bbox(numbers);
        }
        return Cql2Geometry.wkt(type, coords());
    }

    /** {@code (x y, x y)} or nested lists of them. */
    private Cql2Geometry.Coords coords() {
        expect("(");
        budget.enter();
        List<Cql2Geometry.Coords> items = new ArrayList<>();
        do {
            if (peek().isSymbol("(")) {
                items.add(coords());
            } else {
                budget.coordinate();
                double lon = number();
                double lat = number();
                if (peek().type() == Cql2Lexer.Kind.NUMBER) {
                    throw new Cql2Exception("Geometries are 2D (longitude latitude); got a third coordinate");
                }
                items.add(Cql2Geometry.position(lon, lat));
            }
        } while (symbol(","));
        expect(")");
        budget.leave();
        return new Cql2Geometry.Nested(items);
    }

    private Cql2Literal literal() {
        Cql2Lexer.Token token = peek();
        switch (token.type()) {
            case STRING -> {
                at++;
                return Cql2Literal.string(token.text());
            }
            case NUMBER -> {
                at++;
                return Cql2Literal.number(new BigDecimal(token.text()));
            }
            case WORD -> {
                String word = token.upper();
                if (word.equals("TRUE") || word.equals("FALSE")) {
                    at++;
                    return Cql2Literal.bool(word.equals("TRUE"));
                }
                if (word.equals("DATE") || word.equals("TIMESTAMP")) {
                    at++;
                    expect("(");
                    String text = string();
                    expect(")");
                    return word.equals("DATE") ? Cql2Literal.date(text) : Cql2Literal.timestamp(text);
                }
            }
            default -> {
            }
        }
        throw new Cql2Exception("Expected a value ('text', number, DATE(..), TIMESTAMP(..)), got " + token.describe());
    }

    private String property() {
        Cql2Lexer.Token token = peek();
        if (token.type() == Cql2Lexer.Kind.QUOTED_NAME
                || token.type() == Cql2Lexer.Kind.WORD && !Cql2Lexer.RESERVED.contains(token.upper())) {
            at++;
            return token.text();
        }
        throw new Cql2Exception("Expected a property name, got " + token.describe());
    }

    private String comparison() {
        Cql2Lexer.Token token = peek();
        if (token.type() == Cql2Lexer.Kind.SYMBOL && COMPARISONS.contains(token.text())) {
            at++;
            return token.text();
        }
        throw new Cql2Exception("Expected a comparison (=, <>, <, <=, >, >=), LIKE, IN, BETWEEN or IS NULL, got "
                + token.describe());
    }

    /** A literal where a property usually stands: {@code 'x' = type}, {@code DATE('..') < updatedAt}. */
    private boolean literalFirst(Cql2Lexer.Token token) {
        return switch (token.type()) {
            case STRING, NUMBER -> true;
            case WORD -> List.of("TRUE", "FALSE", "DATE", "TIMESTAMP").contains(token.upper());
            default -> false;
        };
    }

    private boolean isComparison(int ahead) {
        Cql2Lexer.Token token = peekAt(ahead);
        return token.type() == Cql2Lexer.Kind.SYMBOL && COMPARISONS.contains(token.text());
    }

    private static String flip(String op) {
        return switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
        };
    }

    private String string() {
        Cql2Lexer.Token token = peek();
        if (token.type() != Cql2Lexer.Kind.STRING) {
            throw new Cql2Exception("Expected a 'quoted' value, got " + token.describe());
        }
        at++;
        return token.text();
    }

    private double number() {
        Cql2Lexer.Token token = peek();
        if (token.type() != Cql2Lexer.Kind.NUMBER) {
            throw new Cql2Exception("Expected a number, got " + token.describe());
        }
        at++;
        return Double.parseDouble(token.text());
    }

    private boolean keyword(String word) {
        Cql2Lexer.Token token = peek();
        if (token.type() == Cql2Lexer.Kind.WORD && token.upper().equals(word)) {
            at++;
            return true;
        }
        return false;
    }

    private boolean symbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String symbol) {
        if (!symbol(symbol)) {
            throw new Cql2Exception("Expected '" + symbol + "', got " + peek().describe());
        }
    }

    private Cql2Lexer.Token peek() {
        return peekAt(0);
    }

    private Cql2Lexer.Token peekAt(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }
}
