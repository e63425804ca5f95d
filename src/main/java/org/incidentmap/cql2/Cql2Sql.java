package org.incidentmap.cql2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.incidentmap.cql2.Queryable.Type;
import org.incidentmap.geo.Rfc3339;
import org.incidentmap.ogcapi.SqlFilter;
import org.locationtech.jts.io.WKBWriter;

/**
 * Translates a CQL2 filter into one SQL condition on a collection's table (aliased {@code f}), checking every
 * property against the collection's queryables and every operand's type. Literals are bound as parameters
 * ({@code :cql1}, {@code :cql2}...), never written into the SQL.
 */
final class Cql2Sql {

    private static final Map<String, String> SPATIAL = Map.of("S_INTERSECTS", "ST_Intersects",
            "S_EQUALS", "ST_Equals", "S_DISJOINT", "ST_Disjoint", "S_TOUCHES", "ST_Touches", "S_WITHIN", "ST_Within",
            "S_OVERLAPS", "ST_Overlaps", "S_CROSSES", "ST_Crosses", "S_CONTAINS", "ST_Contains");
    private static final Map<String, String> ARRAY = Map.of("A_EQUALS", "=", "A_CONTAINS", "@>",
            "A_CONTAINEDBY", "<@", "A_OVERLAPS", "&&");
    /** Allen's relations between time spans a and b, each [start, end]; an instant's start is its end. */
    private static final Map<String, String> TEMPORAL = Map.ofEntries(
            Map.entry("T_AFTER", "%1$s > %4$s"),
            Map.entry("T_BEFORE", "%2$s < %3$s"),
            Map.entry("T_CONTAINS", "%1$s < %3$s AND %2$s > %4$s"),
            Map.entry("T_DISJOINT", "(%2$s < %3$s OR %1$s > %4$s)"),
            Map.entry("T_DURING", "%1$s > %3$s AND %2$s < %4$s"),
            Map.entry("T_EQUALS", "%1$s = %3$s AND %2$s = %4$s"),
            Map.entry("T_FINISHEDBY", "%1$s < %3$s AND %2$s = %4$s"),
            Map.entry("T_FINISHES", "%1$s > %3$s AND %2$s = %4$s"),
            Map.entry("T_INTERSECTS", "%1$s <= %4$s AND %2$s >= %3$s"),
            Map.entry("T_MEETS", "%2$s = %3$s"),
            Map.entry("T_METBY", "%1$s = %4$s"),
            Map.entry("T_OVERLAPPEDBY", "%1$s > %3$s AND %1$s < %4$s AND %2$s > %4$s"),
            Map.entry("T_OVERLAPS", "%1$s < %3$s AND %2$s > %3$s AND %2$s < %4$s"),
            Map.entry("T_STARTEDBY", "%1$s = %3$s AND %2$s > %4$s"),
            Map.entry("T_STARTS", "%1$s = %3$s AND %2$s < %4$s"));
    private static final List<String> OTHER_FUNCTIONS = List.of("CASEI", "ACCENTI", "S_DWITHIN");

    private final Queryables queryables;
    private final double maxRadiusMetres;
    private final boolean likeIgnoresCase;
    private final SqlFilter out;
    /** What the names of the bound values start with, so that two translations can share one query. */
    private final String prefix;
    private int parameters;

    private Cql2Sql(Queryables queryables, double maxRadiusMetres, boolean likeIgnoresCase, SqlFilter out,
            String prefix) {
        this.prefix = prefix;
        this.queryables = queryables;
        this.maxRadiusMetres = maxRadiusMetres;
        this.likeIgnoresCase = likeIgnoresCase;
        this.out = out;
    }

    /** Adds {@code filter} to {@code out} as one condition, its literals bound there. */
    static void addTo(SqlFilter out, Expr filter, Queryables queryables, double maxRadiusMetres) {
        addTo(out, filter, queryables, maxRadiusMetres, false);
    }

    /**
     * As {@link #addTo(SqlFilter, Expr, Queryables, double)}; {@code likeIgnoresCase} for GDAL's dialect
     * (cql-text), whose LIKE, as in OGR SQL, ignores case.
     */
    static void addTo(SqlFilter out, Expr filter, Queryables queryables, double maxRadiusMetres,
            boolean likeIgnoresCase) {
        addTo(out, filter, queryables, maxRadiusMetres, likeIgnoresCase, "cql");
    }

    /** As above, the bound values named {@code prefix}1, {@code prefix}2... */
    static void addTo(SqlFilter out, Expr filter, Queryables queryables, double maxRadiusMetres,
            boolean likeIgnoresCase, String prefix) {
        Cql2Sql translator = new Cql2Sql(queryables, maxRadiusMetres, likeIgnoresCase, out, prefix);
        out.and("(" + translator.condition(filter) + ")");
    }

    /** Functions the service knows, for the message about one it does not. */
    static List<String> functions() {
        List<String> all = new ArrayList<>(OTHER_FUNCTIONS);
        all.addAll(SPATIAL.keySet());
        all.addAll(TEMPORAL.keySet());
        all.addAll(ARRAY.keySet());
        all.sort(null);
        return all;
    }

    /** A scalar's SQL and its type; {@code end} differs from {@code sql} for a date (the last instant of its day). */
    private record Value(String sql, Type type, String end, Expr source) {
        Value(String sql, Type type, Expr source) {
            this(sql, type, sql, source);
        }

        boolean isDay() {
            return !end.equals(sql);
        }
    }

    private String condition(Expr e) {
        if (e instanceof Expr.And and) {
            return and.args().stream().map(a -> "(" + condition(a) + ")").collect(Collectors.joining(" AND "));
        }
        if (e instanceof Expr.Or or) {
            return or.args().stream().map(a -> "(" + condition(a) + ")").collect(Collectors.joining(" OR "));
        }
        if (e instanceof Expr.Not not) {
            return "NOT (" + condition(not.arg()) + ")";
        }
        if (e instanceof Expr.Bool b) {
            return b.value() ? "true" : "false";
        }
        if (e instanceof Expr.Compare c) {
            return compare(c);
        }
        if (e instanceof Expr.Like like) {
            return like(like);
        }
        if (e instanceof Expr.Between between) {
            return between(between);
        }
        if (e instanceof Expr.In in) {
            return in(in);
        }
        if (e instanceof Expr.IsNull isNull) {
            return "(" + value(isNull.value()).sql() + ") IS NULL";
        }
        if (e instanceof Expr.Call call) {
            return predicate(call);
        }
        if (e instanceof Expr.Property p) {
            Value v = value(p);
            if (v.type() != Type.BOOLEAN) {
                throw new Cql2Exception(p.at(), "'" + p.name() + "' is " + article(v.type())
                        + ", not a condition; compare it with something");
            }
            return v.sql();
        }
        throw new Cql2Exception(e.at(), describe(value(e)) + " is not a condition");
    }

    private String compare(Expr.Compare c) {
        Value left = value(c.left());
        Value right = canonical(value(c.right()), left);
        left = canonical(left, right);
        comparable(left, right, c.op(), c.at());
        String op = c.op();
        if (left.type() == Type.TIMESTAMP && (left.isDay() || right.isDay())) {
            // A date stands for its whole day: = is "on that day", < "before it", > "after it".
            return switch (op) {
                case "=" -> left.end() + " >= " + right.sql() + " AND " + left.sql() + " <= " + right.end();
                case "<>" -> "(" + left.sql() + " > " + right.end() + " OR " + left.end() + " < " + right.sql() + ")";
                case "<" -> left.end() + " < " + right.sql();
                case "<=" -> left.sql() + " <= " + right.end();
                case ">" -> left.sql() + " > " + right.end();
                default -> left.end() + " >= " + right.sql();
            };
        }
        return left.sql() + " " + op + " " + right.sql();
    }

    private static void comparable(Value left, Value right, String op, int at) {
        if (left.type() == Type.GEOMETRY || right.type() == Type.GEOMETRY) {
            throw new Cql2Exception(at, "geometries are compared with spatial functions (S_EQUALS, S_INTERSECTS...), "
                    + "not " + op);
        }
        if (left.type() == Type.TEXT_ARRAY || right.type() == Type.TEXT_ARRAY) {
            throw new Cql2Exception(at, "arrays are compared with array functions (A_EQUALS, A_CONTAINS...), not " + op);
        }
        if (!sameKind(left.type(), right.type())) {
            throw new Cql2Exception(at, "cannot compare " + describe(left) + " with " + describe(right));
        }
    }

    private static boolean sameKind(Type a, Type b) {
        return a == b || numeric(a) && numeric(b);
    }

    private static boolean numeric(Type t) {
        return t == Type.INTEGER || t == Type.NUMBER;
    }

    /**
     * A text literal compared with a queryable of fixed values, in that queryable's form ('Battles' for the
     * category battles); other values as they are.
     */
    private Value canonical(Value literal, Value other) {
        if (literal.source() instanceof Expr.Text t && other.type() == Type.TIMESTAMP) {
            // A date or date-time string compared with an instant is read as DATE or TIMESTAMP (GDAL writes
            // occurred_at >= '2025-03-01T', a date and a bare T); anything else stays text and is refused as such.
            String text = t.value().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt]") ? t.value().substring(0, 10) : t.value();
            try {
                return value(Rfc3339.isDate(text) ? Literals.date(text, t.at()) : Literals.timestamp(text, t.at()));
            } catch (Cql2Exception notATime) {
                return literal;
            }
        }
        if (literal.source() instanceof Expr.Text t && other.source() instanceof Expr.Property p) {
            Queryable q = queryables.find(p.name()).orElseThrow();
            if (q.values() != null) {
                return text(q.canonical().apply(t.value()), t);
            }
        }
        return literal;
    }

    private String like(Expr.Like like) {
        Value value = value(like.value());
        Value pattern = value(like.pattern());
        if (value.type() != Type.TEXT || pattern.type() != Type.TEXT) {
            throw new Cql2Exception(like.at(), "LIKE compares text with a text pattern, not " + describe(value)
                    + " with " + describe(pattern));
        }
        // CQL2's wildcards (% and _) and escape (\) are PostgreSQL's.
        return value.sql() + (likeIgnoresCase ? " ILIKE " : " LIKE ") + pattern.sql();
    }

    private String between(Expr.Between between) {
        Value value = value(between.value());
        Value low = value(between.low());
        Value high = value(between.high());
        for (Value v : List.of(value, low, high)) {
            if (!numeric(v.type())) {
                throw new Cql2Exception(v.source().at(), "BETWEEN compares numbers; " + describe(v) + " is not one");
            }
        }
        return value.sql() + " BETWEEN " + low.sql() + " AND " + high.sql();
    }

    private String in(Expr.In in) {
        Value value = value(in.value());
        List<String> items = new ArrayList<>();
        for (Expr item : in.list()) {
            Value v = canonical(value(item), value);
            comparable(value, v, "IN", item.at());
            items.add(v.sql());
        }
        return value.sql() + " IN (" + String.join(", ", items) + ")";
    }

    private String predicate(Expr.Call call) {
        String name = call.name();
        if (SPATIAL.containsKey(name)) {
            arity(call, 2);
            return SPATIAL.get(name) + "(" + geometry(call.args().get(0)) + ", " + geometry(call.args().get(1)) + ")";
        }
        if (name.equals("S_DWITHIN")) {
            return withinDistance(call);
        }
        if (TEMPORAL.containsKey(name)) {
            arity(call, 2);
            String[] a = span(call.args().get(0));
            String[] b = span(call.args().get(1));
            return PeriodPrefilter.sql(name, call.args().get(0), call.args().get(1), queryables, this::bind)
                    + TEMPORAL.get(name).formatted(a[0], a[1], b[0], b[1]);
        }
        if (ARRAY.containsKey(name)) {
            arity(call, 2);
            return array(call.args().get(0)) + " " + ARRAY.get(name) + " " + array(call.args().get(1));
        }
        Value v = value(call);
        if (v.type() != Type.BOOLEAN) {
            throw new Cql2Exception(call.at(), name + "(...) is " + article(v.type()) + ", not a condition");
        }
        return v.sql();
    }

    /** S_DWITHIN(a, b, metres): within that many true metres on the WGS 84 ellipsoid, as near/radius measure. */
    private String withinDistance(Expr.Call call) {
        arity(call, 3);
        if (!(call.args().get(2) instanceof Expr.Number n) || !(n.value() > 0) || n.value() > maxRadiusMetres) {
            throw new Cql2Exception(call.args().get(2).at(), "S_DWITHIN's third argument is a distance in metres, "
                    + "more than 0 and at most " + (long) maxRadiusMetres);
        }
        // (f.geom)::geography is the indexed expression, so the radius search uses its index.
        return "ST_DWithin((" + geometry(call.args().get(0)) + ")::geography, (" + geometry(call.args().get(1))
                + ")::geography, " + bind(n.value()) + ")";
    }

    private static void arity(Expr.Call call, int n) {
        if (call.args().size() != n) {
            throw new Cql2Exception(call.at(), call.name() + " takes " + n + " arguments, got " + call.args().size());
        }
    }

    private String geometry(Expr e) {
        Value v = value(e);
        if (v.type() != Type.GEOMETRY) {
            throw new Cql2Exception(e.at(), "expected a geometry (a geometry property, WKT or BBOX), got "
                    + describe(v));
        }
        return v.sql();
    }

    private String array(Expr e) {
        Value v = value(e);
        if (v.type() != Type.TEXT_ARRAY) {
            throw new Cql2Exception(e.at(), "expected an array (an array property or ('a', 'b')), got " + describe(v));
        }
        return v.sql();
    }

    /** The [start, end] of a temporal operand: an instant, a date (its day), an interval, a timestamp property. */
    private String[] span(Expr e) {
        if (e instanceof Expr.Interval interval) {
            if (interval.start() instanceof Expr.Moment start && interval.end() instanceof Expr.Moment end
                    && start.start().isAfter(end.end())) {
                // as datetime= answers: a mistake, not a question whose answer is nothing
                throw new Cql2Exception(interval.at(), "the interval starts after it ends");
            }
            return new String[] {end(interval.start(), true), end(interval.end(), false)};
        }
        Value v = value(e);
        if (v.type() != Type.TIMESTAMP) {
            throw new Cql2Exception(e.at(), "expected an instant or interval (a timestamp property, DATE, TIMESTAMP "
                    + "or INTERVAL), got " + describe(v));
        }
        return new String[] {v.sql(), v.end()};
    }

    private String end(Expr e, boolean start) {
        if (e instanceof Expr.Open) {
            return start ? "'-infinity'::timestamptz" : "'infinity'::timestamptz";
        }
        String[] s = span(e);
        return start ? s[0] : s[1];
    }

    private Value value(Expr e) {
        if (e instanceof Expr.Property p) {
            Queryable q = queryables.find(p.name()).orElseThrow(() -> new Cql2Exception(p.at(),
                    "'" + p.name() + "' is not a queryable of " + queryables.collection() + "; its queryables are "
                    + String.join(", ", queryables.names())));
            return new Value(q.sql(), q.type(), p);
        }
        if (e instanceof Expr.Text t) {
            return text(t.value(), t);
        }
        if (e instanceof Expr.Number n) {
            return new Value(bind(n.integral() ? (Object) (long) n.value() : (Object) n.value()),
                    n.integral() ? Type.INTEGER : Type.NUMBER, n);
        }
        if (e instanceof Expr.Bool b) {
            return new Value(b.value() ? "true" : "false", Type.BOOLEAN, b);
        }
        if (e instanceof Expr.Moment m) {
            String start = bind(m.start());
            return new Value(start, Type.TIMESTAMP, m.date() ? bind(m.end()) : start, m);
        }
        if (e instanceof Expr.GeometryLiteral g) {
            return new Value("ST_GeomFromWKB(" + bind(new WKBWriter().write(g.geometry())) + ", 4326)",
                    Type.GEOMETRY, g);
        }
        if (e instanceof Expr.Array a) {
            return new Value(bind(texts(a)) + "::text[]", Type.TEXT_ARRAY, a);
        }
        if (e instanceof Expr.Arithmetic a) {
            return arithmetic(a);
        }
        if (e instanceof Expr.Call c) {
            return function(c);
        }
        if (e instanceof Expr.Interval || e instanceof Expr.Open) {
            throw new Cql2Exception(e.at(), "an INTERVAL is compared with temporal functions (T_INTERSECTS, "
                    + "T_DURING...)");
        }
        return new Value("(" + condition(e) + ")", Type.BOOLEAN, e);
    }

    private Value text(String value, Expr source) {
        return new Value(bind(value), Type.TEXT, source);
    }

    private static String[] texts(Expr.Array a) {
        String[] texts = new String[a.items().size()];
        for (int i = 0; i < texts.length; i++) {
            if (!(a.items().get(i) instanceof Expr.Text t)) {
                throw new Cql2Exception(a.items().get(i).at(), "arrays here hold text (such as ('a', 'b'))");
            }
            texts[i] = t.value();
        }
        return texts;
    }

    private Value arithmetic(Expr.Arithmetic a) {
        Value left = value(a.left());
        Value right = value(a.right());
        for (Value v : List.of(left, right)) {
            if (!numeric(v.type())) {
                throw new Cql2Exception(v.source().at(), "arithmetic takes numbers; " + describe(v) + " is not one");
            }
        }
        String l = "(" + left.sql() + ")::double precision";
        String r = "(" + right.sql() + ")::double precision";
        // Division by zero gives no value (the comparison is then false) rather than failing the request.
        String sql = switch (a.op()) {
            case "+", "-", "*" -> "(" + l + " " + a.op() + " " + r + ")";
            case "/" -> "(" + l + " / nullif(" + r + ", 0))";
            case "%" -> "mod((" + left.sql() + ")::numeric, nullif((" + right.sql() + ")::numeric, 0))";
            case "div" -> "div((" + left.sql() + ")::numeric, nullif((" + right.sql() + ")::numeric, 0))";
            case "^" -> "power(" + l + ", " + r + ")";
            default -> throw new Cql2Exception(a.at(), "unknown operator " + a.op());
        };
        return new Value(sql, Type.NUMBER, a);
    }

    private Value function(Expr.Call c) {
        switch (c.name()) {
            case "CASEI", "ACCENTI" -> {
                arity(c, 1);
                Value v = value(c.args().get(0));
                if (v.type() != Type.TEXT) {
                    throw new Cql2Exception(c.at(), c.name() + " takes text, not " + describe(v));
                }
                // ACCENTI: unaccent (PostgreSQL's contrib module) drops the marks of accented letters.
                String sql = c.name().equals("CASEI") ? "lower(" + v.sql() + ")" : "unaccent(" + v.sql() + ")";
                return new Value(sql, Type.TEXT, c);
            }
            default -> {
                if (SPATIAL.containsKey(c.name()) || TEMPORAL.containsKey(c.name()) || ARRAY.containsKey(c.name())
                        || c.name().equals("S_DWITHIN")) {
                    return new Value("(" + predicate(c) + ")", Type.BOOLEAN, c);
                }
                throw new Cql2Exception(c.at(), "unknown function " + c.name() + "; the functions are "
                        + String.join(", ", functions()));
            }
        }
    }

    private String bind(Object value) {
        String name = prefix + ++parameters;
        out.set(name, value);
        return ":" + name;
    }

    private static String describe(Value v) {
        Expr source = v.source();
        if (source instanceof Expr.Property p) {
            return "'" + p.name() + "' (" + describe(v.type()) + ")";
        }
        if (source instanceof Expr.Text t) {
            return "'" + t.value() + "' (text)";
        }
        if (source instanceof Expr.Number n) {
            return (n.integral() ? String.valueOf((long) n.value()) : String.valueOf(n.value())) + " (a number)";
        }
        return article(v.type());
    }

    /** The type's word with its article: "a number", "an instant", "text". */
    private static String article(Type t) {
        String word = describe(t);
        return t == Type.TEXT ? word : (t == Type.TIMESTAMP || t == Type.TEXT_ARRAY ? "an " : "a ") + word;
    }

    private static String describe(Type t) {
        return switch (t) {
            case TEXT -> "text";
            case INTEGER, NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case TIMESTAMP -> "instant";
            case GEOMETRY -> "geometry";
            case TEXT_ARRAY -> "array";
        };
    }
}
