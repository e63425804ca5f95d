package org.incidentmap.cql2;

import java.util.List;
import java.util.function.Consumer;

/** Walks a filter's nodes. */
final class Expressions {

    private Expressions() {
    }

    /** Calls {@code visit} with {@code e} and every node below it. */
    static void each(Expr e, Consumer<Expr> visit) {
        visit.accept(e);
        for (Expr child : children(e)) {
            each(child, visit);
        }
    }

    /** How many nodes the longest path from {@code e} down to a leaf has. */
    static int depth(Expr e) {
        int below = 0;
        for (Expr child : children(e)) {
            below = Math.max(below, depth(child));
        }
        return below + 1;
    }

    private static List<Expr> children(Expr e) {
        if (e instanceof Expr.And and) {
            return and.args();
        }
        if (e instanceof Expr.Or or) {
            return or.args();
        }
        if (e instanceof Expr.Not not) {
            return List.of(not.arg());
        }
        if (e instanceof Expr.Compare c) {
            return List.of(c.left(), c.right());
        }
        if (e instanceof Expr.Like like) {
            return List.of(like.value(), like.pattern());
        }
        if (e instanceof Expr.Between b) {
            return List.of(b.value(), b.low(), b.high());
        }
        if (e instanceof Expr.In in) {
            return concat(in.value(), in.list());
        }
        if (e instanceof Expr.IsNull n) {
            return List.of(n.value());
        }
        if (e instanceof Expr.Call call) {
            return call.args();
        }
        if (e instanceof Expr.Arithmetic a) {
            return List.of(a.left(), a.right());
        }
        if (e instanceof Expr.Array a) {
            return a.items();
        }
        if (e instanceof Expr.Interval i) {
            return List.of(i.start(), i.end());
        }
        return List.of();
    }

    private static List<Expr> concat(Expr first, List<Expr> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }
}
