package org.incidentmap.ogcapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.incidentmap.geo.GeoJsonGeometryReader;
import org.incidentmap.geo.GeometryLimits;
import org.incidentmap.geo.GeometryRules;
import org.incidentmap.geo.InvalidGeometryException;
import org.incidentmap.problem.Violation;
import org.locationtech.jts.geom.Geometry;

/**
 * The parts every stored Feature has: its {@code id} member, a valid geometry, and a properties object.
 * Problems are added to the caller's violation list; a part that could not be read comes back null.
 */
public record FeatureEnvelope(JsonNode id, Geometry geometry, PropertyReader properties) {

    public static FeatureEnvelope read(FeatureBody.Located located, GeometryLimits limits, List<Violation> violations) {
        JsonNode feature = located.feature();
        String at = located.pointer();
        if (!"Feature".equals(feature.path("type").asText())) {
            violations.add(Violation.atPointer(at + "/type", "must be \"Feature\""));
        }
        JsonNode props = feature.get("properties");
        if (props == null || !props.isObject()) {
            violations.add(Violation.atPointer(at + "/properties", "must be an object"));
            props = JsonNodeFactory.instance.objectNode();
        }
        PropertyReader properties = new PropertyReader(props, at + "/properties", violations);
        return new FeatureEnvelope(feature.get("id"), geometry(feature.get("geometry"), at, limits, violations),
                properties);
    }

    private static Geometry geometry(JsonNode node, String at, GeometryLimits limits, List<Violation> violations) {
        if (node == null || node.isNull()) {
            violations.add(Violation.atPointer(at + "/geometry", "is required: a feature must be placed on the map"));
            return null;
        }
        try {
            Geometry g = GeoJsonGeometryReader.read(node, limits);
            GeometryRules.check(g, limits);
            return g;
        } catch (InvalidGeometryException e) {
            violations.add(Violation.atPointer(at + "/geometry" + e.pointer(), e.getMessage()));
            return null;
        }
    }
}
