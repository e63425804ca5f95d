package org.incidentmap.geo;

import java.util.Locale;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes geometries as 2D WKT with coordinates rounded to 7 decimals, as the GeoJSON is. JTS's WKTWriter formats
 * every ordinate through DecimalFormat, which made it the slowest column of a CSV export.
 */
public final class WktText {

    private WktText() {
    }

    public static String of(Geometry g) {
        StringBuilder out = new StringBuilder(64);
        tagged(out, g);
        return out.toString();
    }

    private static void tagged(StringBuilder out, Geometry g) {
        out.append(g.getGeometryType().toUpperCase(Locale.ROOT));
        if (g.isEmpty()) {
            out.append(" EMPTY");
            return;
        }
        out.append(' ');
        body(out, g);
    }

    private static void body(StringBuilder out, Geometry g) {
        if (g instanceof Point p) {
            sequence(out, p.getCoordinateSequence());
        } else if (g instanceof LineString line) {
            sequence(out, line.getCoordinateSequence());
        } else if (g instanceof Polygon polygon) {
            out.append('(');
            sequence(out, polygon.getExteriorRing().getCoordinateSequence());
            for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                out.append(", ");
                sequence(out, polygon.getInteriorRingN(i).getCoordinateSequence());
            }
            out.append(')');
        } else {
            boolean tagMembers = !(g instanceof MultiPoint || g instanceof MultiLineString
                    || g instanceof MultiPolygon) && g instanceof GeometryCollection;
            out.append('(');
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                if (tagMembers) {
                    tagged(out, g.getGeometryN(i));
                } else if (g.getGeometryN(i).isEmpty()) {
                    out.append("EMPTY");
                } else {
                    body(out, g.getGeometryN(i));
                }
            }
            out.append(')');
        }
    }

    private static void sequence(StringBuilder out, CoordinateSequence seq) {
        out.append('(');
        for (int i = 0; i < seq.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            Decimal7.append(out, seq.getX(i));
            out.append(' ');
            Decimal7.append(out, seq.getY(i));
        }
        out.append(')');
    }
}
