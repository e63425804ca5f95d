package org.incidentmap.geo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Reads an RFC 7946 GeoJSON geometry object into a JTS geometry with SRID 4326 (longitude, latitude in degrees).
 * Checks structure and coordinate ranges as it reads, naming the exact position that is wrong; an altitude
 * (third number) is accepted and dropped, since incidents are stored in 2D. Topology is checked by
 * {@link GeometryRules}.
 */
public final class GeoJsonGeometryReader {

    public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private static final List<String> TYPES = List.of("Point", "MultiPoint", "LineString", "MultiLineString",
            "Polygon", "MultiPolygon", "GeometryCollection");

    private GeoJsonGeometryReader() {
    }

    /**
     * Reads {@code node}, with collections nested at most {@code limits.maxCollectionDepth()} deep; throws
     * {@link InvalidGeometryException} pointing inside it when it is not valid.
     */
    public static Geometry read(JsonNode node, GeometryLimits limits) {
        return read(node, "", 0, limits.maxCollectionDepth());
    }

    private static Geometry read(JsonNode node, String at, int depth, int maxDepth) {
        if (node == null || !node.isObject()) {
            throw new InvalidGeometryException(at, "a geometry must be a GeoJSON object with 'type' and 'coordinates'");
        }
        String type = node.path("type").asText("");
        if (!TYPES.contains(type)) {
            throw new InvalidGeometryException(at + "/type", "unknown geometry type '" + type + "'; expected one of "
                    + String.join(", ", TYPES));
        }
        if (type.equals("GeometryCollection")) {
            if (depth == maxDepth) {
                throw new InvalidGeometryException(at, tooDeep(maxDepth));
            }
            JsonNode members = node.get("geometries");
            if (members == null || !members.isArray()) {
                throw new InvalidGeometryException(at + "/geometries", "a GeometryCollection needs a 'geometries' array");
            }
            return WGS84.createGeometryCollection(each(members, at + "/geometries", (n, p) -> read(n, p, depth + 1, maxDepth))
                    .toArray(Geometry[]::new));
        }
        JsonNode c = node.get("coordinates");
        String cAt = at + "/coordinates";
        if (c == null || !c.isArray()) {
            throw new InvalidGeometryException(cAt, "a " + type + " needs a 'coordinates' array");
        }
        return switch (type) {
            case "Point" -> WGS84.createPoint(position(c, cAt));
            case "MultiPoint" -> WGS84.createMultiPointFromCoords(positions(c, cAt, 1));
            case "LineString" -> WGS84.createLineString(positions(c, cAt, 2));
            case "MultiLineString" -> WGS84.createMultiLineString(each(c, cAt, (n, p) -> WGS84.createLineString(positions(n, p, 2)))
                    .toArray(org.locationtech.jts.geom.LineString[]::new));
            case "Polygon" -> polygon(c, cAt);
            case "MultiPolygon" -> WGS84.createMultiPolygon(each(c, cAt, GeoJsonGeometryReader::polygon).toArray(Polygon[]::new));
            default -> throw new IllegalStateException(type);
        };
    }

    static String tooDeep(int maxDepth) {
        return "GeometryCollections may nest at most " + maxDepth + " deep (incidentmap.geometry.max-collection-depth);"
                + " flatten this one";
    }

    private static Polygon polygon(JsonNode rings, String at) {
        List<LinearRing> read = each(rings, at, GeoJsonGeometryReader::ring);
        if (read.isEmpty()) {
            throw new InvalidGeometryException(at, "a polygon needs at least an exterior ring");
        }
        return WGS84.createPolygon(read.get(0), read.subList(1, read.size()).toArray(LinearRing[]::new));
    }

    private static LinearRing ring(JsonNode node, String at) {
        Coordinate[] ring = positions(node, at, 4);
        if (!ring[0].equals2D(ring[ring.length - 1])) {
            throw new InvalidGeometryException(at, "a linear ring must be closed: its last position must equal its first");
        }
        return WGS84.createLinearRing(ring);
    }

    private static Coordinate[] positions(JsonNode node, String at, int atLeast) {
        List<Coordinate> read = each(node, at, GeoJsonGeometryReader::position);
        if (read.size() < atLeast) {
            throw new InvalidGeometryException(at, "needs at least " + atLeast + " positions, has " + read.size());
        }
        return read.toArray(Coordinate[]::new);
    }

    private static Coordinate position(JsonNode node, String at) {
        if (!node.isArray() || node.size() < 2 || node.size() > 3) {
            throw new InvalidGeometryException(at, "a position is [longitude, latitude] or [longitude, latitude, altitude]");
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isNumber()) {
                throw new InvalidGeometryException(at + "/" + i, "a coordinate must be a number");
            }
        }
        double lon = node.get(0).doubleValue();
        double lat = node.get(1).doubleValue();
        if (!(lon >= -180 && lon <= 180)) {
            throw new InvalidGeometryException(at + "/0", "longitude " + node.get(0) + " is outside [-180, 180]");
        }
        if (!(lat >= -90 && lat <= 90)) {
            throw new InvalidGeometryException(at + "/1", "latitude " + node.get(1) + " is outside [-90, 90]");
        }
        return new Coordinate(lon, lat);
    }

    private interface Part<T> {
        T read(JsonNode node, String at);
    }

    private static <T> List<T> each(JsonNode array, String at, Part<T> part) {
        if (!array.isArray()) {
            throw new InvalidGeometryException(at, "expected an array");
        }
        List<T> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(part.read(array.get(i), at + "/" + i));
        }
        return out;
    }
}
