package org.incidentmap.ogcapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.query.NativeQuery;

/**
 * The WHERE clause of a features query under construction: conditions (SQL constants with named parameters)
 * joined by AND, and the values bound to those parameters. Values are always bound, never spliced into SQL.
 */
public final class SqlFilter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Adds {@code condition}, binding its parameters from alternating names and values. */
    public SqlFilter and(String condition, Object... namesAndValues) {
        conditions.add(condition);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return this;
    }

    /** Adds every condition of {@code other} and binds its values (their names must not clash with these). */
    public SqlFilter andAll(SqlFilter other) {
        conditions.addAll(other.conditions);
        values.putAll(other.values);
        return this;
    }

    /** Binds a value used by conditions added later or by the query around this filter. */
    public SqlFilter set(String name, Object value) {
        values.put(name, value);
        return this;
    }

    /** Returns a copy to which further conditions can be added without changing this one. */
    public SqlFilter copy() {
        SqlFilter copy = new SqlFilter();
        copy.conditions.addAll(conditions);
        copy.values.putAll(values);
        return copy;
    }

    public String where() {
        return conditions.isEmpty() ? "true" : String.join(" AND ", conditions);
    }

    /** The values bound to the parameters of {@link #where()}, by name. */
    public Map<String, Object> values() {
        return values;
    }

    public <Q extends NativeQuery<?>> Q bind(Q query) {
        values.forEach(query::setParameter);
        return query;
    }
}
