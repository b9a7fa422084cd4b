package org.atlascitoyen.mapservice.cql2;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CQL2 JSON ({@code filter-lang=cql2-json}): {@code {"op": "=", "args": [{"property": "type"},
 * "association"]}} and its kin, read into the same {@link Cql2Expr} tree as the text encoding, with
 * the same constructs and limits.
 */
final class Cql2JsonParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Budget budget;

    private Cql2JsonParser(Budget budget) {
        this.budget = budget;
    }

    static Cql2Expr parse(String text, Budget budget) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new Cql2Exception("Not valid JSON: " + e.getOriginalMessage());
        }
        return new Cql2JsonParser(budget).expr(root);
    }

    private Cql2Expr expr(JsonNode node) {
        if (node != null && node.isBoolean()) {
            budget.term();
            return new Cql2Expr.Constant(node.booleanValue());
        }
        if (node == null || !node.isObject() || !node.has("op") || !node.get("op").isString()) {
            throw new Cql2Exception("Expected {\"op\": ..., \"args\": [...]}, got " + shorten(node));
        }
        String op = node.get("op").stringValue().toLowerCase(Locale.ROOT);
        JsonNode args = node.get("args");
        if (args == null || !args.isArray()) {
            throw new Cql2Exception("\"" + op + "\" needs an \"args\" array");
        }
        budget.enter();
        try {
            return switch (op) {
                case "and", "or" -> {
                    List<Cql2Expr> list = new ArrayList<>();
                    for (JsonNode arg : args) {
                        list.add(expr(arg));
                    }
                    if (list.size() < 2) {
                        throw new Cql2Exception("\"" + op + "\" takes at least 2 args");
                    }
                    yield op.equals("and") ? new Cql2Expr.And(list) : new Cql2Expr.Or(list);
                }
                case "not" -> new Cql2Expr.Not(expr(arg(args, 0, 1, op)));
                case "=", "<>", "<", "<=", ">", ">=" -> {
                    budget.term();
                    JsonNode left = arg(args, 0, 2, op);
                    JsonNode right = arg(args, 1, 2, op);
                    if (isProperty(right) && !isProperty(left)) {
                        yield new Cql2Expr.Compare(property(right), flip(op), literal(left));
                    }
                    yield new Cql2Expr.Compare(property(left), op, literal(right));
                }
                case "like" -> {
                    budget.term();
                    Cql2Literal pattern = literal(arg(args, 1, 2, op));
                    if (pattern.type() != Cql2Literal.Type.STRING) {
                        throw new Cql2Exception("like takes a string pattern");
                    }
                    yield new Cql2Expr.Like(property(arg(args, 0, 2, op)), (String) pattern.value(), false);
                }
                case "in" -> {
                    budget.term();
                    JsonNode list = arg(args, 1, 2, op);
                    if (!list.isArray() || list.isEmpty()) {
                        throw new Cql2Exception("in takes a property and a non-empty array of values");
                    }
                    List<Cql2Literal> values = new ArrayList<>();
                    for (JsonNode value : list) {
                        budget.term();
                        values.add(literal(value));
                    }
                    yield new Cql2Expr.In(property(arg(args, 0, 2, op)), values);
                }
                case "between" -> {
                    budget.term();
                    yield new Cql2Expr.Between(property(arg(args, 0, 3, op)), literal(arg(args, 1, 3, op)),
                            literal(arg(args, 2, 3, op)));
                }
                case "isnull" -> {
                    budget.term();
                    yield new Cql2Expr.IsNull(property(arg(args, 0, 1, op)));
                }
                case "s_intersects" -> {
                    budget.term();
                    yield new Cql2Expr.SIntersects(property(arg(args, 0, 2, op)), geometry(arg(args, 1, 2, op)));
                }
                case "t_intersects" -> {
                    budget.term();
                    yield temporal(property(arg(args, 0, 2, op)), arg(args, 1, 2, op));
                }
                default -> throw new Cql2Exception("Unsupported operator \"" + op + "\": the service supports and, or,"
                        + " not, =, <>, <, <=, >, >=, like, in, between, isNull, s_intersects and t_intersects");
            };
        } finally {
            budget.leave();
        }
    }

    private static JsonNode arg(JsonNode args, int index, int count, String op) {
        if (args.size() != count) {
            throw new Cql2Exception("\"" + op + "\" takes " + count + " args, got " + args.size());
        }
        return args.get(index);
    }

    private static boolean isProperty(JsonNode node) {
        return node.isObject() && node.has("property");
    }

    private static String property(JsonNode node) {
        if (!isProperty(node) || !node.get("property").isString() || node.size() != 1) {
            throw new Cql2Exception("Expected {\"property\": \"name\"}, got " + shorten(node));
        }
        return node.get("property").stringValue();
    }

    private static Cql2Literal literal(JsonNode node) {
        if (node.isString()) {
            return Cql2Literal.string(node.stringValue());
        }
        if (node.isNumber()) {
            return Cql2Literal.number(node.decimalValue());
        }
        if (node.isBoolean()) {
            return Cql2Literal.bool(node.booleanValue());
        }
        if (node.isObject() && node.size() == 1 && node.has("date") && node.get("date").isString()) {
            return Cql2Literal.date(node.get("date").stringValue());
        }
        if (node.isObject() && node.size() == 1 && node.has("timestamp") && node.get("timestamp").isString()) {
            return Cql2Literal.timestamp(node.get("timestamp").stringValue());
        }
        throw new Cql2Exception("Expected a value (string, number, boolean, {\"date\"}, {\"timestamp\"}), got "
                + shorten(node));
    }

    private static Cql2Expr.TIntersects temporal(String property, JsonNode node) {
        if (node.isObject() && node.size() == 1 && node.has("interval") && node.get("interval").isArray()
                && node.get("interval").size() == 2) {
            JsonNode ends = node.get("interval");
            return new Cql2Expr.TIntersects(property, end(ends.get(0)), end(ends.get(1)));
        }
        Cql2Literal instant = literal(node);
        if (instant.type() != Cql2Literal.Type.DATE && instant.type() != Cql2Literal.Type.TIMESTAMP) {
            throw new Cql2Exception("t_intersects takes {\"date\"}, {\"timestamp\"} or {\"interval\": [a, b]}");
        }
        return new Cql2Expr.TIntersects(property, instant, instant);
    }

    private static Cql2Literal end(JsonNode node) {
        if (node.isString()) {
            return Cql2Literal.instant(node.stringValue());
        }
        Cql2Literal literal = literal(node);
        if (literal.type() != Cql2Literal.Type.DATE && literal.type() != Cql2Literal.Type.TIMESTAMP) {
            throw new Cql2Exception("An interval's ends are dates, timestamps or \"..\"");
        }
        return literal;
    }

    private String geometry(JsonNode node) {
        if (node.isObject() && node.has("bbox") && node.get("bbox").isArray()) {
            List<Double> numbers = new ArrayList<>();
            for (JsonNode n : node.get("bbox")) {
                numbers.add(number(n));
            }
            return Cql2Geometry.bbox(numbers);
        }
        if (!node.isObject() || !node.has("type") || !node.get("type").isString() || !node.has("coordinates")) {
            throw new Cql2Exception("Expected a GeoJSON geometry or {\"bbox\": [...]}, got " + shorten(node));
        }
        return Cql2Geometry.wkt(node.get("type").stringValue().toUpperCase(Locale.ROOT), coords(node.get("coordinates")));
    }

    private Cql2Geometry.Coords coords(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw new Cql2Exception("GeoJSON coordinates are non-empty arrays");
        }
        if (node.get(0).isNumber()) {
            if (node.size() != 2) {
                throw new Cql2Exception("Positions are 2D [longitude, latitude]");
            }
            budget.coordinate();
            return Cql2Geometry.position(number(node.get(0)), number(node.get(1)));
        }
        budget.enter();
        List<Cql2Geometry.Coords> items = new ArrayList<>();
        for (JsonNode item : node) {
            items.add(coords(item));
        }
        budget.leave();
        return new Cql2Geometry.Nested(items);
    }

    private static double number(JsonNode node) {
        if (!node.isNumber()) {
            throw new Cql2Exception("Expected a number, got " + shorten(node));
        }
        return node.doubleValue();
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

    private static String shorten(JsonNode node) {
        String text = String.valueOf(node);
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
