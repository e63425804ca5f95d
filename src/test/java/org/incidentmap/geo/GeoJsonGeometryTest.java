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
        return GeoJsonGeometryReader.read(JSON.readTree(json));
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
        InvalidGeometryException e = assertThrows(InvalidGeometryException.class, () -> GeometryRules.check(bowtie, 100));
        assertTrue(e.getMessage().contains("Self-intersection at [0.5, 0.5]"), e.getMessage());
    }

    @Test
    void shouldRejectMoreVerticesThanTheLimit() throws Exception {
        Geometry line = new WKTReader(GeoJsonGeometryReader.WGS84).read("LINESTRING(0 0, 1 1, 2 2, 3 3)");
        assertThrows(InvalidGeometryException.class, () -> GeometryRules.check(line, 3));
        GeometryRules.check(line, 4);
    }

    @Test
    void shouldRejectAnEdgeBetweenOppositePointsOfTheGlobe() throws Exception {
        WKTReader wkt = new WKTReader(GeoJsonGeometryReader.WGS84);
        assertThrows(InvalidGeometryException.class,
                () -> GeometryRules.check(wkt.read("LINESTRING(10 20, -170 -20)"), 100));
        GeometryRules.check(wkt.read("LINESTRING(10 20, 90 0, -170 -20)"), 100);
        GeometryRules.check(wkt.read("LINESTRING(179 0, -179 0)"), 100);
    }

    @Test
    void shouldRejectAnEmptyGeometry() throws Exception {
        Geometry empty = read("{\"type\":\"MultiPolygon\",\"coordinates\":[]}");
        assertThrows(InvalidGeometryException.class, () -> GeometryRules.check(empty, 100));
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
}
