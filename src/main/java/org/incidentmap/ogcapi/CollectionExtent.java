package org.incidentmap.ogcapi;

import java.time.Instant;

/**
 * The extent of a collection's data, as computed from the rows: a WGS 84 bbox (null when the collection is
 * empty) and the first and last instants (null when the collection has no time).
 */
public record CollectionExtent(double[] bbox, Instant start, Instant end) {

    /** Builds an extent from the columns of an extent query: xmin, ymin, xmax, ymax, and start, end if timed. */
    public static CollectionExtent fromRow(Object[] row) {
        double[] bbox = row[0] == null ? null : new double[] {
            ((Number) row[0]).doubleValue(), ((Number) row[1]).doubleValue(),
            ((Number) row[2]).doubleValue(), ((Number) row[3]).doubleValue()};
        boolean timed = row.length > 4;
        return new CollectionExtent(bbox, timed ? (Instant) row[4] : null, timed ? (Instant) row[5] : null);
    }
}
