package org.incidentmap.incident;

import static org.incidentmap.incident.IncidentSearch.CENTRE;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.incidentmap.ogcapi.Page;
import org.incidentmap.ogcapi.PageCursor;
import org.incidentmap.ogcapi.SqlFilter;

/**
 * One page of a radius query, nearest first by true (ellipsoidal) distance, without sorting every match.
 *
 * <p>When many incidents match, the geography index is walked in order of distance on the sphere ({@code <->})
 * for a window a little larger than the page, and only that window is measured on the ellipsoid and sorted. On
 * Earth the ellipsoidal distance is within 0.6 % of the spherical one (1 % is assumed), so a row outside the
 * window is at least 0.99 x the window's farthest sphere distance away: when the page ends before that bound
 * the page is exact. If it does not (clustered data, other filters) or few incidents match, every match is
 * measured and sorted instead. Either way the page is the one a full sort would give.
 */
final class NearestFirstSearch {

    /** Least ratio of ellipsoidal to spherical distance between two points, with a margin (true value ~0.994). */
    static final double SPHERE_TO_ELLIPSOID = 0.99;
    static final String DISTANCE = "ST_Distance(f.geom::geography, " + CENTRE + ")";
    static final String SPHERE_DISTANCE = "(f.geom::geography <-> " + CENTRE + ")";
    /** Rows so close to the centre that they come before a cursor's distance: not read again on later pages. */
    static final String BEYOND_SKIP = "NOT ST_DWithin(f.geom::geography, " + CENTRE + ", :skip_m, false)";
    static final String AFTER_DISTANCE = "(f.distance_m, f.id) > (:after_distance, :after_id)";
    static final String WINDOW = "SELECT f.* FROM (SELECT w.*, count(*) OVER () AS window_rows,"
            + " max(w.sphere_m) OVER () AS window_reach FROM (SELECT " + IncidentRows.COLUMNS + ", "
            + DISTANCE + " AS distance_m, " + SPHERE_DISTANCE + " AS sphere_m FROM incident f WHERE %s"
            + " ORDER BY " + SPHERE_DISTANCE + " LIMIT :window) w) f"
            + " WHERE f.distance_m <= :radius_m AND %s ORDER BY f.distance_m, f.id LIMIT :limit";
    static final String ALL_SORTED = "SELECT f.* FROM (SELECT " + IncidentRows.COLUMNS + ", " + DISTANCE
            + " AS distance_m FROM incident f WHERE %s) f WHERE %s ORDER BY f.distance_m, f.id LIMIT :limit";

    private final Connection connection;
    private final IncidentSearch search;
    private final IncidentQuery q;

    NearestFirstSearch(Connection connection, IncidentSearch search, IncidentQuery q) {
        this.connection = connection;
        this.search = search;
        this.q = q;
    }

    /** {@code withRadius}: every filter; {@code withoutRadius}: the same minus the radius condition. */
    Page<IncidentMatch> find(SqlFilter withRadius, SqlFilter withoutRadius) throws SQLException {
        SqlFilter after = new SqlFilter();
        SqlFilter ahead = withRadius;
        if (q.cursor() != null) {
            double afterDistance = afterDistance(after, q.cursor());
            ahead = withRadius.copy().and(BEYOND_SKIP, "skip_m", afterDistance * SPHERE_TO_ELLIPSOID);
            withoutRadius = withoutRadius.copy().and(BEYOND_SKIP, "skip_m", afterDistance * SPHERE_TO_ELLIPSOID);
        }
        int window = (int) Math.ceil((q.limit() + 1) * 1.2) + 50;
        int countMax = search.countMax();
        Long aheadCount = search.countUpTo(connection, IncidentSearch.TABLE, ahead, Math.max(window, countMax));
        Long matched = q.cursor() == null ? aheadCount
                : search.countUpTo(connection, IncidentSearch.TABLE, withRadius, countMax);
        if (matched != null && matched > countMax) {
            matched = null;
        }
        IncidentSearch.PageRows rows = null;
        if (aheadCount == null || aheadCount >= window) {
            rows = fromWindow(withoutRadius, after, window);
        }
        if (rows == null) {
            rows = IncidentSearch.rows(connection, ALL_SORTED.formatted(withRadius.where(), after.where()),
                    IncidentSearch.with(withRadius, "limit", q.limit() + 1, "after_distance",
                            after.values().get("after_distance"), "after_id", after.values().get("after_id")), true,
                    search.maxPageWeight());
        }
        return IncidentSearch.page(q, rows, matched);
    }

    /** The page read from the nearest window, or null when the window cannot prove it exact. */
    private IncidentSearch.PageRows fromWindow(SqlFilter filter, SqlFilter after, int window) throws SQLException {
        String sql = WINDOW.formatted(filter.where(), after.where());
        Map<String, Object> values = IncidentSearch.with(filter, "window", window, "limit", q.limit() + 1,
                "after_distance", after.values().get("after_distance"), "after_id", after.values().get("after_id"));
        WindowExtent extent = new WindowExtent();
        IncidentSearch.PageRows page = IncidentSearch.rows(connection, sql, values, true, search.maxPageWeight(),
                extent::read);
        List<IncidentMatch> rows = page.rows();
        if (rows.isEmpty()) {
            return null;
        }
        if (extent.rows < window) {
            return page; // the window held every candidate
        }
        // The page (up to its last row) is exact when no row outside the window can come before that row.
        double unseenAtLeast = extent.reach * SPHERE_TO_ELLIPSOID;
        boolean exact = page.cut() || rows.size() > q.limit()
                ? rows.get(rows.size() - 1).distanceMetres() < unseenAtLeast
                : q.radius().metres() < unseenAtLeast;
        return exact ? page : null;
    }

    /** How many rows the window held and the farthest sphere distance among them (the same on every row). */
    private static final class WindowExtent {
        long rows;
        double reach;

        void read(ResultSet rs) throws SQLException {
            rows = rs.getLong("window_rows");
            reach = rs.getDouble("window_reach");
        }
    }

    /** Parses a "d:DISTANCE:ID" cursor into {@code filter}'s keyset condition; returns the distance. */
    private static double afterDistance(SqlFilter filter, String key) {
        String[] parts = key.split(":", -1);
        if (parts.length == 3 && parts[0].equals("d")) {
            try {
                double distance = Double.parseDouble(parts[1]);
                if (!Double.isFinite(distance) || distance < 0) {
                    throw PageCursor.invalid();
                }
                filter.and(AFTER_DISTANCE, "after_distance", distance, "after_id", PageCursor.id(parts[2]));
                return distance;
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw PageCursor.invalid();
    }
}
