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
import javax.sql.DataSource;
import io.vertx.ext.web.RoutingContext;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.problem.ProblemException;
import org.incidentmap.geo.Bbox;

/**
 * Reads a collection's changes in the order their transactions committed, for mirrors and live maps: a reader
 * stops before the oldest transaction still running, so that a change committed later with a lower seq is never
 * skipped, and a position ({@link Position}: transaction and seq) resumes exactly where the last read stopped.
 * Each change comes with the feature's state: after an update, before a delete, as it is now after a create (a
 * single create whose feature is gone since, with the next change's before; a create of many, with the features
 * still stored only).
 */
@ApplicationScoped
public class ChangeFeed {

    /**
     * Where a reader stands: after change {@code seq} of transaction {@code xid}, or, inside an entry that created
     * many features (V11), after its feature {@code item}; {@link #WHOLE} when the entry is read to its end.
     */
    public record Position(long xid, long seq, long item) {

        static final long WHOLE = Long.MAX_VALUE;
        static final Position START = new Position(0, 0, WHOLE);

        /** As an SSE event id and the {@code since} parameter: xid.seq, or xid.seq.item inside an entry. */
        public String text() {
            return xid + "." + seq + (item == WHOLE ? "" : "." + item);
        }

        /** Reads {@code text} (xid.seq or xid.seq.item); null when it is not one. */
        public static Position parse(String text) {
            if (text == null || !text.strip().matches("[0-9]{1,18}\\.[0-9]{1,18}(\\.[0-9]{1,18})?")) {
                return null;
            }
            String[] parts = text.strip().split("\\.");
            return new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                    parts.length == 3 ? Long.parseLong(parts[2]) : WHOLE);
        }
    }

    /** One change of the feed, with the feature's state (columns as stored, geometry as GeoJSON; null when gone). */
    public record Entry(Position position, String featureId, ChangeLog.Change change, String state) {
    }

    /**
     * A page of the feed: each entry of one feature with its state, and each entry that created many features
     * spread into one change per feature still stored, in id order, at most a page of them per entry so that the
     * page ends early however large the entry. %2$s: ONE, or ONE UNION ALL RANGE.
     */
    static final String PAGE = "SELECT l.xid::text::bigint AS x, l.seq, coalesce(l.feature_id, e.item::text) AS"
            + " feature_id, e.item, l.op, l.version, l.changed_by, l.changed_at, l.changed, l.before, l.after,"
            + " e.state::text AS state FROM change_log l CROSS JOIN LATERAL (%2$s) e"
            + " WHERE l.collection = :collection AND (l.xid, l.seq) >= (:xid::text::xid8, :seq)"
            + " AND l.xid < pg_snapshot_xmin(pg_current_snapshot())"
            + " ORDER BY l.xid, l.seq, e.item LIMIT :limit";
    /**
     * %2$s casts a logged id to the key's type; %3$s filters on s.state. A create keeps no copy of its row: its state
     * is the row as it is now or, once the feature is gone, the next change's before (its state after the create).
     */
    static final String ONE = "SELECT NULL::bigint AS item, s.state FROM (SELECT coalesce(l.after, l.before,"
            + " (SELECT change_row(to_jsonb(t)) FROM %1$s t WHERE l.op = 'create' AND t.id = l.feature_id%2$s),"
            + " (SELECT n.before FROM change_log n WHERE l.op = 'create' AND n.collection = l.collection"
            + " AND n.feature_id = l.feature_id AND n.seq > l.seq ORDER BY n.seq LIMIT 1)) AS state) s WHERE l.feature_ids IS NULL AND (l.xid, l.seq) > (:xid::text::xid8, :seq)"
            + " AND s.state IS NOT NULL AND %3$s";
    /** %2$s filters on the row t: its state is built for the rows of the page only. */
    static final String RANGE = "(SELECT t.id AS item, change_row(to_jsonb(t)) AS state FROM %1$s t"
            + " WHERE l.feature_ids IS NOT NULL AND t.id >= lower(l.feature_ids) AND t.id < upper(l.feature_ids)"
            + " AND t.id <@ l.feature_ids AND (l.xid, l.seq, t.id) > (:xid::text::xid8, :seq, :item) AND %2$s"
            + " ORDER BY t.id LIMIT :limit)";
    /** Where a reader that wants only what comes next starts: after everything committed so far. */
    static final String END = "SELECT xid::text::bigint, seq FROM change_log WHERE collection = ?"
            + " AND xid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY xid DESC, seq DESC LIMIT 1";
    static final String IN_BBOX = "ST_Intersects(ST_GeomFromGeoJSON(s.state -> 'geometry'),"
            + " ST_MakeEnvelope(:west, :south, :east, :north, 4326))";
    static final String ROW_IN_BBOX = "ST_Intersects(t.geom, ST_MakeEnvelope(:west, :south, :east, :north, 4326))";

    /** {@code condition} over a bbox, as two boxes when it crosses the antimeridian. */
    private static String antimeridian(Bbox bbox, String condition) {
        return bbox.crossesAntimeridian() ? "(" + condition.replace(":east", "180") + " OR "
                + condition.replace(":west", "-180") + ")" : condition;
    }

    @Inject
    DataSource dataSource;

    private final FeedPlaces places = new FeedPlaces();

    /**
     * Takes a live feed's place for {@code client} (a token's subject, else an address) for the time of
     * {@code exchange}: refused with a 503 when every one of {@code feed.maxSubscribers()} is taken, with a 429 when
     * this client holds {@code feed.maxPerClient()} already.
     */
    ExchangePermit takePlace(String client, ServiceConfig.Feed feed, RoutingContext exchange) {
        FeedPlaces.Refusal refused = places.take(client, feed.maxSubscribers(), feed.maxPerClient());
        if (refused == FeedPlaces.Refusal.ALL_TAKEN) {
            throw ProblemException.busy("Every live feed place is taken (" + feed.maxSubscribers() + "); retry "
                    + "shortly, or poll the JSON feed with since=.", 10);
        }
        if (refused == FeedPlaces.Refusal.CLIENT_FULL) {
            throw ProblemException.tooMany("This client has " + feed.maxPerClient() + " live feeds open, the most "
                    + "one client may; close one, or poll the JSON feed with since=.", 10);
        }
        return ExchangePermit.holdUntilEnd(() -> places.giveBack(client), exchange);
    }

    /** How many live feeds are open now. */
    public int openFeeds() {
        return places.open();
    }

    /** The position after every change committed so far: a live reader's start. */
    public Position end(CollectionInfo collection) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(END)) {
            s.setString(1, collection.id());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Position(rs.getLong(1), rs.getLong(2), Position.WHOLE) : Position.START;
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
        // The same conditions twice: on a logged state (JSON) and on a stored row, whose columns are far cheaper
        // to test than its JSON is to build (a bbox through 200,000 rows of an import: 28 ms against 19 s).
        SqlFilter onState = new SqlFilter();
        List<String> onRow = new ArrayList<>();
        if (bbox != null) {
            onState.and(antimeridian(bbox, IN_BBOX), "west", bbox.minLon(), "south", bbox.minLat(),
                    "east", bbox.maxLon(), "north", bbox.maxLat());
            onRow.add(antimeridian(bbox, ROW_IN_BBOX));
        }
        int i = 0;
        for (Map.Entry<String, String> e : equal.entrySet()) {
            onState.and("s.state ->> :name" + i + " = :value" + i, "name" + i, e.getKey(), "value" + i, e.getValue());
            // A column of the collection's queryables (ChangesParams checks the name), as text like ->> gives it.
            onRow.add("t." + e.getKey() + "::text = :value" + i);
            i++;
        }
        onState.set("collection", collection.id()).set("xid", from.xid()).set("seq", from.seq())
                .set("item", from.item()).set("limit", limit);
        String table = collection.table();
        // The feature's id in its column's type, so that the key's index finds it.
        String expand = ONE.formatted(table, collection.numberedIds() ? "::bigint" : "", onState.where());
        if (collection.numberedIds()) {
            expand += " UNION ALL " + RANGE.formatted(table, onRow.isEmpty() ? "true" : String.join(" AND ", onRow));
        }
        NamedSql sql = new NamedSql(PAGE.formatted(table, expand));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = sql.prepare(c, onState.values());
                ResultSet rs = s.executeQuery()) {
            List<Entry> entries = new ArrayList<>();
            while (rs.next()) {
                long item = rs.getLong("item");
                Position at = new Position(rs.getLong("x"), rs.getLong("seq"), rs.wasNull() ? Position.WHOLE : item);
                entries.add(new Entry(at, rs.getString("feature_id"),
                        ChangeLog.read(rs), rs.getString("state")));
            }
            return entries;
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }
}
