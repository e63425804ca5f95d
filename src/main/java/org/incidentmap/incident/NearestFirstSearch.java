package org.incidentmap.incident;

import static org.incidentmap.incident.IncidentSearch.CENTRE;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.incidentmap.geo.InscribedBox;
import org.incidentmap.ogcapi.Page;
import org.incidentmap.ogcapi.PageCursor;
import org.incidentmap.ogcapi.SqlFilter;

/**
 * One page of a radius query, nearest first by true (ellipsoidal) distance, without sorting every match.
 *
 * <p>When the counts kept per grid cell expect fewer matches than a window, every match is measured and
 * sorted, and counted in the same query. Otherwise the geography index is walked in order of distance on the
 * sphere ({@code <->}) for a window a little larger than the page, and only that window is measured on the
 * ellipsoid and sorted. On Earth the ellipsoidal distance is within 0.6 % of the spherical one (1 % is assumed),
 * so a row outside the window is at least 0.99 x the window's farthest sphere distance away: when the page ends
 * before that bound the page is exact, and when the window reached past the radius it also counted every match.
 * If it does not (clustered data, other filters), every match is measured and sorted instead. Either way the
 * page is the one a full sort would give.
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
            + " count(*) FILTER (WHERE w.distance_m <= :radius_m) OVER () AS window_inside,"
            + " max(w.sphere_m) OVER () AS window_reach FROM (SELECT " + IncidentRows.COLUMNS + ", "
            + DISTANCE + " AS distance_m, " + SPHERE_DISTANCE + " AS sphere_m FROM incident f WHERE %s"
            + " ORDER BY " + SPHERE_DISTANCE + " LIMIT :window) w) f"
            + " WHERE f.distance_m <= :radius_m AND %s ORDER BY f.distance_m, f.id LIMIT :limit";
    /**
     * Every match measured and sorted. The inner LIMIT keeps a wrong expectation from sorting a large result; under
     * it, the count over the inner rows is the whole result's.
     */
    static final String FEW_SORTED = "SELECT f.* FROM (SELECT m.*, count(*) OVER () AS matched_rows FROM (SELECT "
            + IncidentRows.COLUMNS + ", " + DISTANCE + " AS distance_m FROM incident f WHERE %s LIMIT :window) m) f"
            + " WHERE %s ORDER BY f.distance_m, f.id LIMIT :limit";
    static final String IN_INSCRIBED_BOX =
            "ST_Intersects(f.geom, ST_MakeEnvelope(:inner_w, :inner_s, :inner_e, :inner_n, 4326))";
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
        SqlFilter ahead = withoutRadius;
        if (q.cursor() != null) {
            double afterDistance = afterDistance(after, q.cursor());
            ahead = withoutRadius.copy().and(BEYOND_SKIP, "skip_m", afterDistance * SPHERE_TO_ELLIPSOID);
        }
        int window = (int) Math.ceil((q.limit() + 1) * 1.2) + 50;
        if (ExpectedMatches.within(connection, q.near(), q.radius().metres()) < window) {
            Page<IncidentMatch> few = fewSorted(withRadius, after, window);
            if (few != null) {
                return few;
            }
        }
        Window seen = window(ahead, after, window);
        IncidentSearch.PageRows rows = seen.exactPage();
        Long matched = null;
        if (rows != null) {
            matched = q.cursor() == null && seen.holdsEveryMatch() ? seen.inside : null;
        } else {
            rows = IncidentSearch.rows(connection, ALL_SORTED.formatted(withRadius.where(), after.where()),
                    values(withRadius, after, "limit", q.limit() + 1), true, search.maxPageWeight());
            boolean whole = q.cursor() == null && !rows.cut() && rows.rows().size() <= q.limit();
            matched = whole ? Long.valueOf(rows.rows().size()) : null;
        }
        if (matched == null) {
            matched = count(seen, withRadius, withoutRadius);
        }
        return IncidentSearch.page(q, rows, capped(matched));
    }

    /**
     * The page from every match measured and sorted, when the cell counts expect few; null when there are a
     * window's worth after all (clustered within the cells, or a large polygon counted in another cell).
     */
    private Page<IncidentMatch> fewSorted(SqlFilter withRadius, SqlFilter after, int window) throws SQLException {
        long[] matched = {-1};
        IncidentSearch.PageRows rows = IncidentSearch.rows(connection,
                FEW_SORTED.formatted(withRadius.where(), after.where()),
                values(withRadius, after, "window", window, "limit", q.limit() + 1), true, search.maxPageWeight(),
                rs -> matched[0] = rs.getLong("matched_rows"));
        if (matched[0] >= window) {
            return null;
        }
        if (matched[0] < 0 && q.cursor() == null) {
            matched[0] = 0; // no row came back, and no cursor held any back
        } else if (matched[0] < 0) {
            // None after the cursor among the rows read: the answer only if those rows were every match.
            Long all = search.countUpTo(connection, IncidentSearch.TABLE, withRadius, window - 1);
            if (all == null) {
                return null;
            }
            matched[0] = all;
        }
        return IncidentSearch.page(q, rows, capped(matched[0]));
    }

    /** numberMatched as reported: null past the cap. */
    private Long capped(Long matched) {
        return matched != null && matched > search.countMax() ? null : matched;
    }

    /** The values of {@code filter} and of the cursor's keyset condition, and {@code namesAndValues}. */
    private static Map<String, Object> values(SqlFilter filter, SqlFilter after, Object... namesAndValues) {
        Map<String, Object> values = IncidentSearch.with(filter, namesAndValues);
        values.putAll(after.values());
        return values;
    }

    /**
     * numberMatched counted in the database, up to the cap (null above it). When the nearest window suggests
     * more matches than the cap, a count of the box inscribed in the circle is tried first: coordinate tests
     * instead of ellipsoidal distances, so proving "more than the cap" costs about half the exact count. The
     * suggestion only orders the work; what is reported is always counted.
     */
    private Long count(Window seen, SqlFilter withRadius, SqlFilter withoutRadius) throws SQLException {
        int cap = search.countMax();
        if (seen.inside > cap) {
            return null; // every window row within the radius is a match
        }
        Optional<InscribedBox> box = InscribedBox.inside(q.near(), q.radius().metres());
        if (box.isPresent() && seen.suggestsMoreThan(cap)) {
            InscribedBox b = box.get();
            SqlFilter inBox = withoutRadius.copy().and(IN_INSCRIBED_BOX, "inner_w", b.west(), "inner_s", b.south(),
                    "inner_e", b.east(), "inner_n", b.north());
            if (search.countUpTo(connection, IncidentSearch.TABLE, inBox, cap) == null) {
                return null;
            }
        }
        return search.countUpTo(connection, IncidentSearch.TABLE, withRadius, cap);
    }

    /** Reads the page from the nearest window, and what the window saw. */
    private Window window(SqlFilter filter, SqlFilter after, int size) throws SQLException {
        Window seen = new Window(size);
        seen.page = IncidentSearch.rows(connection, WINDOW.formatted(filter.where(), after.where()),
                values(filter, after, "window", size, "limit", q.limit() + 1), true, search.maxPageWeight(),
                seen::read);
        return seen;
    }

    /**
     * What the nearest window saw: how many rows it held, how many of them are within the radius, and the
     * farthest sphere distance among them (the same on every row; nothing is known when no row came back).
     */
    private final class Window {
        final int size;
        IncidentSearch.PageRows page;
        boolean read;
        long rows;
        long inside;
        double reach;

        Window(int size) {
            this.size = size;
        }

        void read(ResultSet rs) throws SQLException {
            read = true;
            rows = rs.getLong("window_rows");
            inside = rs.getLong("window_inside");
            reach = rs.getDouble("window_reach");
        }

        /** Every match ahead is in the window: it held every candidate, or reached past the radius. */
        boolean holdsEveryMatch() {
            return read && (rows < size || q.radius().metres() < reach * SPHERE_TO_ELLIPSOID);
        }

        /** The page, or null when the window cannot prove it is the page a full sort would give. */
        IncidentSearch.PageRows exactPage() {
            List<IncidentMatch> found = page.rows();
            if (!read) {
                return null;
            }
            if (rows < size) {
                return page; // the window held every candidate
            }
            // The page (up to its last row) is exact when no row outside the window can come before that row.
            double unseenAtLeast = reach * SPHERE_TO_ELLIPSOID;
            boolean exact = page.cut() || found.size() > q.limit()
                    ? found.get(found.size() - 1).distanceMetres() < unseenAtLeast
                    : q.radius().metres() < unseenAtLeast;
            return exact ? page : null;
        }

        /** Whether the window's density, spread over the whole circle, comes to more than {@code n} matches. */
        boolean suggestsMoreThan(long n) {
            if (!read || holdsEveryMatch()) {
                return false;
            }
            double ratio = q.radius().metres() / reach;
            return reach == 0 || rows * ratio * ratio > n;
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
