package org.incidentmap.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.incidentmap.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Parsing of the bbox, near, radius, datetime and intersects parameters into typed values. */
class QueryValuesTest {

    private static final GeometryLimits LIMITS = new GeometryLimits(100, 2);

    @Test
    void shouldReadABboxCrossingTheAntimeridian() {
        Bbox box = Bbox.parse("179,-46,-179,-44");
        assertTrue(box.crossesAntimeridian());
    }

    @Test
    void shouldIgnoreHeightsOfASixNumberBbox() {
        assertEquals(new Bbox(35.7, 35.4, 36.1, 35.6), Bbox.parse("35.7,35.4,0,36.1,35.6,100"));
    }

    @Test
    void shouldRejectABboxWithMinLatAboveMaxLat() {
        ProblemException e = assertThrows(ProblemException.class, () -> Bbox.parse("35.7,35.6,36.1,35.4"));
        assertEquals("bbox", e.violations().get(0).parameter());
    }

    @Test
    void shouldReadRadiusInMetresOrKilometres() {
        assertEquals(25_000, Radius.parse("25km", 1e6).metres());
        assertEquals(500, Radius.parse("500m", 1e6).metres());
        assertEquals(2_500, Radius.parse("2.5km", 1e6).metres());
        assertEquals(25_000, Radius.parse("25000", 1e6).metres());
    }

    @Test
    void shouldRejectAZeroOrTooLargeRadius() {
        assertThrows(ProblemException.class, () -> Radius.parse("0", 1e6));
        assertThrows(ProblemException.class, () -> Radius.parse("1000.001km", 1e6));
        assertEquals(1e6, Radius.parse("1000km", 1e6).metres());
    }

    @Test
    void shouldReadADateAsTheWholeUtcDay() {
        TimeInterval day = TimeInterval.parse("2025-03-04");
        assertEquals(Instant.parse("2025-03-04T00:00:00Z"), day.start());
        assertEquals(Instant.parse("2025-03-04T23:59:59.999999Z"), day.end());
    }

    @Test
    void shouldReadOpenEndedIntervals() {
        assertNull(TimeInterval.parse("../2025-03-04T12:00:00Z").start());
        assertNull(TimeInterval.parse("2025-03-04T12:00:00+02:00/").end());
        assertEquals(Instant.parse("2025-03-04T10:00:00Z"), TimeInterval.parse("2025-03-04T12:00:00+02:00/..").start());
    }

    @Test
    void shouldReadAStartAndAnIso8601Duration() {
        TimeInterval twoDays = TimeInterval.parse("2025-03-01/P2D");
        assertEquals(Instant.parse("2025-03-01T00:00:00Z"), twoDays.start());
        assertEquals(Instant.parse("2025-03-03T00:00:00Z"), twoDays.end());
        TimeInterval mixed = TimeInterval.parse("2025-02-12T00:00:00Z/P1M6DT12H31M12S");
        assertEquals(Instant.parse("2025-03-18T12:31:12Z"), mixed.end());
        assertEquals(Instant.parse("2025-03-03T12:00:00Z"), TimeInterval.parse("PT12H/2025-03-04T00:00:00Z").start());
        assertThrows(ProblemException.class, () -> TimeInterval.parse("2025-03-01/P2X"));
        assertThrows(ProblemException.class, () -> TimeInterval.parse("P1D/P2D"));
    }

    @Test
    void shouldRejectAnIntervalEndingBeforeItStarts() {
        assertThrows(ProblemException.class, () -> TimeInterval.parse("2025-03-05/2025-03-04"));
    }

    @Test
    void shouldReadIntersectsAsWktOrGeoJson() {
        assertEquals("Polygon", QueryGeometry.parse("POLYGON((0 0, 1 0, 1 1, 0 0))", LIMITS).getGeometryType());
        assertEquals("Point", QueryGeometry.parse("{\"type\":\"Point\",\"coordinates\":[1,2]}", LIMITS).getGeometryType());
        assertThrows(InvalidGeometryException.class, () -> QueryGeometry.parse("POINT(200 0)", LIMITS));
    }

    @Test
    void shouldRefuseAPointWithTwoPositions() {
        InvalidGeometryException e = assertThrows(InvalidGeometryException.class,
                () -> QueryGeometry.parse("POINT(34.783 32, 0 50)", LIMITS));
        assertTrue(e.getMessage().contains("one position"), e.getMessage());
    }

    @Test
    void shouldRefuseWktNestedDeeperThanAnyGeometryWithoutExhaustingTheStack() {
        String deep = "GEOMETRYCOLLECTION(".repeat(5000) + "POINT(1 2)" + ")".repeat(5000);
        InvalidGeometryException e = assertThrows(InvalidGeometryException.class, () -> QueryGeometry.parse(deep, LIMITS));
        assertTrue(e.getMessage().contains("nest"), e.getMessage());
    }

    @Test
    void shouldRefuseTextAfterTheWkt() {
        assertThrows(InvalidGeometryException.class, () -> QueryGeometry.parse("POINT(1 2) POINT(3 4)", LIMITS));
        assertThrows(InvalidGeometryException.class, () -> QueryGeometry.parse("POINT(1 2))", LIMITS));
    }
}
