package org.incidentmap.geo;

import org.incidentmap.problem.ProblemException;

/** The centre of a radius query, in WGS 84 degrees, longitude first. */
public record NearPoint(double lon, double lat) {

    /** Parses the {@code near} parameter: {@code LON,LAT}. */
    public static NearPoint parse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 2) {
            throw ProblemException.badParameter("near", "expected LON,LAT (two numbers), got " + parts.length);
        }
        double lon = Numbers.parse("near", parts[0]);
        double lat = Numbers.parse("near", parts[1]);
        if (lon < -180 || lon > 180) {
            throw ProblemException.badParameter("near", "longitude " + lon + " is outside [-180, 180]");
        }
        if (lat < -90 || lat > 90) {
            throw ProblemException.badParameter("near", "latitude " + lat + " is outside [-90, 90]");
        }
        return new NearPoint(lon, lat);
    }
}
