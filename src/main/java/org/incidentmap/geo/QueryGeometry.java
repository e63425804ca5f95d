package org.incidentmap.geo;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Reads the geometry of an {@code intersects} filter: a GeoJSON geometry object or WKT, in WGS 84. */
public final class QueryGeometry {

    private static final ObjectMapper JSON = StrictJson.MAPPER;

    private QueryGeometry() {
    }

    /**
     * Parses {@code text} (GeoJSON when it starts with '{', WKT otherwise) into a valid geometry with SRID 4326;
     * throws {@link InvalidGeometryException} saying what is wrong.
     */
    public static Geometry parse(String text, int maxVertices) {
        String s = text.strip();
        Geometry g = s.startsWith("{") ? geoJson(s) : wkt(s);
        GeometryRules.check(g, maxVertices);
        return g;
    }

    private static Geometry geoJson(String text) {
        try {
            return GeoJsonGeometryReader.read(JSON.readTree(text));
        } catch (JacksonException e) {
            throw new InvalidGeometryException("", "not valid JSON: " + StrictJson.describe(e));
        }
    }

    private static Geometry wkt(String text) {
        Geometry g;
        try {
            g = new WKTReader(GeoJsonGeometryReader.WGS84).read(text);
        } catch (ParseException | IllegalArgumentException e) {
            throw new InvalidGeometryException("", "neither a GeoJSON geometry nor WKT: " + e.getMessage());
        }
        for (Coordinate c : g.getCoordinates()) {
            if (!(c.x >= -180 && c.x <= 180 && c.y >= -90 && c.y <= 90)) {
                throw new InvalidGeometryException("", "position [" + c.x + ", " + c.y + "] is outside longitude "
                        + "[-180, 180] / latitude [-90, 90]");
            }
        }
        return g;
    }
}
