package org.incidentmap.geo;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/** Checks what a stored or query geometry must satisfy beyond being well-formed GeoJSON. */
public final class GeometryRules {

    private GeometryRules() {
    }

    /**
     * Tests that {@code geometry} is within {@code limits} and topologically valid (OGC simple features, as JTS
     * judges it, and for a collection as GEOS needs it: see {@link #checkCollectionPolygons}); throws
     * {@link InvalidGeometryException} naming the reason and the coordinate.
     */
    public static void check(Geometry geometry, GeometryLimits limits) {
        if (geometry.isEmpty()) {
            throw new InvalidGeometryException("", "the geometry is empty: it has no position to place it on a map");
        }
        int vertices = geometry.getNumPoints();
        if (vertices > limits.maxVertices()) {
            throw new InvalidGeometryException("", "the geometry has " + vertices + " vertices; at most "
                    + limits.maxVertices() + " are accepted (incidentmap.geometry.max-vertices)");
        }
        if (collectionDepth(geometry) > limits.maxCollectionDepth()) {
            throw new InvalidGeometryException("", GeoJsonGeometryReader.tooDeep(limits.maxCollectionDepth()));
        }
        checkNoAntipodalEdge(geometry);
        checkValid(geometry, "the geometry is not valid: ");
        if (isCollection(geometry)) {
            checkCollectionPolygons(geometry);
        }
    }

    private static void checkValid(Geometry geometry, String prefix) {
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            Coordinate at = error.getCoordinate();
            String where = at == null ? "" : " at [" + at.x + ", " + at.y + "]";
            throw new InvalidGeometryException("", prefix + error.getMessage() + where);
        }
    }

    /**
     * Validity of a GeometryCollection only asks each member to be valid, but GEOS (in PostGIS) cannot relate a
     * collection whose polygons cross one another: every intersects test against it fails with a topology error,
     * so one such row would break every query that meets it. Its polygons must therefore be valid together, as the
     * parts of a MultiPolygon (no overlap, no shared edge), at any depth of nesting.
     */
    private static void checkCollectionPolygons(Geometry collection) {
        List<Polygon> polygons = PolygonExtracter.getPolygons(collection);
        if (polygons.size() > 1) {
            checkValid(collection.getFactory().createMultiPolygon(polygons.toArray(Polygon[]::new)),
                    "the polygons of a GeometryCollection must not overlap or share an edge (merge them into one): ");
        }
    }

    /** A GeometryCollection proper (JTS's Multi* types are collections too). */
    private static boolean isCollection(Geometry geometry) {
        return geometry.getClass() == GeometryCollection.class;
    }

    private static int collectionDepth(Geometry geometry) {
        if (!isCollection(geometry)) {
            return 0;
        }
        int deepest = 0;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            deepest = Math.max(deepest, collectionDepth(geometry.getGeometryN(i)));
        }
        return deepest + 1;
    }

    /**
     * An edge between antipodal points has no defined path on the globe: PostGIS refuses to measure it as
     * geography, so such a geometry could never be found by a radius query.
     */
    private static void checkNoAntipodalEdge(Geometry geometry) {
        geometry.apply(new AntipodalEdgeFinder());
    }

    private static final class AntipodalEdgeFinder implements CoordinateSequenceFilter {

        @Override
        public void filter(CoordinateSequence seq, int i) {
            if (i > 0 && antipodal(seq.getX(i - 1), seq.getY(i - 1), seq.getX(i), seq.getY(i))) {
                throw new InvalidGeometryException("", "the edge from [" + seq.getX(i - 1) + ", " + seq.getY(i - 1)
                        + "] to [" + seq.getX(i) + ", " + seq.getY(i) + "] joins opposite points of the globe, "
                        + "where the path between them is undefined; add a vertex between them");
            }
        }

        private static boolean antipodal(double lon1, double lat1, double lon2, double lat2) {
            double[] a = unit(lon1, lat1);
            double[] b = unit(lon2, lat2);
            return a[0] * b[0] + a[1] * b[1] + a[2] * b[2] < -1 + 1e-12;
        }

        private static double[] unit(double lon, double lat) {
            double phi = Math.toRadians(lat);
            double lambda = Math.toRadians(lon);
            return new double[] {Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)};
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return false;
        }
    }
}
