package org.incidentmap.ogcapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.incidentmap.geo.Bbox;

/**
 * Reads a collection's changes in the order their transactions committed, for mirrors and live maps: a reader
 * stops before the oldest transaction still running, so that a change committed later with a lower seq is never
 * skipped, and a position ({@link Position}: transaction and seq) resumes exactly where the last read stopped.
 * Each change comes with the feature's state: after an update, before a delete, as it is now after a create.
 */
@ApplicationScoped
public class ChangeFeed {

    /** Where a reader stands: after change {@code seq} of transaction {@code xid}. */
    public record Position(long xid, long seq) {

        static final Position START = new Position(0, 0);

        /** As an SSE event id and the {@code since} parameter: xid.seq. */
        public String text() {
            return xid + "." + seq;
        }

        /** Reads {@code text} (xid.seq); null when it is not one. */
        public static Position parse(String text) {
            if (text == null || !text.strip().matches("[0-9]{1,18}\\.[0-9]{1,18}")) {
                return null;
            }
            String[] parts = text.strip().split("\\.");
            return new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        }
    }

    /** One change of the feed, with the feature's state (columns as stored, geometry as GeoJSON; null when gone). */
    public record Entry(Position position, String featureId, ChangeLog.Change change, String state) {
    }

    static final String PAGE = "SELECT l.xid::text::bigint AS x, l.seq, l.feature_id, l.op, l.version, l.changed_by,"
            + " l.changed_at, l.changed, l.before, l.after, s.state::text AS state FROM change_log l"
            + " LEFT JOIN %1$s t ON l.op = 'create' AND t.id::text = l.feature_id"
            + " CROSS JOIN LATERAL (SELECT coalesce(l.after, l.before, change_row(to_jsonb(t))) AS state) s"
            + " WHERE l.collection = :collection AND (l.xid::text::bigint, l.seq) > (:xid, :seq)"
            + " AND l.xid < pg_snapshot_xmin(pg_current_snapshot()) AND %2$s"
            + " ORDER BY l.xid, l.seq LIMIT :limit";
    /** Where a reader that wants only what comes next starts: after everything committed so far. */
    static final String END = "SELECT coalesce(max(xid::text::bigint), 0), coalesce(max(seq), 0) FROM change_log"
            + " WHERE collection = ? AND xid < pg_snapshot_xmin(pg_current_snapshot())";
    static final String IN_BBOX = "ST_Intersects(ST_GeomFromGeoJSON(s.state -> 'geometry'),"
            + " ST_MakeEnvelope(:west, :south, :east, :north, 4326))";

    @Inject
    DataSource dataSource;

    private final AtomicInteger subscribers = new AtomicInteger();

    /** Takes a live subscriber's place, if fewer than {@code max} are open. */
    boolean subscribe(int max) {
        if (subscribers.incrementAndGet() > max) {
            subscribers.decrementAndGet();
            return false;
        }
        return true;
    }

    void unsubscribe() {
        subscribers.decrementAndGet();
    }

    /** How many live feeds are open now. */
    public int openFeeds() {
        return subscribers.get();
    }

    /** The position after every change committed so far: a live reader's start. */
    public Position end(CollectionInfo collection) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(END)) {
            s.setString(1, collection.id());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Position(rs.getLong(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /**
     * The first {@code limit} changes after {@code from} whose feature lies in {@code bbox} (when not null) and whose
     * text properties equal {@code equal} (name to value), in commit order.
     */
    public List<Entry> read(CollectionInfo collection, Position from, Bbox bbox, Map<String, String> equal, int limit) {
        SqlFilter filter = new SqlFilter();
        if (bbox != null) {
            filter.and(bbox.crossesAntimeridian() ? "(" + IN_BBOX.replace(":east", "180") + " OR "
                    + IN_BBOX.replace(":west", "-180") + ")" : IN_BBOX, "west", bbox.minLon(), "south", bbox.minLat(),
                    "east", bbox.maxLon(), "north", bbox.maxLat());
        }
        int i = 0;
        for (Map.Entry<String, String> e : equal.entrySet()) {
            filter.and("s.state ->> :name" + i + " = :value" + i, "name" + i, e.getKey(), "value" + i, e.getValue());
            i++;
        }
        filter.set("collection", collection.id()).set("xid", from.xid()).set("seq", from.seq()).set("limit", limit);
        NamedSql sql = new NamedSql(PAGE.formatted(collection.table(), filter.where()));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = sql.prepare(c, filter.values());
                ResultSet rs = s.executeQuery()) {
            List<Entry> entries = new ArrayList<>();
            while (rs.next()) {
                entries.add(new Entry(new Position(rs.getLong("x"), rs.getLong("seq")), rs.getString("feature_id"),
                        ChangeLog.read(rs), rs.getString("state")));
            }
            return entries;
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }
}
