package org.incidentmap.ogcapi;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.incidentmap.geo.Crs;
import org.incidentmap.problem.ProblemException;
import org.locationtech.jts.geom.Geometry;

/**
 * What of each feature an answer carries: its geometry in {@code crs}, or none ({@code skipGeometry}), and
 * all properties or only those named ({@code properties}, null for all).
 */
public record FeatureShape(Crs crs, Set<String> properties, boolean skipGeometry) {

    public static final FeatureShape WHOLE = new FeatureShape(Crs.CRS84, null, false);

    /**
     * The shape asked for by {@code crs}, {@code properties} (comma-separated names, each one of {@code known})
     * and {@code skipGeometry} (true or false).
     */
    public static FeatureShape parse(String crs, String properties, String skipGeometry, List<String> known) {
        return new FeatureShape(Crs.parse("crs", crs), properties == null ? null : names(properties, known),
                skip(skipGeometry));
    }

    private static Set<String> names(String text, List<String> known) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : Arrays.stream(text.split(",", -1)).map(String::strip).toList()) {
            if (!known.contains(name)) {
                throw ProblemException.badParameter("properties", "'" + name + "' is not a property of these "
                        + "features; they have " + String.join(", ", known));
            }
            names.add(name);
        }
        return names;
    }

    private static boolean skip(String text) {
        if (text == null || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw ProblemException.badParameter("skipGeometry", "'" + text + "' is neither true nor false");
    }

    /** Whether the answer carries property {@code name}. */
    public boolean has(String name) {
        return properties == null || properties.contains(name);
    }

    /** The geometry to write: {@code g} in the answer's CRS, or null when geometries are skipped. */
    public Geometry geometry(Geometry g) {
        return skipGeometry ? null : crs.fromCrs84(g);
    }
}
