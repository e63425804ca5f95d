package org.incidentmap.ogcapi;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.incidentmap.geo.StrictJson;

/**
 * Reads the change log (V9) of a collection: each create, update and delete with who made it, when, what changed,
 * and the row before and after (columns as stored, the geometry as GeoJSON).
 */
@ApplicationScoped
public class ChangeLog {

    static final String COLUMNS = "seq, op, version, changed_by, changed_at, changed, before, after";
    /** A feature's own entries and, for numbered ids, the entry whose range of created ids holds it (V11). */
    static final String OF_FEATURE = "SELECT " + COLUMNS + " FROM change_log WHERE collection = ? AND feature_id = ?"
            + " AND seq > ? UNION ALL SELECT " + COLUMNS + " FROM change_log WHERE collection = ? AND feature_ids @> ?"
            + " AND seq > ? ORDER BY seq LIMIT ?";
    /** The row as the log keeps it, for the "after" of a create that nothing changed since. */
    static final String ROW = "SELECT change_row(to_jsonb(t)) FROM %s t WHERE t.id = ?%s";

    @Inject
    DataSource dataSource;

    /** One change, as the history and the feed show it. */
    public record Change(long seq, String op, long version, String changedBy, OffsetDateTime changedAt,
            List<String> changed, JsonNode before, JsonNode after) {

        /** This change without its author, as anonymous readers see it. */
        public Change withoutAuthor() {
            return new Change(seq, op, version, null, changedAt, changed, before, after);
        }

        /** As JSON; without {@code changed_by} when the author is not shown. */
        public Map<String, Object> json() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("seq", seq);
            c.put("op", op);
            c.put("version", version);
            if (changedBy != null) {
                c.put("changed_by", changedBy);
            }
            c.put("changed_at", changedAt.toInstant().toString());
            c.put("changed", changed);
            c.put("before", before);
            c.put("after", after);
            return c;
        }
    }

    /**
     * The first {@code limit} changes of feature {@code id} of {@code collection} after change {@code afterSeq}, in
     * order; a create's "after" is the row as created (the next change's "before", or the row as it is).
     */
    public List<Change> history(CollectionInfo collection, String id, long afterSeq, int limit) {
        try (Connection c = dataSource.getConnection()) {
            List<Change> changes = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(OF_FEATURE)) {
                s.setString(1, collection.id());
                s.setString(2, id);
                s.setLong(3, afterSeq);
                s.setString(4, collection.id());
                Long number = collection.numberedIds() ? number(id) : null;
                if (number == null) {
                    s.setNull(5, Types.BIGINT);
                } else {
                    s.setLong(5, number);
                }
                s.setLong(6, afterSeq);
                s.setInt(7, limit + 1);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        changes.add(read(rs));
                    }
                }
            }
            for (int i = 0; i < Math.min(changes.size(), limit); i++) {
                Change change = changes.get(i);
                if (change.op().equals("create")) {
                    JsonNode created = i + 1 < changes.size() ? changes.get(i + 1).before() : row(c, collection, id);
                    changes.set(i, new Change(change.seq(), change.op(), change.version(), change.changedBy(),
                            change.changedAt(), null, null, created));
                }
            }
            return changes;
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** {@code id} as a number, or null when it is not one (then no range holds it). */
    private static Long number(String id) {
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode row(Connection c, CollectionInfo collection, String id) throws SQLException {
        // The id in its column's type, so that the key's index finds it (as text, a million rows were scanned).
        String idType = collection.numberedIds() ? "::bigint" : "";
        try (PreparedStatement s = c.prepareStatement(ROW.formatted(collection.table(), idType))) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? json(rs.getString(1)) : null;
            }
        }
    }

    static Change read(ResultSet rs) throws SQLException {
        Array changed = rs.getArray("changed");
        return new Change(rs.getLong("seq"), rs.getString("op"), rs.getLong("version"), rs.getString("changed_by"),
                rs.getObject("changed_at", OffsetDateTime.class),
                changed == null ? null : Arrays.asList((String[]) changed.getArray()), json(rs.getString("before")),
                json(rs.getString("after")));
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return StrictJson.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalStateException("the change log holds JSON PostgreSQL wrote", e);
        }
    }
}
