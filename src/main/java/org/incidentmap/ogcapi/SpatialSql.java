package org.incidentmap.ogcapi;

import org.incidentmap.geo.Bbox;
import org.incidentmap.geo.TimeInterval;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * Filter conditions shared by every feature table, which queries alias {@code f} with its geometry in
 * {@code f.geom} (SRID 4326). The query geometry is transformed, never the indexed column, so the GiST index
 * on {@code geom} serves bbox and intersects filters.
 */
public final class SpatialSql {

    static final String IN_BBOX =
            "ST_Intersects(f.geom, ST_MakeEnvelope(:bbox_w, :bbox_s, :bbox_e, :bbox_n, 4326))";
    /** A box across the antimeridian is the union of its parts east and west of it. */
    static final String IN_BBOX_ACROSS_ANTIMERIDIAN =
            "(ST_Intersects(f.geom, ST_MakeEnvelope(:bbox_w, :bbox_s, 180, :bbox_n, 4326))"
            + " OR ST_Intersects(f.geom, ST_MakeEnvelope(-180, :bbox_s, :bbox_e, :bbox_n, 4326)))";
    static final String INTERSECTS = "ST_Intersects(f.geom, ST_GeomFromWKB(:intersects_wkb, 4326))";

    private SpatialSql() {
    }

    public static void bbox(SqlFilter filter, Bbox box) {
        filter.and(box.crossesAntimeridian() ? IN_BBOX_ACROSS_ANTIMERIDIAN : IN_BBOX,
                "bbox_w", box.minLon(), "bbox_s", box.minLat(), "bbox_e", box.maxLon(), "bbox_n", box.maxLat());
    }

    public static void intersects(SqlFilter filter, Geometry geometry) {
        filter.and(INTERSECTS, "intersects_wkb", new WKBWriter().write(geometry));
    }

    /** Adds a condition on a feature's time span [{@code start}, {@code end}] overlapping {@code interval}. */
    public static void during(SqlFilter filter, TimeInterval interval, String start, String end) {
        if (interval.end() != null) {
            filter.and(start + " <= :dt_end", "dt_end", interval.end());
        }
        if (interval.start() != null) {
            filter.and(end + " >= :dt_start", "dt_start", interval.start());
        }
    }
}
