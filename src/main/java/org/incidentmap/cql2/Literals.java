package org.incidentmap.cql2;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.incidentmap.geo.GeoJsonGeometryReader;
import org.incidentmap.geo.Rfc3339;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** Literals both encodings share: numbers, and the calls that are literals (DATE, TIMESTAMP, INTERVAL, BBOX). */
final class Literals {

    private static final Set<String> ARRAY_FUNCTIONS = Set.of("A_EQUALS", "A_CONTAINS", "A_CONTAINEDBY", "A_OVERLAPS");

    private Literals() {
    }

    static Expr.Number number(String text, int at) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new Cql2Exception(at, "'" + text + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new Cql2Exception(at, "the number " + text + " is out of range");
        }
        boolean integral = text.matches("[+-]?[0-9]+") && Math.abs(value) < 1e15;
        return new Expr.Number(value, integral, at);
    }

    static boolean takesArrays(String function) {
        return ARRAY_FUNCTIONS.contains(function.toUpperCase(Locale.ROOT));
    }

    /** A call, or the literal it writes (DATE('2025-03-01'), TIMESTAMP(...), INTERVAL(a, b), BBOX(w, s, e, n)). */
    static Expr call(String name, List<Expr> args, int at) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "DATE" -> date(text(name, args, at), at);
            case "TIMESTAMP" -> timestamp(text(name, args, at), at);
            case "INTERVAL" -> interval(args, at);
            case "BBOX" -> bbox(args, at);
            default -> new Expr.Call(name.toUpperCase(Locale.ROOT), args, at);
        };
    }

    private static String text(String name, List<Expr> args, int at) {
        if (args.size() != 1 || !(args.get(0) instanceof Expr.Text t)) {
            throw new Cql2Exception(at, name.toUpperCase(Locale.ROOT) + " takes one quoted string, such as "
                    + name.toUpperCase(Locale.ROOT) + "('2025-03-01" + (name.equalsIgnoreCase("DATE") ? "')"
                    : "T06:00:00Z')"));
        }
        return t.value();
    }

    static Expr.Moment date(String text, int at) {
        if (!text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            throw new Cql2Exception(at, "'" + text + "' is not a date (YYYY-MM-DD)");
        }
        try {
            return new Expr.Moment(Rfc3339.startOf(text), Rfc3339.endOf(text), true, at);
        } catch (IllegalArgumentException e) {
            throw new Cql2Exception(at, e.getMessage());
        }
    }

    static Expr.Moment timestamp(String text, int at) {
        if (Rfc3339.isDate(text)) {
            throw new Cql2Exception(at, "'" + text + "' is a date: a timestamp has a time too (such as "
                    + text + "T00:00:00Z), or use DATE('" + text + "')");
        }
        try {
            Instant t = Rfc3339.startOf(text);
            return new Expr.Moment(t, t, false, at);
        } catch (IllegalArgumentException e) {
            throw new Cql2Exception(at, e.getMessage());
        }
    }

    /** An interval end: '..' (open), a date or timestamp string, a DATE/TIMESTAMP, a property or a function. */
    static Expr intervalEnd(Expr end) {
        if (end instanceof Expr.Text t) {
            if (t.value().equals("..")) {
                return new Expr.Open(t.at());
            }
            return Rfc3339.isDate(t.value()) ? date(t.value(), t.at()) : timestamp(t.value(), t.at());
        }
        if (end instanceof Expr.Moment || end instanceof Expr.Property || end instanceof Expr.Call) {
            return end;
        }
        throw new Cql2Exception(end.at(), "an interval end is a date or timestamp string, '..', a property or a "
                + "function");
    }

    private static Expr interval(List<Expr> args, int at) {
        if (args.size() != 2) {
            throw new Cql2Exception(at, "INTERVAL takes two ends, such as INTERVAL('2025-03-01', '..')");
        }
        return new Expr.Interval(intervalEnd(args.get(0)), intervalEnd(args.get(1)), at);
    }

    /** BBOX(west, south, east, north), or with heights (ignored) BBOX(west, south, low, east, north, high). */
    static Expr bbox(List<Expr> args, int at) {
        double[] v = new double[args.size()];
        for (int i = 0; i < v.length; i++) {
            if (!(args.get(i) instanceof Expr.Number n)) {
                throw new Cql2Exception(args.get(i).at(), "BBOX takes 4 or 6 numbers");
            }
            v[i] = n.value();
        }
        if (v.length != 4 && v.length != 6) {
            throw new Cql2Exception(at, "BBOX takes 4 or 6 numbers (west, south, east, north), got " + v.length);
        }
        int half = v.length / 2;
        double west = v[0];
        double south = v[1];
        double east = v[half];
        double north = v[half + 1];
        if (!(west >= -180 && east <= 180 && south >= -90 && north <= 90 && south <= north && west <= east)) {
            throw new Cql2Exception(at, "BBOX must lie within longitude [-180, 180] and latitude [-90, 90], west to "
                    + "east and south to north");
        }
        Geometry box = GeoJsonGeometryReader.WGS84.toGeometry(new Envelope(west, east, south, north));
        return new Expr.GeometryLiteral(box, at);
    }
}
