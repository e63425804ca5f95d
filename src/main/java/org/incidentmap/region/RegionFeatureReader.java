package org.incidentmap.region;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.incidentmap.geo.GeometryLimits;
import org.incidentmap.ogcapi.FeatureBody;
import org.incidentmap.ogcapi.FeatureEnvelope;
import org.incidentmap.ogcapi.PropertyReader;
import org.incidentmap.problem.Violation;
import org.locationtech.jts.geom.Polygonal;

/** Reads and validates one region Feature: a slug {@code id}, name, kind, approximate flag and a (multi)polygon. */
final class RegionFeatureReader {

    static final List<String> PROPERTIES = List.of("name", "kind", "approximate");
    static final Set<String> SERVER_SET = Set.of("created_at", "updated_at");
    static final String SLUG = "[a-z0-9][a-z0-9-]{0,62}";

    private RegionFeatureReader() {
    }

    /** Reads {@code located}; {@code id} overrides the body's id when not null (the id in a PUT path). */
    static Region read(FeatureBody.Located located, String id, GeometryLimits limits, List<Violation> violations) {
        int before = violations.size();
        FeatureEnvelope envelope = FeatureEnvelope.read(located, limits, violations);
        PropertyReader p = envelope.properties();
        p.rejectUnknown(PROPERTIES, SERVER_SET);

        Region region = new Region();
        region.id = id != null ? id : slug(envelope.id(), located.pointer(), violations);
        region.name = p.text("name", true, 200);
        region.kind = p.text("kind", true, 100);
        Boolean approximate = p.bool("approximate");
        region.approximate = approximate != null && approximate;
        region.geom = envelope.geometry();
        if (region.geom != null && !(region.geom instanceof Polygonal)) {
            violations.add(Violation.atPointer(located.pointer() + "/geometry/type",
                    "a region must be a Polygon or MultiPolygon, not a " + region.geom.getGeometryType()));
        }
        return violations.size() == before ? region : null;
    }

    private static String slug(JsonNode id, String at, List<Violation> violations) {
        if (id == null || !id.isTextual() || !id.asText().matches(SLUG)) {
            violations.add(Violation.atPointer(at + "/id", "a region needs an 'id': a slug of lower-case letters, "
                    + "digits and hyphens such as \"qardaha\""));
            return null;
        }
        return id.asText();
    }
}
