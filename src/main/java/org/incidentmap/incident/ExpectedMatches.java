package org.incidentmap.incident;

import static org.incidentmap.tile.TileAddress.HALF_WORLD;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.incidentmap.geo.NearPoint;
import org.incidentmap.tile.TileAddress;

/**
 * About how many incidents a radius holds, from the counts the writes keep per grid cell for the tiles
 * (incident_cell, V5): the incidents of the cells that cover the circle, times the share of their area the
 * circle takes. It only chooses how to search, never what is reported.
 */
final class ExpectedMatches {

    static final String SUM = "SELECT coalesce(sum(c.n), 0) FROM incident_cell c"
            + " WHERE c.cx BETWEEN ? AND ? AND c.cy BETWEEN ? AND ?";
    /** The grid of incident_cell: Web Mercator, 2^12 cells a side (V5 uses the same constants). */
    static final double CELL = 2 * HALF_WORLD / (1 << IncidentTiles.CELL_LEVEL);
    static final int LAST_CELL = (1 << IncidentTiles.CELL_LEVEL) - 1;
    static final double METRES_PER_DEGREE = 111_320;
    static final double MAX_LATITUDE = 85;

    private ExpectedMatches() {
    }

    /** The estimate; infinite when the circle is too near a pole or the antimeridian for a plain box. */
    static double within(Connection c, NearPoint centre, double metres) throws SQLException {
        double dLat = metres / METRES_PER_DEGREE;
        double southLat = centre.lat() - dLat;
        double northLat = centre.lat() + dLat;
        if (Math.max(Math.abs(southLat), Math.abs(northLat)) > MAX_LATITUDE) {
            return Double.POSITIVE_INFINITY;
        }
        double scale = Math.cos(Math.toRadians(centre.lat()));
        double dLon = dLat / scale;
        if (centre.lon() - dLon < -180 || centre.lon() + dLon > 180) {
            return Double.POSITIVE_INFINITY;
        }
        int west = cell(TileAddress.x(centre.lon() - dLon) + HALF_WORLD);
        int east = cell(TileAddress.x(centre.lon() + dLon) + HALF_WORLD);
        int north = cell(HALF_WORLD - TileAddress.y(northLat));
        int south = cell(HALF_WORLD - TileAddress.y(southLat));
        long incidents;
        try (PreparedStatement s = c.prepareStatement(SUM)) {
            s.setInt(1, west);
            s.setInt(2, east);
            s.setInt(3, north);
            s.setInt(4, south);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                incidents = rs.getLong(1);
            }
        }
        // A cell's side on the ground is its Mercator side times the cosine of the latitude.
        double cellArea = Math.pow(CELL * scale, 2) * (east - west + 1) * (south - north + 1);
        return incidents * Math.PI * metres * metres / cellArea;
    }

    private static int cell(double metresFromEdge) {
        return (int) Math.max(0, Math.min(LAST_CELL, Math.floor(metresFromEdge / CELL)));
    }
}
