package org.incidentmap.cql2;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.incidentmap.cql2.Queryable.Type;
import org.incidentmap.geo.StrictJson;
import org.incidentmap.ogcapi.PageCursor;
import org.incidentmap.ogcapi.SqlFilter;
import org.incidentmap.problem.ProblemException;

/**
 * The {@code sortby} of an items request (OGC API - Features Part 8 / STAC: {@code +name} ascending, {@code -name}
 * descending, comma-separated) over a collection's queryables, then by id. Pages stay keyset-based: a cursor holds
 * the sort values and id of the last feature of its page, and the next page starts after them. Missing values
 * (null) sort last in either direction; a queryable that is never null is ordered without that clause, so that an
 * index on it serves both directions.
 */
public final class SortBy {

    static final int MAX_KEYS = 5;
    private static final String CURSOR_PREFIX = "o:";

    /** One sort key: a queryable and its direction. */
    record Key(Queryable queryable, boolean descending) {
    }

    private final List<Key> keys;
    /** The type of the collection's ids, the last key of every order. */
    private final Type idType;

    private SortBy(List<Key> keys, Type idType) {
        this.keys = keys;
        this.idType = idType;
    }

    /** The order by id alone, where no sortby is given, with cursors of the same form. */
    public static SortBy byId(Queryables queryables) {
        return new SortBy(List.of(), queryables.idType());
    }

    /** Parses {@code text} as {@link #parse} does; the order by id alone when it is null. */
    public static SortBy orById(String text, Queryables queryables) {
        return text == null ? byId(queryables) : parse(text, queryables);
    }

    /** Parses {@code text} ({@code +fatalities,-occurred_at}); null when {@code text} is null. */
    public static SortBy parse(String text, Queryables queryables) {
        if (text == null) {
            return null;
        }
        List<Key> keys = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String item = part.strip();
            boolean descending = item.startsWith("-");
            String name = item.startsWith("-") || item.startsWith("+") ? item.substring(1).strip() : item;
            Queryable q = queryables.find(name).orElseThrow(() -> ProblemException.badParameter("sortby",
                    "'" + name + "' is not a queryable of " + queryables.collection() + "; sort by one of "
                    + String.join(", ", sortable(queryables))));
            if (q.type() == Type.GEOMETRY || q.type() == Type.TEXT_ARRAY) {
                throw ProblemException.badParameter("sortby", "'" + name + "' cannot be sorted by; sort by one of "
                        + String.join(", ", sortable(queryables)));
            }
            if (keys.stream().anyMatch(k -> k.queryable().name().equals(name))) {
                throw ProblemException.badParameter("sortby", "'" + name + "' is named twice");
            }
            keys.add(new Key(q, descending));
        }
        if (keys.size() > MAX_KEYS) {
            throw ProblemException.badParameter("sortby", "at most " + MAX_KEYS + " keys");
        }
        return new SortBy(keys, queryables.idType());
    }

    private static List<String> sortable(Queryables queryables) {
        return queryables.all().stream().filter(q -> q.type() != Type.GEOMETRY && q.type() != Type.TEXT_ARRAY)
                .map(Queryable::name).toList();
    }

    /** The sort values, as extra columns {@code sort_1...} of the page's SELECT. */
    public String columns() {
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            columns.append(", ").append(keys.get(i).queryable().sql()).append(" AS sort_").append(i + 1);
        }
        return columns.toString();
    }

    /** The ORDER BY list: each key (nulls last where it can be null), then the id. */
    public String orderBy() {
        return keys.stream().map(k -> k.queryable().sql() + (k.descending() ? " DESC" : " ASC")
                + (k.queryable().nullable() ? " NULLS LAST, " : ", ")).collect(Collectors.joining()) + "f.id";
    }

    /** Adds to {@code filter} the condition "after the row {@code cursorKey} names", binding its values. */
    public void after(SqlFilter filter, String cursorKey) {
        JsonNode values = values(cursorKey);
        List<String> alternatives = new ArrayList<>();
        List<String> equalBefore = new ArrayList<>();
        for (int i = 0; i <= keys.size(); i++) {
            String name = "after_" + (i + 1);
            if (i == keys.size()) {
                filter.set(name, idType == Type.INTEGER ? values.get(i).asLong() : values.get(i).asText());
                alternatives.add(conjunction(equalBefore, "f.id > :" + name));
                break;
            }
            Key key = keys.get(i);
            JsonNode value = values.get(i);
            String sql = key.queryable().sql();
            if (value.isNull()) {
                // Nothing sorts after a missing value but other missing values, which are equal here.
                equalBefore.add(sql + " IS NULL");
                continue;
            }
            filter.set(name, bound(key, value));
            String later = sql + (key.descending() ? " < :" : " > :") + name;
            alternatives.add(conjunction(equalBefore,
                    key.queryable().nullable() ? "(" + later + " OR " + sql + " IS NULL)" : later));
            equalBefore.add(sql + " = :" + name);
        }
        filter.and("(" + String.join(" OR ", alternatives) + ")");
        Key first = keys.isEmpty() ? null : keys.get(0);
        if (first != null && !first.queryable().nullable() && !values.get(0).isNull()) {
            // Implied by the alternatives, but only a plain range lets an index on the first key start the page
            // where the last one ended instead of walking every row before it.
            filter.and(first.queryable().sql() + (first.descending() ? " <= :" : " >= :") + "after_1");
        }
    }

    private static String conjunction(List<String> equal, String last) {
        List<String> all = new ArrayList<>(equal);
        all.add(last);
        return "(" + String.join(" AND ", all) + ")";
    }

    /** The cursor after a row: its sort values (read from columns sort_1...) and its id. */
    public String cursorAfter(Map<String, Object> sortValues, Object id) {
        ArrayNode values = StrictJson.MAPPER.createArrayNode();
        for (int i = 0; i < keys.size(); i++) {
            values.addPOJO(sortValues.get("sort_" + (i + 1)));
        }
        values.addPOJO(id);
        return PageCursor.encode(CURSOR_PREFIX + values);
    }

    /** Reads a row's sort values as the cursor keeps them (timestamps as RFC 3339 text). */
    public Map<String, Object> read(ResultSet rs) throws SQLException {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String column = "sort_" + (i + 1);
            Object value = switch (keys.get(i).queryable().type()) {
                case TIMESTAMP -> {
                    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
                    yield t == null ? null : t.toInstant().toString();
                }
                case INTEGER -> rs.getObject(column) == null ? null : rs.getLong(column);
                case NUMBER -> rs.getObject(column) == null ? null : rs.getDouble(column);
                case BOOLEAN -> rs.getObject(column) == null ? null : rs.getBoolean(column);
                default -> rs.getString(column);
            };
            values.put(column, value);
        }
        return values;
    }

    private JsonNode values(String cursorKey) {
        if (!cursorKey.startsWith(CURSOR_PREFIX)) {
            throw PageCursor.invalid();
        }
        JsonNode values;
        try {
            values = StrictJson.MAPPER.readTree(cursorKey.substring(CURSOR_PREFIX.length()));
        } catch (JacksonException e) {
            throw PageCursor.invalid();
        }
        if (!values.isArray() || values.size() != keys.size() + 1 || !fits(values.get(keys.size()), idType)) {
            throw PageCursor.invalid();
        }
        for (int i = 0; i < keys.size(); i++) {
            JsonNode v = values.get(i);
            if (!v.isNull() && !fits(v, keys.get(i).queryable().type())) {
                throw PageCursor.invalid();
            }
        }
        return values;
    }

    private static boolean fits(JsonNode v, Type type) {
        return switch (type) {
            case INTEGER -> v.canConvertToLong() && v.isIntegralNumber();
            case NUMBER -> v.isNumber();
            case BOOLEAN -> v.isBoolean();
            default -> v.isTextual();
        };
    }

    private static Object bound(Key key, JsonNode value) {
        return switch (key.queryable().type()) {
            case TIMESTAMP -> parseInstant(value.asText());
            case INTEGER -> value.asLong();
            case NUMBER -> value.asDouble();
            case BOOLEAN -> value.asBoolean();
            default -> value.asText();
        };
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw PageCursor.invalid();
        }
    }
}
