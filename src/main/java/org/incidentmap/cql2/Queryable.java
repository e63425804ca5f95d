package org.incidentmap.cql2;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A property a filter may name: its type, the SQL expression that reads it from the collection's table (aliased
 * {@code f}), and for text with a fixed set of values, those values and how a literal compared with it is put in
 * their form (ACLED's label "Battles" is the category battles). {@code nullable}: whether its SQL can be null, which
 * sorts then have to place (an order with NULLS LAST a plain btree index cannot give descending).
 */
public record Queryable(String name, Type type, String sql, String description, List<String> values,
        UnaryOperator<String> canonical, String role, boolean nullable) {

    public enum Type {
        TEXT("string"), INTEGER("integer"), NUMBER("number"), BOOLEAN("boolean"), TIMESTAMP("string"),
        GEOMETRY(null), TEXT_ARRAY("array");

        final String jsonType;

        Type(String jsonType) {
            this.jsonType = jsonType;
        }
    }

    public static Queryable of(String name, Type type, String sql, String description) {
        return new Queryable(name, type, sql, description, null, UnaryOperator.identity(), null, true);
    }

    /** This queryable with a fixed set of values, to which {@code canonical} maps the other names of each. */
    public Queryable oneOf(List<String> allowed, UnaryOperator<String> toCanonical) {
        return new Queryable(name, type, sql, description, allowed, toCanonical, role, nullable);
    }

    /** This queryable with an {@code x-ogc-role} (primary-geometry, primary-instant, primary-interval-start...). */
    public Queryable role(String ogcRole) {
        return new Queryable(name, type, sql, description, values, canonical, ogcRole, nullable);
    }

    /** This queryable, known never to be null (a NOT NULL column). */
    public Queryable notNull() {
        return new Queryable(name, type, sql, description, values, canonical, role, false);
    }
}
