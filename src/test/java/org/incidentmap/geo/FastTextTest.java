package org.incidentmap.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** The hand-written formatters of the export path write what the standard library would. */
class FastTextTest {

    private final Random random = new Random(7);

    @Test
    void shouldFormatInstantsExactlyAsInstantToString() {
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(-62_000_000_000L, 253_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(t.toString(), Rfc3339.format(t));
        }
        assertEquals("2025-03-05T23:59:59.999999Z", Rfc3339.format(Instant.parse("2025-03-05T23:59:59.999999Z")));
    }

    @Test
    void shouldWriteCoordinatesAsJacksonWritesTheRoundedDouble() {
        for (int i = 0; i < 100_000; i++) {
            double v = random.nextDouble(-180, 180);
            if (i % 3 == 0) {
                v = Math.round(v * 1000) / 1000.0;
            }
            assertEquals(String.valueOf(Math.round(v * 1e7) / 1e7), Decimal7.text(v), "for " + v);
        }
        assertEquals("-0.0000001", Decimal7.text(-1e-7));
        assertEquals("35.0", Decimal7.text(35));
        assertEquals("0.0", Decimal7.text(-1e-9));
    }

    @Test
    void shouldWriteWktThatReadsBackAsTheSameGeometry() throws Exception {
        WKTReader reader = new WKTReader();
        for (String wkt : new String[] {"POINT (35.8 35.54)", "LINESTRING (1 2, 3.5 -4.25)",
            "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 3 2, 3 3, 2 2))", "MULTIPOINT ((1 2), (3 4))",
            "MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))", "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
            "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))", "POINT EMPTY"}) {
            Geometry g = reader.read(wkt);
            String written = WktText.of(g);
            assertTrue(reader.read(written).equalsExact(g), wkt + " came back as " + written);
        }
        assertEquals("POINT (35.8 35.54)", WktText.of(reader.read("POINT (35.8 35.54)")));
    }
}
