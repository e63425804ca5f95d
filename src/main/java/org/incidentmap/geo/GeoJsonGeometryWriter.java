package org.incidentmap.geo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import org.locationtech.jts.algorithm.Orientation;
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
 * Writes JTS geometries (SRID 4326) as RFC 7946 GeoJSON: [longitude, latitude], no {@code crs} member,
 * counter-clockwise exterior rings and clockwise holes, coordinates rounded to 7 decimals (about 1 cm).
 */
public final class GeoJsonGeometryWriter {

    private static final double SCALE = 1e7;
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString COORDINATES = new SerializedString("coordinates");

    private GeoJsonGeometryWriter() {
    }

    /** Writes {@code g} as a GeoJSON geometry object at the generator's current position. */
    public static void write(JsonGenerator out, Geometry g) throws IOException {
        out.writeStartObject();
        out.writeFieldName(TYPE);
        out.writeString(g.getGeometryType());
        if (g instanceof GeometryCollection gc && !(g instanceof MultiPoint || g instanceof MultiLineString
                || g instanceof MultiPolygon)) {
            out.writeArrayFieldStart("geometries");
            for (int i = 0; i < gc.getNumGeometries(); i++) {
                write(out, gc.getGeometryN(i));
            }
            out.writeEndArray();
        } else {
            out.writeFieldName(COORDINATES);
            coordinates(out, g);
        }
        out.writeEndObject();
    }

    private static void coordinates(JsonGenerator out, Geometry g) throws IOException {
        if (g instanceof Point p) {
            position(out, p.getCoordinateSequence(), 0);
            return;
        }
        if (g instanceof LineString line) {
            sequence(out, line.getCoordinateSequence(), false);
            return;
        }
        if (g instanceof Polygon polygon) {
            out.writeStartArray();
            ring(out, polygon.getExteriorRing().getCoordinateSequence(), true);
            for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                ring(out, polygon.getInteriorRingN(i).getCoordinateSequence(), false);
            }
            out.writeEndArray();
            return;
        }
        out.writeStartArray(); // MultiPoint, MultiLineString, MultiPolygon: an array of their members' coordinates
        for (int i = 0; i < g.getNumGeometries(); i++) {
            coordinates(out, g.getGeometryN(i));
        }
        out.writeEndArray();
    }

    private static void ring(JsonGenerator out, CoordinateSequence ring, boolean exterior) throws IOException {
        boolean reverse = Orientation.isCCW(ring) != exterior;
        sequence(out, ring, reverse);
    }

    private static void sequence(JsonGenerator out, CoordinateSequence seq, boolean reverse) throws IOException {
        out.writeStartArray();
        int n = seq.size();
        for (int i = 0; i < n; i++) {
            position(out, seq, reverse ? n - 1 - i : i);
        }
        out.writeEndArray();
    }

    private static void position(JsonGenerator out, CoordinateSequence seq, int i) throws IOException {
        out.writeStartArray();
        number(out, seq.getX(i));
        number(out, seq.getY(i));
        out.writeEndArray();
    }

    private static void number(JsonGenerator out, double v) throws IOException {
        if (!Decimal7.fits(v)) {
            out.writeNumber(Math.round(v * SCALE) / SCALE);
            return;
        }
        char[] text = new char[Decimal7.MAX_CHARS];
        int start = Decimal7.writeBefore(text, text.length, v);
        out.writeNumber(text, start, text.length - start);
    }
}
