package org.incidentmap.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.incidentmap.ogcapi.CollectionExtent;
import org.incidentmap.ogcapi.DatabaseFailure;

/**
 * The bbox and time span of all incidents, read from the one row that the writes keep up to date (see the
 * V2 migration): constant time at any table size. When a delete made it stale, it is recomputed once, under that
 * row's lock so that no concurrent write is missed. The usual read is one plain JDBC query: through Hibernate in a
 * JTA transaction it took a third of the JVM's CPU for {@code /collections/incidents}.
 */
@ApplicationScoped
public class IncidentExtent {

    static final String READ = "SELECT min_lon, min_lat, max_lon, max_lat, t0, t1, stale FROM collection_extent"
            + " WHERE collection = 'incidents'";
    static final String RECOMPUTE = "UPDATE collection_extent e SET min_lon = ST_XMin(s.box), min_lat = ST_YMin(s.box),"
            + " max_lon = ST_XMax(s.box), max_lat = ST_YMax(s.box), t0 = s.t0, t1 = s.t1, stale = false"
            + " FROM (SELECT ST_Extent(geom) AS box, min(occurred_at) AS t0,"
            + " max(coalesce(occurred_until, occurred_at)) AS t1 FROM incident) s WHERE e.collection = 'incidents'";

    @Inject
    Session session;

    @Inject
    DataSource dataSource;

    public CollectionExtent get() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(READ);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            if (!rs.getBoolean(7)) {
                return CollectionExtent.fromRow(rs, true);
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
        return recomputed();
    }

    /** The extent, recomputed first when it is still stale once its row is locked. */
    @Transactional
    CollectionExtent recomputed() {
        Object[] row = read(READ + " FOR UPDATE");
        if ((Boolean) row[6]) {
            session.createNativeMutationQuery(RECOMPUTE).executeUpdate();
            row = read(READ);
        }
        return CollectionExtent.fromRow(Arrays.copyOf(row, 6));
    }

    private Object[] read(String sql) {
        return session.createNativeQuery(sql, Object[].class)
                .addScalar("min_lon", Double.class).addScalar("min_lat", Double.class)
                .addScalar("max_lon", Double.class).addScalar("max_lat", Double.class)
                .addScalar("t0", Instant.class).addScalar("t1", Instant.class)
                .addScalar("stale", Boolean.class).getSingleResult();
    }
}
