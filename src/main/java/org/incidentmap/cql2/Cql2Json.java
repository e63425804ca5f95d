package org.incidentmap.cql2;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.incidentmap.geo.GeoJsonGeometryReader;
import org.incidentmap.geo.GeometryLimits;
import org.incidentmap.geo.GeometryRules;
import org.incidentmap.geo.InvalidGeometryException;
import org.incidentmap.geo.StrictJson;

/**
 * Reads a CQL2-JSON filter (OGC 21-065, cql2-json) into an {@link Expr}. Every node's {@code at} indexes
 * {@link #pointers()}, the JSON pointer of that node, which error messages name.
 */
public final class Cql2Json {

    private static final Set<String> COMPARISONS = Set.of("=", "<>", "<", ">", "<=", ">=");
    private static final Set<String> ARITHMETIC = Set.of("+", "-", "*", "/", "%", "div", "^");
    private static final Set<String> GEOJSON_TYPES = Set.of("Point", "LineString", "Polygon", "MultiPoint",
            "MultiLineString", "MultiPolygon", "GeometryCollection");

    private final GeometryLimits limits;
    private final List<String> pointers = new ArrayList<>();

    private Cql2Json(GeometryLimits limits) {
        this.limits = limits;
    }

    /** The filter in {@code text} and the JSON pointers of its nodes (an error's {@code at} indexes them). */
    public record Parsed(Expr filter, List<String> pointers) {
    }

    public static Parsed parse(String text, GeometryLimits limits) {
        JsonNode root;
        try {
            root = StrictJson.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new Cql2Exception(0, "not valid JSON: " + StrictJson.describe(e)).locatedAt(null);
        }
        Cql2Json reader = new Cql2Json(limits);
        try {
            return new Parsed(reader.read(root, ""), reader.pointers);
        } catch (Cql2Exception e) {
            throw e.locatedAt(reader.pointer(e.at()));
        }
    }

    /** The JSON pointer of node {@code at}, as error messages name it. */
    String pointer(int at) {
        return at < pointers.size() ? "at " + pointers.get(at) : null;
    }

    private int at(String pointer) {
        pointers.add(pointer.isEmpty() ? "/" : pointer);
        return pointers.size() - 1;
    }

    private Expr read(JsonNode node, String pointer) {
        int at = at(pointer);
        if (node == null || node.isNull()) {
            throw new Cql2Exception(at, "null is not a CQL2 expression (use the isNull operator to test for no value)");
        }
        if (node.isTextual()) {
            return new Expr.Text(node.asText(), at);
        }
        if (node.isNumber()) {
            return Literals.number(node.asText(), at);
        }
        if (node.isBoolean()) {
            return new Expr.Bool(node.asBoolean(), at);
        }
        if (node.isArray()) {
            return new Expr.Array(list(node, pointer), at);
        }
        if (node.has("op")) {
            return operation(node, pointer, at);
        }
        if (node.has("property")) {
            return new Expr.Property(text(node.get("property"), pointer + "/property", at), at);
        }
        if (node.has("date")) {
            return Literals.date(text(node.get("date"), pointer + "/date", at), at);
        }
        if (node.has("timestamp")) {
            return Literals.timestamp(text(node.get("timestamp"), pointer + "/timestamp", at), at);
        }
        if (node.has("interval")) {
            JsonNode ends = node.get("interval");
            if (!ends.isArray() || ends.size() != 2) {
                throw new Cql2Exception(at, "an interval is an array of two ends, such as [\"2025-03-01\", \"..\"]");
            }
            List<Expr> both = list(ends, pointer + "/interval");
            return new Expr.Interval(Literals.intervalEnd(both.get(0)), Literals.intervalEnd(both.get(1)), at);
        }
        if (node.has("bbox")) {
            return Literals.bbox(list(node.get("bbox"), pointer + "/bbox"), at);
        }
        if (node.has("type") && GEOJSON_TYPES.contains(node.get("type").asText())) {
            try {
                var geometry = GeoJsonGeometryReader.read(node, limits);
                GeometryRules.check(geometry, limits);
                return new Expr.GeometryLiteral(geometry, at);
            } catch (InvalidGeometryException e) {
                throw new Cql2Exception(at, "invalid geometry: " + e.getMessage());
            }
        }
        throw new Cql2Exception(at, "not a CQL2 expression: expected a literal, {\"property\": ...}, {\"op\": ..., "
                + "\"args\": [...]}, {\"date\"/\"timestamp\"/\"interval\"/\"bbox\": ...} or a GeoJSON geometry");
    }

    private List<Expr> list(JsonNode array, String pointer) {
        if (array == null || !array.isArray()) {
            throw new Cql2Exception(at(pointer), "expected an array");
        }
        List<Expr> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            items.add(read(array.get(i), pointer + "/" + i));
        }
        return items;
    }

    private static String text(JsonNode node, String pointer, int at) {
        if (node == null || !node.isTextual()) {
            throw new Cql2Exception(at, pointer + " must be a string");
        }
        return node.asText();
    }

    private Expr operation(JsonNode node, String pointer, int at) {
        String op = text(node.get("op"), pointer + "/op", at).toLowerCase(Locale.ROOT);
        JsonNode argsNode = node.get("args");
        List<Expr> args = argsNode == null ? List.of() : list(argsNode, pointer + "/args");
        if (COMPARISONS.contains(op)) {
            count(op, args, 2, at);
            return new Expr.Compare(op, args.get(0), args.get(1), at);
        }
        if (ARITHMETIC.contains(op)) {
            count(op, args, 2, at);
            return new Expr.Arithmetic(op, args.get(0), args.get(1), at);
        }
        return switch (op) {
            case "and", "or" -> {
                if (args.size() < 2) {
                    throw new Cql2Exception(at, op + " takes at least 2 arguments");
                }
                yield op.equals("and") ? new Expr.And(args, at) : new Expr.Or(args, at);
            }
            case "not" -> new Expr.Not(count(op, args, 1, at).get(0), at);
            case "like" -> new Expr.Like(count(op, args, 2, at).get(0), args.get(1), at);
            case "between" -> new Expr.Between(count(op, args, 3, at).get(0), args.get(1), args.get(2), at);
            case "in" -> {
                count(op, args, 2, at);
                if (!(args.get(1) instanceof Expr.Array list)) {
                    throw new Cql2Exception(args.get(1).at(), "the second argument of in is an array of values");
                }
                yield new Expr.In(args.get(0), list.items(), at);
            }
            case "isnull" -> new Expr.IsNull(count(op, args, 1, at).get(0), at);
            default -> Literals.call(op, args, at);
        };
    }

    private static List<Expr> count(String op, List<Expr> args, int n, int at) {
        if (args.size() != n) {
            throw new Cql2Exception(at, op + " takes " + n + " argument" + (n == 1 ? "" : "s") + ", got " + args.size());
        }
        return args;
    }
}
