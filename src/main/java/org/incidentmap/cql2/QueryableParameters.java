package org.incidentmap.cql2;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incidentmap.cql2.Queryable.Type;
import org.incidentmap.geo.Rfc3339;
import org.incidentmap.ogcapi.SqlFilter;
import org.incidentmap.problem.ProblemException;

/**
 * Queryables given as query parameters of their own (OGC API - Features Part 3, "Queryables as query
 * parameters"): {@code admin2=Latakia} keeps the features whose admin2 is Latakia, as the filter
 * {@code admin2 = 'Latakia'} does. A number, a boolean or an instant is compared as one; a date covers its UTC
 * day; an array (actors) matches when it holds the value. Parameters the endpoint declares itself (category,
 * datetime, bbox...) keep their own meaning and are not read here.
 */
public final class QueryableParameters {

    private QueryableParameters() {
    }

    /** The queryables of {@code queryables} that may be given as parameters (all but geometries), less {@code declared}. */
    public static List<Queryable> of(Queryables queryables, Set<String> declared) {
        return queryables.all().stream().filter(q -> q.type() != Type.GEOMETRY && !declared.contains(q.name()))
                .toList();
    }

    /**
     * Reads the parameters of {@code query} that name a queryable (and are not {@code declared} by the endpoint)
     * into one filter, each a condition of its own, all ANDed; null when there are none.
     */
    public static Cql2Filter parse(Map<String, List<String>> query, Queryables queryables, Set<String> declared) {
        SqlFilter conditions = new SqlFilter();
        int given = 0;
        for (Queryable q : of(queryables, declared)) {
            List<String> values = query.get(q.name());
            if (values == null || values.isEmpty()) {
                continue;
            }
            try {
                // Each condition binds its values under names of its own: qp1_1, qp2_1...
                Cql2Sql.addTo(conditions, condition(q, values.get(0)), queryables, 0, false, "qp" + ++given + "_");
            } catch (Cql2Exception e) {
                throw ProblemException.badParameter(q.name(), e.getMessage());
            }
        }
        return given == 0 ? null : new Cql2Filter(conditions);
    }

    /** {@code name = value}, the value read as the queryable's type. */
    private static Expr condition(Queryable q, String text) {
        Expr.Property property = new Expr.Property(q.name(), 1);
        if (q.type() == Type.TEXT_ARRAY) {
            return new Expr.Call("A_CONTAINS", List.of(property, new Expr.Array(List.of(new Expr.Text(text, 1)), 1)),
                    1);
        }
        return new Expr.Compare("=", property, literal(q, text), 1);
    }

    private static Expr literal(Queryable q, String text) {
        String value = text.strip();
        return switch (q.type()) {
            case INTEGER, NUMBER -> {
                if (!value.matches("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
                    throw new Cql2Exception(1, "'" + text + "' is not a number");
                }
                yield Literals.number(value, 1);
            }
            case BOOLEAN -> {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new Cql2Exception(1, "'" + text + "' is not true or false");
                }
                yield new Expr.Bool(value.equals("true"), 1);
            }
            case TIMESTAMP -> moment(q, value);
            default -> text(q, text);
        };
    }

    /** Text; for a queryable with a fixed set of values, one of them (a misspelt one would match nothing). */
    private static Expr text(Queryable q, String text) {
        if (q.values() != null && !q.values().contains(q.canonical().apply(text))) {
            throw new Cql2Exception(1, "'" + text + "' is not one of " + String.join(", ", q.values()));
        }
        return new Expr.Text(text, 1);
    }

    /** A date (its whole UTC day) or an RFC 3339 instant. */
    private static Expr moment(Queryable q, String value) {
        try {
            return Rfc3339.isDate(value) ? Literals.date(value, 1) : Literals.timestamp(value, 1);
        } catch (Cql2Exception e) {
            throw new Cql2Exception(1, e.getMessage() + "; give a date (2025-03-04) or an RFC 3339 date-time "
                    + "(2025-03-04T06:00:00Z)");
        }
    }
}
