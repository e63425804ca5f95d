package org.incidentmap.geo;

import java.util.Optional;

/**
 * A box in WGS 84 degrees that lies wholly inside a circle of true (ellipsoidal) radius around a point, so that
 * any geometry touching it is within the radius. Whether a row touches a box is a comparison of coordinates;
 * whether it is within a radius is an ellipsoidal distance. Counting the box is therefore a cheap proof that a
 * radius holds at least that many incidents.
 */
public record InscribedBox(double west, double south, double east, double north) {

    /**
     * Metres in a degree of latitude or of longitude, at most, anywhere on WGS 84 (a degree of latitude at a
     * pole is 111,693.9 m; of longitude on the equator, 111,319.5 m), rounded up.
     */
    static final double MAX_METRES_PER_DEGREE = 111_700;
    /** How far the corners reach, at most, as a share of the radius: a margin for treating the box as flat. */
    static final double CORNER_REACH = 0.97;
    /** Larger circles, or boxes nearer a pole, curve too much for the flat margin; they get no box. */
    static final double MAX_RADIUS_METRES = 100_000;
    static final double MAX_LATITUDE = 70;

    /** The square inscribed in the circle of {@code metres} around {@code centre}, when one is safe to use. */
    public static Optional<InscribedBox> inside(NearPoint centre, double metres) {
        if (metres > MAX_RADIUS_METRES) {
            return Optional.empty();
        }
        double half = metres * CORNER_REACH / Math.sqrt(2);
        double dLat = half / MAX_METRES_PER_DEGREE;
        double south = centre.lat() - dLat;
        double north = centre.lat() + dLat;
        if (Math.max(Math.abs(south), Math.abs(north)) > MAX_LATITUDE) {
            return Optional.empty();
        }
        // A degree of longitude is longest at the latitude nearest the equator: sized there, no row is wider.
        double nearestEquator = south <= 0 && north >= 0 ? 0 : Math.min(Math.abs(south), Math.abs(north));
        double dLon = half / (MAX_METRES_PER_DEGREE * Math.cos(Math.toRadians(nearestEquator)));
        double west = centre.lon() - dLon;
        double east = centre.lon() + dLon;
        if (west < -180 || east > 180) {
            return Optional.empty();
        }
        return Optional.of(new InscribedBox(west, south, east, north));
    }
}
