package org.incidentmap.geo;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.util.AssertionFailedException;

/** Reads the geometry of an {@code intersects} filter: a GeoJSON geometry object or WKT, in WGS 84. */
public final class QueryGeometry {

    private static final ObjectMapper JSON = StrictJson.MAPPER;

    private QueryGeometry() {
    }

    /**
     * Parses {@code text} (GeoJSON when it starts with '{', WKT otherwise) into a valid geometry with SRID 4326;
     * throws {@link InvalidGeometryException} saying what is wrong.
     */
    public static Geometry parse(String text, GeometryLimits limits) {
        String s = text.strip();
        Geometry g = s.startsWith("{") ? geoJson(s, limits) : wkt(s, limits);
        GeometryRules.check(g, limits);
        return g;
    }

    private static Geometry geoJson(String text, GeometryLimits limits) {
        try {
            return GeoJsonGeometryReader.read(JSON.readTree(text), limits);
        } catch (JacksonException e) {
            throw new InvalidGeometryException("", "not valid JSON: " + StrictJson.describe(e));
        }
    }

    private static Geometry wkt(String text, GeometryLimits limits) {
        checkShape(text, limits);
        Geometry g;
        try {
            g = new WKTReader(GeoJsonGeometryReader.WGS84).read(text);
        } catch (ParseException | IllegalArgumentException e) {
            throw new InvalidGeometryException("", "neither a GeoJSON geometry nor WKT: " + e.getMessage());
        } catch (AssertionFailedException e) {
            // JTS asserts, rather than reports, that a POINT holds at most one position: "POINT(1 2, 3 4)".
            throw new InvalidGeometryException("", "neither a GeoJSON geometry nor WKT: a POINT has one position");
        }
        for (Coordinate c : g.getCoordinates()) {
            if (!(c.x >= -180 && c.x <= 180 && c.y >= -90 && c.y <= 90)) {
                throw new InvalidGeometryException("", "position [" + c.x + ", " + c.y + "] is outside longitude "
                        + "[-180, 180] / latitude [-90, 90]");
            }
        }
        return g;
    }

    /**
     * What the WKT reader does not check itself: it descends once per parenthesis, so text nested deeper than any
     * geometry within the limits can be (a MultiPolygon's positions sit three levels down) is refused before it can
     * exhaust the stack; and it stops reading at the closing parenthesis, so anything after it is refused here.
     */
    private static void checkShape(String text, GeometryLimits limits) {
        int allowed = limits.maxCollectionDepth() + 3;
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '(' && ++depth > allowed) {
                throw new InvalidGeometryException("", "parentheses nest deeper than any geometry can: "
                        + GeoJsonGeometryReader.tooDeep(limits.maxCollectionDepth()));
            } else if (ch == ')' && --depth == 0 && !text.substring(i + 1).isBlank()) {
                throw new InvalidGeometryException("", "unexpected text after the WKT geometry, from character "
                        + (i + 2));
            } else if (depth < 0) {
                throw new InvalidGeometryException("", "a ')' at character " + (i + 1) + " closes nothing");
            }
        }
    }
}
