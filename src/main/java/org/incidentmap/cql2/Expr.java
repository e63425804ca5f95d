package org.incidentmap.cql2;

import java.time.Instant;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A parsed CQL2 filter, the same whichever encoding it came in (text or JSON). {@code at} is where a node starts
 * in the filter's text (1-based; a JSON pointer's position for CQL2-JSON), for error messages.
 */
public sealed interface Expr {

    int at();

    record Property(String name, int at) implements Expr {
    }

    record Text(String value, int at) implements Expr {
    }

    record Number(double value, boolean integral, int at) implements Expr {
    }

    record Bool(boolean value, int at) implements Expr {
    }

    /** DATE('...') covers its whole UTC day, TIMESTAMP('...') one instant ({@code start == end}). */
    record Moment(Instant start, Instant end, boolean date, int at) implements Expr {
    }

    /** INTERVAL(start, end): each end an instant, a property, or {@link Open}. */
    record Interval(Expr start, Expr end, int at) implements Expr {
    }

    /** '..', the open end of an interval. */
    record Open(int at) implements Expr {
    }

    record GeometryLiteral(Geometry geometry, int at) implements Expr {
    }

    record Array(List<Expr> items, int at) implements Expr {
    }

    /** A function call: CASEI, ACCENTI, S_DWITHIN and the predicates recognised by name are resolved later. */
    record Call(String name, List<Expr> args, int at) implements Expr {
    }

    /** +, -, *, /, %, div, ^; a unary minus is {@code 0 - x}. */
    record Arithmetic(String op, Expr left, Expr right, int at) implements Expr {
    }

    record And(List<Expr> args, int at) implements Expr {
    }

    record Or(List<Expr> args, int at) implements Expr {
    }

    record Not(Expr arg, int at) implements Expr {
    }

    /** =, <>, <, >, <=, >=. */
    record Compare(String op, Expr left, Expr right, int at) implements Expr {
    }

    record Like(Expr value, Expr pattern, int at) implements Expr {
    }

    record Between(Expr value, Expr low, Expr high, int at) implements Expr {
    }

    record In(Expr value, List<Expr> list, int at) implements Expr {
    }

    record IsNull(Expr value, int at) implements Expr {
    }
}
