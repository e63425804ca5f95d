package org.incidentmap.ogcapi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The extent of a collection's data, as computed from the rows: a WGS 84 bbox (null when the collection is
 * empty) and the first and last instants (null when the collection has no time).
 */
public record CollectionExtent(double[] bbox, Instant start, Instant end) {

    /** Reads an extent from the first columns of the current row: xmin, ymin, xmax, ymax, and start, end if timed. */
    public static CollectionExtent fromRow(ResultSet rs, boolean timed) throws SQLException {
        return fromRow(timed ? new Object[] {number(rs, 1), number(rs, 2), number(rs, 3), number(rs, 4),
            instant(rs, 5), instant(rs, 6)} : new Object[] {number(rs, 1), number(rs, 2), number(rs, 3), number(rs, 4)});
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** Builds an extent from the columns of an extent query: xmin, ymin, xmax, ymax, and start, end if timed. */
    public static CollectionExtent fromRow(Object[] row) {
        double[] bbox = row[0] == null ? null : new double[] {
            ((Number) row[0]).doubleValue(), ((Number) row[1]).doubleValue(),
            ((Number) row[2]).doubleValue(), ((Number) row[3]).doubleValue()};
        boolean timed = row.length > 4;
        return new CollectionExtent(bbox, timed ? (Instant) row[4] : null, timed ? (Instant) row[5] : null);
    }
}
