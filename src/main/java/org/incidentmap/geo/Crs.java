package org.incidentmap.geo;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.incidentmap.problem.ProblemException;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * The coordinate reference systems features can be written in and bboxes read in (OGC API - Features Part 2).
 * Everything is stored in CRS84; the others are computed on the way out (and, for a bbox, on the way in):
 * EPSG:4326 is the same datum with latitude first, as that CRS defines its axes; EPSG:3857 is Web Mercator in
 * metres, computed on the sphere as that CRS defines it.
 */
public enum Crs {
    CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84"),
    EPSG_4326("http://www.opengis.net/def/crs/EPSG/0/4326"),
    EPSG_3857("http://www.opengis.net/def/crs/EPSG/0/3857");

    /** Web Mercator's sphere and the latitude where its square world ends. */
    private static final double RADIUS = 6_378_137.0;
    private static final double MAX_LAT = 85.0511287798066;

    private final String uri;

    Crs(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }

    public static List<String> uris() {
        return Arrays.stream(values()).map(Crs::uri).toList();
    }

    /** The CRS named by {@code value} of query parameter {@code parameter} (its URI or [EPSG:4326]-style CURIE). */
    public static Crs parse(String parameter, String value) {
        if (value == null) {
            return CRS84;
        }
        return find(value).orElseThrow(() -> ProblemException.badParameter(parameter, "'" + value + "' is not a CRS "
                + "of this service; it offers " + String.join(", ", uris())));
    }

    /** The CRS named by {@code value} (its URI, its code such as EPSG:4326, or that code in brackets), if any. */
    public static Optional<Crs> find(String value) {
        String v = value.strip();
        for (Crs crs : values()) {
            String code = crs.uri.substring(crs.uri.lastIndexOf("/crs/") + 5).replace("/0/", ":").replace("/1.3/", ":");
            if (crs.uri.equals(v) || v.equalsIgnoreCase("[" + code + "]") || v.equalsIgnoreCase(code)) {
                return Optional.of(crs);
            }
        }
        return Optional.empty();
    }

    /** {@code g} (CRS84) in this CRS; {@code g} itself for CRS84. */
    public Geometry fromCrs84(Geometry g) {
        if (this == CRS84) {
            return g;
        }
        Geometry copy = g.copy();
        if (this == EPSG_4326) {
            swapAxes(copy);
            return copy;
        }
        transform(copy, (seq, i) -> {
            double lon = seq.getX(i);
            double lat = Math.max(-MAX_LAT, Math.min(MAX_LAT, seq.getY(i)));
            seq.setOrdinate(i, 0, Math.toRadians(lon) * RADIUS);
            seq.setOrdinate(i, 1, Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)) * RADIUS);
        });
        return copy;
    }

    /** Swaps the first two axes of every position of {@code g}, in place (latitude first to longitude first). */
    public static void swapAxes(Geometry g) {
        transform(g, (seq, i) -> {
            double x = seq.getX(i);
            seq.setOrdinate(i, 0, seq.getY(i));
            seq.setOrdinate(i, 1, x);
        });
    }

    private interface PositionChange {
        void apply(CoordinateSequence seq, int i);
    }

    /**
     * Changes every position of {@code g} in place. A sequence filter sets the ordinates themselves, whatever the
     * sequence's storage (a Coordinate filter would get copies from packed sequences, as WKB reading makes).
     */
    private static void transform(Geometry g, PositionChange change) {
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                change.apply(seq, i);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
    }

    /**
     * A bbox parameter given in this CRS ({@code v}: 4 numbers, or 6 with heights, in this CRS's axis order) as
     * CRS84 numbers minLon, minLat, maxLon, maxLat.
     */
    public double[] bboxToCrs84(double[] v) {
        int upper = v.length / 2;
        double x0 = v[0];
        double y0 = v[1];
        double x1 = v[upper];
        double y1 = v[upper + 1];
        return switch (this) {
            case CRS84 -> new double[] {x0, y0, x1, y1};
            case EPSG_4326 -> new double[] {y0, x0, y1, x1};
            case EPSG_3857 -> new double[] {lon(x0), lat(y0), lon(x1), lat(y1)};
        };
    }

    private static double lon(double x) {
        return Math.toDegrees(x / RADIUS);
    }

    private static double lat(double y) {
        return Math.toDegrees(2 * Math.atan(Math.exp(y / RADIUS)) - Math.PI / 2);
    }
}
