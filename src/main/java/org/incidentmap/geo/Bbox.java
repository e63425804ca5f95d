package org.incidentmap.geo;

import org.incidentmap.problem.ProblemException;

/**
 * A bounding box in WGS 84 degrees (CRS84: longitude first). When {@code minLon > maxLon} the box crosses the
 * antimeridian, as OGC API - Features and RFC 7946 define it.
 */
public record Bbox(double minLon, double minLat, double maxLon, double maxLat) {

    /**
     * Parses the {@code bbox} parameter: {@code minLon,minLat,maxLon,maxLat}, or six numbers with heights
     * ({@code minLon,minLat,minH,maxLon,maxLat,maxH}) whose heights are ignored, since geometries are 2D.
     */
    public static Bbox parse(String text) {
        return parse(text, Crs.CRS84);
    }

    /** Parses the {@code bbox} parameter given in {@code crs} (the {@code bbox-crs} parameter) into CRS84. */
    public static Bbox parse(String text, Crs crs) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw ProblemException.badParameter("bbox", "expected 4 numbers minLon,minLat,maxLon,maxLat (or 6 with "
                    + "heights), got " + parts.length);
        }
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Numbers.parse("bbox", parts[i]);
        }
        double[] c = crs.bboxToCrs84(v);
        Bbox box = new Bbox(c[0], c[1], c[2], c[3]);
        box.check();
        return box;
    }

    private void check() {
        for (double lon : new double[] {minLon, maxLon}) {
            if (lon < -180 || lon > 180) {
                throw ProblemException.badParameter("bbox", "longitude " + lon + " is outside [-180, 180]");
            }
        }
        for (double lat : new double[] {minLat, maxLat}) {
            if (lat < -90 || lat > 90) {
                throw ProblemException.badParameter("bbox", "latitude " + lat + " is outside [-90, 90]");
            }
        }
        if (minLat > maxLat) {
            throw ProblemException.badParameter("bbox", "minLat " + minLat + " is greater than maxLat " + maxLat);
        }
    }

    /** Tests whether the box crosses the antimeridian (its western edge lies east of its eastern edge). */
    public boolean crossesAntimeridian() {
        return minLon > maxLon;
    }
}
