package org.incidentmap.geo;

import com.fasterxml.jackson.core.JsonGenerator;
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

    private static final byte[] TYPE = JsonBytes.name("type");
    private static final byte[] COORDINATES = JsonBytes.name("coordinates");
    private static final byte[] GEOMETRIES = JsonBytes.name("geometries");
    private static final ThreadLocal<JsonBytes> BUFFER = ThreadLocal.withInitial(JsonBytes::new);

    private GeoJsonGeometryWriter() {
    }

    /** Writes {@code g} as a GeoJSON geometry object at the generator's current position. */
    public static void write(JsonGenerator out, Geometry g) throws IOException {
        JsonBytes json = BUFFER.get();
        json.clear();
        write(json, g);
        json.writeTo(out);
        json.clear(); // lets go of a buffer a large geometry grew, rather than keeping it with an idle thread
    }

    /** Appends {@code g} as a GeoJSON geometry object. */
    public static void write(JsonBytes out, Geometry g) {
        out.startObject().field(TYPE).string(g.getGeometryType());
        if (g instanceof GeometryCollection gc && !(g instanceof MultiPoint || g instanceof MultiLineString
                || g instanceof MultiPolygon)) {
            out.field(GEOMETRIES).startArray();
            for (int i = 0; i < gc.getNumGeometries(); i++) {
                write(out.element(), gc.getGeometryN(i));
            }
            out.endArray();
        } else {
            coordinates(out.field(COORDINATES), g);
        }
        out.endObject();
    }

    private static void coordinates(JsonBytes out, Geometry g) {
        if (g instanceof Point p) {
            position(out, p.getCoordinateSequence(), 0);
            return;
        }
        if (g instanceof LineString line) {
            sequence(out, line.getCoordinateSequence(), false);
            return;
        }
        if (g instanceof Polygon polygon) {
            out.startArray();
            ring(out.element(), polygon.getExteriorRing().getCoordinateSequence(), true);
            for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                ring(out.element(), polygon.getInteriorRingN(i).getCoordinateSequence(), false);
            }
            out.endArray();
            return;
        }
        out.startArray(); // MultiPoint, MultiLineString, MultiPolygon: an array of their members' coordinates
        for (int i = 0; i < g.getNumGeometries(); i++) {
            coordinates(out.element(), g.getGeometryN(i));
        }
        out.endArray();
    }

    private static void ring(JsonBytes out, CoordinateSequence ring, boolean exterior) {
        boolean reverse = Orientation.isCCW(ring) != exterior;
        sequence(out, ring, reverse);
    }

    private static void sequence(JsonBytes out, CoordinateSequence seq, boolean reverse) {
        out.startArray();
        int n = seq.size();
        for (int i = 0; i < n; i++) {
            position(out.element(), seq, reverse ? n - 1 - i : i);
        }
        out.endArray();
    }

    private static void position(JsonBytes out, CoordinateSequence seq, int i) {
        out.startArray().decimal7(seq.getX(i)).element().decimal7(seq.getY(i)).endArray();
    }
}
