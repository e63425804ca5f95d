package org.incidentmap.geo;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/**
 * The inscribed box must lie inside the circle as PostGIS measures it (ellipsoidal distance), or a radius count
 * could be "proved" larger than it is; and it should fill most of the square it stands for, or it proves little.
 */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class InscribedBoxTest {

    /** The farthest of the box's corners and edge midpoints from the centre, as a share of the radius. */
    static final String REACH = "SELECT max(ST_Distance(ST_SetSRID(ST_MakePoint(x, y), 4326)::geography,"
            + " ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography)) / ? FROM (VALUES (?, ?), (?, ?), (?, ?), (?, ?),"
            + " (?, ?), (?, ?), (?, ?), (?, ?)) AS p(x, y)";

    @Inject
    DataSource dataSource;

    @Test
    void shouldStayInsideTheRadiusOnTheEllipsoidEverywhereItIsGiven() throws SQLException {
        double[] latitudes = {-69.7, -60, -35.5, -0.1, 0, 0.05, 12, 35.517, 45.25, 60, 69.7};
        double[] longitudes = {-179.99, -30.5, 0, 35.783, 179.99};
        double[] radii = {1, 37, 1000, 25_000, 60_000, 100_000};
        int boxes = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(REACH)) {
            for (double lat : latitudes) {
                for (double lon : longitudes) {
                    for (double r : radii) {
                        var box = InscribedBox.inside(new NearPoint(lon, lat), r);
                        if (box.isEmpty()) {
                            continue;
                        }
                        boxes++;
                        double reach = reach(s, lon, lat, r, box.get());
                        String where = "centre " + lon + "," + lat + ", radius " + r + " m: corners at " + reach;
                        assertThat(where, reach, lessThan(1.0));
                        // Near the equator the box is nearly the inscribed square (0.97 of the radius).
                        assertThat(where, reach, greaterThan(Math.abs(lat) < 40 ? 0.9 : 0.75));
                    }
                }
            }
        }
        assertThat(boxes, greaterThan(200));
    }

    @Test
    void shouldGiveNoBoxWhereTheFlatMarginWouldNotHold() {
        assertTrue(InscribedBox.inside(new NearPoint(35.783, 35.517), 25_000).isPresent());
        assertFalse(InscribedBox.inside(new NearPoint(35.783, 35.517), 100_001).isPresent(), "too large a circle");
        assertFalse(InscribedBox.inside(new NearPoint(10, 70), 25_000).isPresent(), "too near a pole");
        assertFalse(InscribedBox.inside(new NearPoint(10, -80), 1_000).isPresent(), "too near a pole");
        assertFalse(InscribedBox.inside(new NearPoint(179.99, 10), 25_000).isPresent(), "across the antimeridian");
        assertFalse(InscribedBox.inside(new NearPoint(-179.99, 10), 25_000).isPresent(), "across the antimeridian");
    }

    private static double reach(PreparedStatement s, double lon, double lat, double r, InscribedBox b)
            throws SQLException {
        double midLon = (b.west() + b.east()) / 2;
        double midLat = (b.south() + b.north()) / 2;
        double[] values = {lon, lat, r, b.west(), b.south(), b.west(), b.north(), b.east(), b.south(), b.east(),
            b.north(), midLon, b.south(), midLon, b.north(), b.west(), midLat, b.east(), midLat};
        for (int i = 0; i < values.length; i++) {
            s.setDouble(i + 1, values[i]);
        }
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getDouble(1);
        }
    }
}
