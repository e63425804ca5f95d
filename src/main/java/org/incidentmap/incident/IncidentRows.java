package org.incidentmap.incident;

import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Reads incident rows straight from JDBC into {@link StoredIncident} values, with no ORM in between: the
 * read path of every query. Geometries travel as WKB ({@code ST_AsBinary}), the most compact form PostGIS
 * sends, and JTS reads them; JSON is then written from these objects.
 */
final class IncidentRows {

    /** The columns every incident query selects, table aliased {@code f}. */
    static final String COLUMNS = "f.id, f.title, f.description, f.category, f.sub_category, f.occurred_at,"
            + " f.occurred_until, f.time_precision, f.fatalities, f.actors, f.location_name, f.admin1, f.admin2,"
            + " f.geo_precision, f.sources::text AS sources, ST_AsBinary(f.geom) AS wkb, f.created_at, f.updated_at, f.external_id,"
            + " f.version";

    static final int COLUMN_COUNT = 20;

    /** 2000-01-01T00:00:00Z, where PostgreSQL's timestamps count from, in seconds since 1970. */
    private static final long POSTGRES_EPOCH = 946_684_800L;

    /** Coordinates packed in one double array per sequence: a third of the memory of Coordinate objects. */
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326,
            PackedCoordinateSequenceFactory.DOUBLE_FACTORY);
    private static final CodedValues CATEGORIES = new CodedValues(Category.wireNames());
    private static final CodedValues SUB_CATEGORIES = new CodedValues(Arrays.stream(Category.values())
            .flatMap(c -> c.subCategories().stream()).distinct().toList());
    private static final CodedValues TIME_PRECISIONS = new CodedValues(IncidentFeatureReader.TIME_PRECISIONS);
    private static final CodedValues GEO_PRECISIONS = new CodedValues(IncidentFeatureReader.GEO_PRECISIONS);

    private IncidentRows() {
    }

    /** Reads the current row, selected with {@link #COLUMNS}. */
    static StoredIncident read(ResultSet rs) throws SQLException {
        int fatalities = rs.getInt(9);
        Integer fatalitiesOrNull = rs.wasNull() ? null : fatalities;
        return new StoredIncident(rs.getLong(1), text(rs, 19), text(rs, 2), text(rs, 3),
                CATEGORIES.read(rs, 4), SUB_CATEGORIES.read(rs, 5), instant(rs, 6), instant(rs, 7),
                TIME_PRECISIONS.read(rs, 8), fatalitiesOrNull, texts(rs.getArray(10)), text(rs, 11), text(rs, 12),
                text(rs, 13), GEO_PRECISIONS.read(rs, 14), StoredSources.read(rs.getBytes(15)),
                geometry(rs.getBytes(16)), instant(rs, 17), instant(rs, 18), rs.getLong(20));
    }

    /** A text column as the bytes the driver received (for text, binary and text transfer send the same bytes). */
    private static Utf8Text text(ResultSet rs, int column) throws SQLException {
        return Utf8Text.ofUtf8(rs.getBytes(column));
    }

    /**
     * A timestamptz column. In binary transfer the driver hands over its 8 bytes, microseconds since 2000-01-01
     * UTC, which are read here (getTimestamp built a Timestamp and checked a log level per value); text, and the
     * infinities, go through java.sql.Timestamp, several times cheaper than OffsetDateTime.
     */
    private static Instant instant(ResultSet rs, int column) throws SQLException {
        byte[] raw = rs.getBytes(column);
        if (raw == null) {
            return null;
        }
        if (raw.length == Long.BYTES) { // a timestamp's text is at least 19 characters long
            long micros = ByteBuffer.wrap(raw).getLong();
            if (micros != Long.MAX_VALUE && micros != Long.MIN_VALUE) {
                return Instant.ofEpochSecond(POSTGRES_EPOCH + Math.floorDiv(micros, 1_000_000),
                        Math.floorMod(micros, 1_000_000) * 1000L);
            }
        }
        return rs.getTimestamp(column).toInstant();
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? new ArrayList<>() : Arrays.asList((String[]) array.getArray());
    }

    private static Geometry geometry(byte[] wkb) {
        try {
            return new WKBReader(WGS84).read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("PostGIS sent WKB that JTS cannot read", e);
        }
    }
}
