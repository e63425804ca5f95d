package org.incidentmap.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/** Checks what a stored or query geometry must satisfy beyond being well-formed GeoJSON. */
public final class GeometryRules {

    private GeometryRules() {
    }

    /**
     * Tests that {@code geometry} has at most {@code maxVertices} vertices and is topologically valid (OGC simple
     * features, as JTS judges it); throws {@link InvalidGeometryException} naming the reason and the coordinate.
     */
    public static void check(Geometry geometry, int maxVertices) {
        if (geometry.isEmpty()) {
            throw new InvalidGeometryException("", "the geometry is empty: it has no position to place it on a map");
        }
        int vertices = geometry.getNumPoints();
        if (vertices > maxVertices) {
            throw new InvalidGeometryException("", "the geometry has " + vertices + " vertices; at most "
                    + maxVertices + " are accepted");
        }
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            Coordinate at = error.getCoordinate();
            String where = at == null ? "" : " at [" + at.x + ", " + at.y + "]";
            throw new InvalidGeometryException("", "the geometry is not valid: " + error.getMessage() + where);
        }
    }
}
