package org.incidentmap.support;

import java.util.List;
import java.util.Map;

/** Builds region Features for API tests. */
public final class Regions {

    private Regions() {
    }

    /** A square region with its south-west corner at (west, south), {@code size} degrees a side. */
    public static Map<String, Object> square(String id, String name, String kind, double west, double south,
            double size) {
        List<List<Double>> ring = List.of(List.of(west, south), List.of(west + size, south),
                List.of(west + size, south + size), List.of(west, south + size), List.of(west, south));
        return Map.of("type", "Feature", "id", id,
                "properties", Map.of("name", name, "kind", kind, "approximate", true),
                "geometry", Map.of("type", "Polygon", "coordinates", List.of(ring)));
    }
}
