package org.incidentmap.incident;

import java.util.List;
import org.incidentmap.geo.GeometryLimits;
import org.incidentmap.ogcapi.FeatureBody;
import org.incidentmap.problem.Violation;

/** Opens the incident Feature reader to tests in other packages (the fuzz targets). */
public final class IncidentFeatures {

    private IncidentFeatures() {
    }

    /** Reads {@code feature} as a POST would, adding what is wrong with it to {@code violations}. */
    public static void read(FeatureBody.Located feature, GeometryLimits limits, List<Violation> violations) {
        IncidentFeatureReader.read(feature, limits, violations);
    }
}
