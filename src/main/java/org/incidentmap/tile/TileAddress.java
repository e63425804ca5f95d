package org.incidentmap.tile;

import org.incidentmap.problem.ProblemException;

/**
 * A tile of the WebMercatorQuad tile matrix set (OGC 17-083r4): zoom level {@code z} (the tile matrix), column
 * {@code x} from the antimeridian eastwards, row {@code y} from the north; and its bounds in EPSG:3857 metres.
 */
public record TileAddress(int z, int x, int y) {

    public static final int MAX_ZOOM = 22;
    /** Half the width of the Web Mercator world, in metres. */
    public static final double HALF_WORLD = 20037508.342789244;
    private static final double EARTH_RADIUS = 6378137;

    /** Parses the path of {@code /tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}}: 400 if not numbers, 404 if outside the matrix. */
    public static TileAddress parse(String tileMatrix, String tileRow, String tileCol) {
        int z = number("tileMatrix", tileMatrix);
        int y = number("tileRow", tileRow);
        int x = number("tileCol", tileCol);
        if (z > MAX_ZOOM) {
            throw ProblemException.notFound("WebMercatorQuad has tile matrices 0 to " + MAX_ZOOM + ", not " + z + ".");
        }
        long size = 1L << z;
        if (x >= size || y >= size) {
            throw ProblemException.notFound("Tile matrix " + z + " has rows and columns 0 to " + (size - 1)
                    + "; there is no tile at row " + y + ", column " + x + ".");
        }
        return new TileAddress(z, x, y);
    }

    private static int number(String name, String text) {
        if (!text.matches("[0-9]{1,8}")) {
            throw ProblemException.badPath(name + " '" + text + "' is not a whole number");
        }
        return Integer.parseInt(text);
    }

    /** Width of this tile in metres. */
    public double size() {
        return 2 * HALF_WORLD / (1L << z);
    }

    public double minX() {
        return -HALF_WORLD + x * size();
    }

    public double maxY() {
        return HALF_WORLD - y * size();
    }

    /** Longitude of a Web Mercator x. */
    public static double lon(double mx) {
        return Math.max(-180, Math.min(180, mx / HALF_WORLD * 180));
    }

    /** Web Mercator x of a longitude. */
    public static double x(double lon) {
        return lon * HALF_WORLD / 180;
    }

    /** Web Mercator y of a latitude (within the square world, |lat| < 85.06). */
    public static double y(double lat) {
        return Math.log(Math.tan(Math.toRadians(45 + lat / 2))) * EARTH_RADIUS;
    }

    /** Latitude of a Web Mercator y. */
    public static double lat(double my) {
        return Math.toDegrees(Math.atan(Math.sinh(my / EARTH_RADIUS)));
    }
}
