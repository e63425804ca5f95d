package org.incidentmap.geo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.incidentmap.problem.ProblemException;

/** A search radius in true metres on the WGS 84 ellipsoid. */
public record Radius(double metres) {

    private static final Pattern TEXT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(m|km)?");

    /**
     * Parses the {@code radius} parameter: metres ({@code 25000}, {@code 500m}) or kilometres ({@code 25km});
     * it must be greater than 0 and at most {@code maxMetres}.
     */
    public static Radius parse(String text, double maxMetres) {
        Matcher m = TEXT.matcher(text.strip().toLowerCase());
        if (!m.matches()) {
            throw ProblemException.badParameter("radius", "'" + text + "' is not a distance; use metres (25000, "
                    + "500m) or kilometres (25km)");
        }
        double metres = Double.parseDouble(m.group(1)) * ("km".equals(m.group(2)) ? 1000 : 1);
        if (metres <= 0 || metres > maxMetres) {
            throw ProblemException.badParameter("radius", "must be greater than 0 and at most " + (long) maxMetres
                    + " metres, got " + metres);
        }
        return new Radius(metres);
    }
}
