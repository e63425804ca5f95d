package org.incidentmap.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** Reading and writing RFC 7946 geometries, and the rules a stored geometry must meet. */
class GeoJsonGeometryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Geometry read(String json) throws Exception {
        return GeoJsonGeometryReader.read(JSON.readTree(json), LIMITS);
    }

    private static final GeometryLimits LIMITS = new GeometryLimits(100, 2);

    private static GeometryLimits vertices(int max) {
        return new GeometryLimits(max, 2);
    }

    private static Geometry wkt(String text) throws Exception {
        return new WKTReader(GeoJsonGeometryReader.WGS84).read(text);
    }

    private static String write(String wkt) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            GeoJsonGeometryWriter.write(g, new WKTReader(GeoJsonGeometryReader.WGS84).read(wkt));
        }
        return out.toString();
    }

    @Test
    void shouldReadLongitudeFirstInWgs84() throws Exception {
        Geometry p = read("{\"type\":\"Point\",\"coordinates\":[36.0597,35.4572]}");
        assertEquals(36.0597, p.getCoordinate().x);
        assertEquals(35.4572, p.getCoordinate().y);
        assertEquals(4326, p.getSRID());
    }

    @Test
    void shouldDropAnAltitude() throws Exception {
        Geometry p = read("{\"type\":\"Point\",\"coordinates\":[36.0,35.0,120.5]}");
        assertTrue(Double.isNaN(p.getCoordinate().getZ()));
    }

    @Test
    void shouldPointAtTheCoordinateOutOfRange() {
        InvalidGeometryException e = assertThrows(InvalidGeometryException.class,
                () -> read("{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,91]]}"));
        assertEquals("/coordinates/1/1", e.pointer());
    }

    @Test
    void shouldRejectAnUnclosedRing() {
        InvalidGeometryException e = assertThrows(InvalidGeometryException.class,
                () -> read("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}"));
        assertEquals("/coordinates/0", e.pointer());
    }

    @Test
    void shouldRejectAOnePointLine() {
        assertThrows(InvalidGeometryException.class, () -> read("{\"type\":\"LineString\",\"coordinates\":[[0,0]]}"));
    }

    @Test
    void shouldRejectBowtiePolygonNamingTheCrossing() throws Exception {
        Geometry bowtie = new WKTReader(GeoJsonGeometryReader.WGS84).read("POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))");
        InvalidGeometryException e = assertThrows(InvalidGeometryException.class, () -> GeometryRules.check(bowtie, vertices(100)));
        assertTrue(e.getMessage().contains("Self-intersection at [0.5, 0.5]"), e.getMessage());
    }

    @Test
    void shouldRejectMoreVerticesThanTheLimit() throws Exception {
        Geometry line = new WKTReader(GeoJsonGeometryReader.WGS84).read("LINESTRING(0 0, 1 1, 2 2, 3 3)");
        assertThrows(InvalidGeometryException.class, () -> GeometryRules.check(line, vertices(3)));
        GeometryRules.check(line, vertices(4));
    }

    @Test
    void shouldRejectAnEdgeBetweenOppositePointsOfTheGlobe() throws Exception {
        WKTReader wkt = new WKTReader(GeoJsonGeometryReader.WGS84);
        assertThrows(InvalidGeometryException.class,
                () -> GeometryRules.check(wkt.read("LINESTRING(10 20, -170 -20)"), vertices(100)));
        GeometryRules.check(wkt.read("LINESTRING(10 20, 90 0, -170 -20)"), vertices(100));
        GeometryRules.check(wkt.read("LINESTRING(179 0, -179 0)"), vertices(100));
    }

    @Test
    void shouldRejectAnEmptyGeometry() throws Exception {
        Geometry empty = read("{\"type\":\"MultiPolygon\",\"coordinates\":[]}");
        assertThrows(InvalidGeometryException.class, () -> GeometryRules.check(empty, vertices(100)));
    }

    @Test
    void shouldWriteExteriorRingsCounterClockwiseAndHolesClockwise() throws Exception {
        String json = write("POLYGON((0 0, 0 10, 10 10, 10 0, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2))");
        assertEquals("{\"type\":\"Polygon\",\"coordinates\":[[[0.0,0.0],[10.0,0.0],[10.0,10.0],[0.0,10.0],[0.0,0.0]],"
                + "[[2.0,2.0],[2.0,4.0],[4.0,4.0],[4.0,2.0],[2.0,2.0]]]}", json);
    }

    @Test
    void shouldRoundToSevenDecimalsWithoutACrsMember() throws Exception {
        String json = write("POINT(35.78312345678 35.51749999999)");
        assertEquals("{\"type\":\"Point\",\"coordinates\":[35.7831235,35.5175]}", json);
        assertFalse(json.contains("crs"));
    }

    @Test
    void shouldRoundTripAGeometryCollection() throws Exception {
        String json = write("GEOMETRYCOLLECTION(POINT(1 2), LINESTRING(0 0, 1 1))");
        assertEquals("GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))", read(json).toText());
    }

    @Test
    void shouldRejectACollectionWhosePolygonsCrossAsGeosCannotRelateIt() throws Exception {
        InvalidGeometryException e = assertThrows(InvalidGeometryException.class, () -> GeometryRules.check(
                wkt("GEOMETRYCOLLECTION(POLYGON((0 0,2 0,2 2,0 2,0 0)),POLYGON((1 1,3 1,3 3,1 3,1 1)))"), LIMITS));
        assertTrue(e.getMessage().startsWith("the polygons of a GeometryCollection must not overlap"), e.getMessage());
        assertThrows(InvalidGeometryException.class, () -> GeometryRules.check(wkt("GEOMETRYCOLLECTION("
                + "GEOMETRYCOLLECTION(POLYGON((0 0,2 0,2 2,0 2,0 0))),MULTIPOLYGON(((1 1,3 1,3 3,1 3,1 1))))"), LIMITS));
    }

    @Test
    void shouldAcceptACollectionOfSeparatePolygonsLinesAndPoints() throws Exception {
        GeometryRules.check(wkt("GEOMETRYCOLLECTION(POLYGON((0 0,2 0,2 2,0 2,0 0)),POLYGON((5 5,6 5,6 6,5 5)),"
                + "LINESTRING(1 1,5 5),POINT(1 1))"), LIMITS);
    }

    @Test
    void shouldRejectCollectionsNestedDeeperThanTheLimit() throws Exception {
        String nested = "{\"type\":\"Point\",\"coordinates\":[1,2]}";
        for (int i = 0; i < 3; i++) {
            nested = "{\"type\":\"GeometryCollection\",\"geometries\":[" + nested + "]}";
        }
        String threeDeep = nested;
        InvalidGeometryException e = assertThrows(InvalidGeometryException.class, () -> read(threeDeep));
        assertEquals("/geometries/0/geometries/0", e.pointer());
        GeometryRules.check(wkt("GEOMETRYCOLLECTION(GEOMETRYCOLLECTION(POINT(1 2)))"), LIMITS);
        assertThrows(InvalidGeometryException.class,
                () -> GeometryRules.check(wkt("GEOMETRYCOLLECTION(GEOMETRYCOLLECTION(GEOMETRYCOLLECTION(POINT(1 2))))"), LIMITS));
    }
}
