package org.incidentmap.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.incidentmap.ogcapi.DatabaseFailure;
import org.incidentmap.ogcapi.NamedSql;
import org.incidentmap.ogcapi.SqlFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * Counts the incidents matching a query (the filters of items) and sums their fatalities, by a {@link Grouping},
 * in one SQL statement. Counts by category over all incidents, or over some categories only, are added up from
 * the per-cell counts the writes keep for the tiles (incident_cell), not from the rows.
 */
@ApplicationScoped
public class IncidentCounts {

    static final String BY_KEY = "SELECT %s AS key, count(*) AS n, coalesce(sum(f.fatalities), 0) AS fatalities"
            + " FROM incident f WHERE %s GROUP BY 1";
    /** Every region, those with no match too (a choropleth shows them as zero). */
    static final String BY_REGION = "SELECT r.id AS key, r.name, count(f.id) AS n,"
            + " coalesce(sum(f.fatalities), 0) AS fatalities FROM region r"
            + " LEFT JOIN incident f ON ST_Intersects(f.geom, r.geom) AND %s GROUP BY r.id, r.name";
    static final String CATEGORIES_FROM_CELLS = "SELECT c.category AS key, sum(c.n) AS n,"
            + " sum(c.fatalities) AS fatalities FROM incident_cell c WHERE %s GROUP BY 1 HAVING sum(c.n) > 0";

    /** Largest groups first, then by key (no key last); time groups in time order. */
    static final Comparator<CountGroup> LARGEST_FIRST = Comparator.comparingLong(CountGroup::incidents).reversed()
            .thenComparing(CountGroup::key, Comparator.nullsLast(Comparator.naturalOrder()));

    @Inject
    DataSource dataSource;

    /** The groups of the matches of {@code q} (in {@code region} when not null). */
    List<CountGroup> count(Grouping by, IncidentQuery q, Geometry region) {
        SqlFilter filter = IncidentSearch.filter(q, region, true);
        if (by.byTime()) {
            Map<LocalDate, long[]> counts = new HashMap<>();
            for (CountGroup g : run(BY_KEY.formatted(by.keySql() + "::date", filter.where()), filter.values(), false)) {
                counts.put(LocalDate.parse(g.key()), new long[] {g.incidents(), g.fatalities()});
            }
            return TimeBuckets.filled(by, counts, q.datetime());
        }
        if (by == Grouping.CATEGORY && onlyCategories(q)) {
            SqlFilter cells = new SqlFilter();
            if (q.categories() != null) {
                cells.and("c.category = ANY(:categories)", "categories", q.categories().toArray(String[]::new));
            }
            return largestFirst(run(CATEGORIES_FROM_CELLS.formatted(cells.where()), cells.values(), false));
        }
        String sql = by == Grouping.REGION ? BY_REGION.formatted(filter.where())
                : BY_KEY.formatted(by.keySql(), filter.where());
        return largestFirst(run(sql, filter.values(), by == Grouping.REGION));
    }

    private static List<CountGroup> largestFirst(List<CountGroup> groups) {
        groups.sort(LARGEST_FIRST);
        return groups;
    }

    private static boolean onlyCategories(IncidentQuery q) {
        return q.bbox() == null && q.near() == null && q.region() == null && q.intersects() == null
                && q.datetime() == null && q.fatalitiesMin() == null && q.filter() == null;
    }

    private List<CountGroup> run(String sql, Map<String, Object> values, boolean named) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = new NamedSql(sql).prepare(c, values); ResultSet rs = s.executeQuery()) {
            List<CountGroup> groups = new ArrayList<>();
            while (rs.next()) {
                groups.add(new CountGroup(rs.getString("key"), named ? rs.getString("name") : null, null, null,
                        rs.getLong("n"), rs.getLong("fatalities")));
            }
            return groups;
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }
}
