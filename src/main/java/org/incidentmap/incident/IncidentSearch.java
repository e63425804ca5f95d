package org.incidentmap.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.cql2.SortBy;
import org.incidentmap.ogcapi.DatabaseFailure;
import org.incidentmap.ogcapi.NamedSql;
import org.incidentmap.ogcapi.Page;
import org.incidentmap.ogcapi.PageCursor;
import org.incidentmap.ogcapi.SpatialSql;
import org.incidentmap.ogcapi.SqlFilter;
import org.incidentmap.ogcapi.AuthorsShown;
import org.incidentmap.ogcapi.Tombstone;
import org.locationtech.jts.geom.Geometry;

/**
 * Runs incident queries in SQL over plain JDBC. Radius filters measure true metres on the WGS 84 ellipsoid
 * (geography) and use the index on {@code geom::geography}; pages follow a keyset (id, or distance then id),
 * never OFFSET. Counting stops at {@code incidentmap.paging.count-max}: past it {@code numberMatched} is left
 * out rather than paid for with a scan of every match.
 */
@ApplicationScoped
public class IncidentSearch {

    static final String CENTRE = "ST_SetSRID(ST_MakePoint(:near_lon, :near_lat), 4326)::geography";
    static final String WITHIN_RADIUS = "ST_DWithin(f.geom::geography, " + CENTRE + ", :radius_m)";
    static final String IN_CATEGORIES = "f.category = ANY(:categories)";
    /** An incident's period as a closed range, the expression of incident_period_idx (V12). */
    static final String PERIOD = "tstzrange(f.occurred_at, coalesce(f.occurred_until, f.occurred_at), '[]')";
    static final String FATALITIES_AT_LEAST = "f.fatalities >= :fatalities_min";
    static final String AFTER_ID = "f.id > :after_id";
    static final String PAGE_BY_ID = "SELECT " + IncidentRows.COLUMNS + "%s FROM %s f WHERE %s"
            + " ORDER BY f.id LIMIT :limit";
    static final String ONE = "SELECT " + IncidentRows.COLUMNS + " FROM incident f WHERE f.id = :id";
    static final String COUNT_UP_TO = "SELECT count(*) FROM (SELECT 1 FROM %s f WHERE %s LIMIT :count_cap) s";
    static final String TABLE = "incident";
    static final String WITH_TOMBSTONES = Tombstone.withTombstones(IncidentCollection.INFO);

    @Inject
    DataSource dataSource;

    @Inject
    ServiceConfig config;

    /** Rows fetched first; the driver then sizes each fetch to its buffer (adaptiveFetch, maxResultBuffer). */
    static final int FIRST_FETCH = 8;
    static final long COUNT_ONLY_WITHIN_NANOS = 1_000_000_000L;

    /** Finds one page of the incidents matching {@code q} (and in {@code region} when not null). */
    public Page<IncidentMatch> find(IncidentQuery q, Geometry region) {
        try (Connection c = dataSource.getConnection()) {
            // Rows come through a cursor, in fetches bounded in bytes, so that a page can stop at its weight.
            c.setAutoCommit(false);
            try {
                return q.near() == null ? byId(c, q, filter(q, region, true))
                        : new NearestFirstSearch(c, this, q).find(filter(q, region, true), filter(q, region, false));
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** Reads one incident, or nothing when there is none with this id. */
    public Optional<StoredIncident> get(long id) {
        try (Connection c = dataSource.getConnection()) {
            List<IncidentMatch> rows = rows(c, ONE, Map.of("id", id), false, Long.MAX_VALUE).rows();
            return rows.stream().findFirst().map(IncidentMatch::incident);
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    private Page<IncidentMatch> byId(Connection c, IncidentQuery q, SqlFilter filter) throws SQLException {
        if (q.sortBy() != null) {
            return sorted(c, q, filter);
        }
        SqlFilter page = q.cursor() == null ? filter : filter.copy().and(AFTER_ID, "after_id", afterId(q.cursor()));
        long started = System.nanoTime();
        String sql = PAGE_BY_ID.formatted(q.tombstones() ? ", f." + Tombstone.COLUMN : "", source(q), page.where());
        PageRows rows = q.offset() == 0
                ? rows(c, sql, with(page, "limit", q.limit() + 1), false, maxPageWeight(), q.tombstones())
                : rows(c, sql + " OFFSET :offset", with(page, "limit", q.limit() + 1, "offset", q.offset()), false,
                        maxPageWeight(), q.tombstones());
        boolean whole = q.cursor() == null && q.offset() == 0 && !rows.cut() && rows.rows().size() <= q.limit();
        if (whole) {
            return page(q, rows, (long) rows.rows().size());
        }
        // numberMatched is optional: a filter whose page was slow (a large, intricate geometry) would cost about
        // as much again to count, so its count is left out rather than doubling the request's time.
        boolean slow = System.nanoTime() - started > COUNT_ONLY_WITHIN_NANOS;
        return page(q, rows, slow ? null : countUpTo(c, source(q), filter, countMax()));
    }

    /** What a listing reads: the table, or with tombstones the table and its deleted features. */
    private static String source(IncidentQuery q) {
        return q.tombstones() ? WITH_TOMBSTONES : TABLE;
    }

    /**
     * A page in {@code sortby} order (then by id), after the cursor's row when there is one: keyset paging over the
     * sort values, which each row reads as extra columns for the next cursor.
     */
    private Page<IncidentMatch> sorted(Connection c, IncidentQuery q, SqlFilter filter) throws SQLException {
        SortBy sort = q.sortBy();
        SqlFilter page = filter.copy();
        if (q.cursor() != null) {
            sort.after(page, q.cursor());
        }
        String sql = "SELECT " + IncidentRows.COLUMNS + sort.columns() + " FROM incident f WHERE " + page.where()
                + " ORDER BY " + sort.orderBy() + " LIMIT :limit" + (q.offset() > 0 ? " OFFSET :offset" : "");
        List<Map<String, Object>> sortValues = new ArrayList<>();
        long started = System.nanoTime();
        PageRows rows = rows(c, sql, with(page, "limit", q.limit() + 1, "offset", q.offset()), false,
                maxPageWeight(), rs -> sortValues.add(sort.read(rs)));
        List<IncidentMatch> all = rows.rows();
        int n = Math.min(all.size(), q.limit());
        boolean more = rows.cut() || all.size() > q.limit();
        String next = more ? sort.cursorAfter(sortValues.get(n - 1), all.get(n - 1).incident().id()) : null;
        boolean slow = System.nanoTime() - started > COUNT_ONLY_WITHIN_NANOS;
        Long matched = q.cursor() == null && q.offset() == 0 && !more ? Long.valueOf(n)
                : slow ? null : countUpTo(c, TABLE, filter, countMax());
        return new Page<>(all.subList(0, n), matched, next);
    }

    /** Counts the matches of {@code filter} up to {@code cap}; null when there are more (not worth counting). */
    Long countUpTo(Connection c, String source, SqlFilter filter, int cap) throws SQLException {
        try (PreparedStatement s = new NamedSql(COUNT_UP_TO.formatted(source, filter.where()))
                .prepare(c, with(filter, "count_cap", cap + 1)); ResultSet rs = s.executeQuery()) {
            rs.next();
            long n = rs.getLong(1);
            return n > cap ? null : n;
        }
    }

    int countMax() {
        return config.paging().countMax();
    }

    long maxPageWeight() {
        return config.paging().maxBytes().asLongValue();
    }

    /**
     * Rows of a page, in order; {@code cut} when reading stopped at the page's weight with more rows to come (the
     * page then ends early, with a next link, as OGC API - Features allows).
     */
    record PageRows(List<IncidentMatch> rows, boolean cut) {
    }

    /** Reads columns of a row beyond the incident's own (a query's window aggregates). */
    interface RowExtras {
        void read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code sql} and reads its incident rows, each with the distance column after them when asked, until
     * they weigh {@code maxWeight} (at least one row is read).
     */
    static PageRows rows(Connection c, String sql, Map<String, Object> values, boolean distance, long maxWeight)
            throws SQLException {
        return rows(c, sql, values, distance, maxWeight, rs -> { });
    }

    /** As {@link #rows(Connection, String, Map, boolean, long)}; with {@code tombstones}, rows say if deleted. */
    static PageRows rows(Connection c, String sql, Map<String, Object> values, boolean distance, long maxWeight,
            boolean tombstones) throws SQLException {
        if (!tombstones) {
            return rows(c, sql, values, distance, maxWeight);
        }
        List<String> deletedBy = new ArrayList<>();
        PageRows rows = rows(c, sql, values, distance, maxWeight, rs -> deletedBy.add(rs.getString(Tombstone.COLUMN)));
        List<IncidentMatch> marked = new ArrayList<>(rows.rows().size());
        for (int i = 0; i < rows.rows().size(); i++) {
            IncidentMatch m = rows.rows().get(i);
            marked.add(deletedBy.get(i) == null ? m
                    : new IncidentMatch(m.incident(), null, new Tombstone(AuthorsShown.author(deletedBy.get(i)),
                            m.incident().updatedAt())));
        }
        return new PageRows(marked, rows.cut());
    }

    /** As {@link #rows(Connection, String, Map, boolean, long)}, handing every row read to {@code extras} too. */
    static PageRows rows(Connection c, String sql, Map<String, Object> values, boolean distance, long maxWeight,
            RowExtras extras) throws SQLException {
        List<IncidentMatch> out = new ArrayList<>();
        long weight = 0;
        try (PreparedStatement s = new NamedSql(sql).prepare(c, values)) {
            s.setFetchSize(FIRST_FETCH);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    IncidentMatch match = new IncidentMatch(IncidentRows.read(rs),
                            distance ? rs.getDouble("distance_m") : null);
                    extras.read(rs);
                    out.add(match);
                    weight += match.incident().weight();
                    if (weight >= maxWeight) {
                        return new PageRows(out, rs.next());
                    }
                }
            }
        }
        return new PageRows(out, false);
    }

    static Map<String, Object> with(SqlFilter filter, Object... namesAndValues) {
        Map<String, Object> values = new HashMap<>(filter.values());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }

    static Page<IncidentMatch> page(IncidentQuery q, PageRows rows, Long matched) {
        List<IncidentMatch> all = rows.rows();
        List<IncidentMatch> matches = all.subList(0, Math.min(all.size(), q.limit()));
        boolean more = rows.cut() || all.size() > q.limit();
        String next = more ? cursorAfter(matches.get(matches.size() - 1)) : null;
        return new Page<>(matches, matched, next);
    }

    static SqlFilter filter(IncidentQuery q, Geometry region, boolean withRadius) {
        SqlFilter f = new SqlFilter();
        if (q.bbox() != null) {
            SpatialSql.bbox(f, q.bbox());
        }
        if (q.near() != null) {
            f.set("near_lon", q.near().lon()).set("near_lat", q.near().lat()).set("radius_m", q.radius().metres());
            if (withRadius) {
                f.and(WITHIN_RADIUS);
            }
        }
        if (region != null) {
            // Bound as a value, so the planner sees its size and can walk the id order.
            SpatialSql.intersects(f, "incident", "region_wkb", region);
        }
        if (q.intersects() != null) {
            SpatialSql.intersects(f, "incident", "intersects_wkb", q.intersects());
        }
        if (q.datetime() != null) {
            SpatialSql.during(f, q.datetime(), "f.occurred_at", "coalesce(f.occurred_until, f.occurred_at)", PERIOD);
        }
        if (q.categories() != null) {
            f.and(IN_CATEGORIES, "categories", q.categories().toArray(String[]::new));
        }
        if (q.fatalitiesMin() != null) {
            f.and(FATALITIES_AT_LEAST, "fatalities_min", q.fatalitiesMin());
        }
        if (q.filter() != null) {
            q.filter().addTo(f);
        }
        return f;
    }

    /** Cursor keys: "i:ID" when paging by id, "d:DISTANCE:ID" when paging nearest first. */
    private static String cursorAfter(IncidentMatch last) {
        long id = last.incident().id();
        return PageCursor.encode(last.distanceMetres() == null ? "i:" + id : "d:" + last.distanceMetres() + ":" + id);
    }

    private static long afterId(String key) {
        String[] parts = key.split(":", -1);
        if (parts.length == 2 && parts[0].equals("i")) {
            return PageCursor.id(parts[1]);
        }
        throw PageCursor.invalid();
    }
}
