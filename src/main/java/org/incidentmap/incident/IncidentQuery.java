package org.incidentmap.incident;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.incidentmap.cql2.Cql2Filter;
import org.incidentmap.cql2.SortBy;
import org.incidentmap.geo.Bbox;
import org.incidentmap.geo.GeometryLimits;
import org.incidentmap.geo.InvalidGeometryException;
import org.incidentmap.geo.NearPoint;
import org.incidentmap.geo.QueryGeometry;
import org.incidentmap.geo.Radius;
import org.incidentmap.geo.TimeInterval;
import org.incidentmap.ogcapi.PageCursor;
import org.incidentmap.problem.ProblemException;
import org.locationtech.jts.geom.Geometry;

/**
 * A parsed, checked incidents query; absent filters are null. Every filter narrows the result (AND).
 * {@code near} and {@code radius} come together or not at all.
 */
public record IncidentQuery(Bbox bbox, TimeInterval datetime, NearPoint near, Radius radius, String region,
        Geometry intersects, List<String> categories, Integer fatalitiesMin, Cql2Filter filter, SortBy sortBy,
        int limit, int offset, String cursor, boolean tombstones) {

    /**
     * Parses {@code p}, and the queryables among the request's {@code query} given as parameters of their own;
     * {@code postedGeometry}, when not null, is the intersects geometry of a POST search.
     */
    public static IncidentQuery parse(IncidentItemsParams p, Map<String, List<String>> query, Geometry postedGeometry,
            GeometryLimits limits, double maxRadiusMetres) {
        if (p.near != null && p.radius == null) {
            throw ProblemException.badParameter("radius", "is required with 'near' (a distance such as 25km)");
        }
        if (p.radius != null && p.near == null) {
            throw ProblemException.badParameter("near", "is required with 'radius' (LON,LAT of the centre)");
        }
        if (postedGeometry != null && p.intersects != null) {
            throw ProblemException.badParameter("intersects", "give the geometry either in the body or here, not both");
        }
        return new IncidentQuery(
                p.bbox(),
                p.datetime == null ? null : TimeInterval.parse(p.datetime),
                p.near == null ? null : NearPoint.parse(p.near),
                p.radius == null ? null : Radius.parse(p.radius, maxRadiusMetres),
                p.region == null ? null : region(p.region),
                postedGeometry != null ? postedGeometry : p.intersects == null ? null : intersects(p.intersects, limits),
                p.category == null ? null : categories(p.category),
                p.fatalitiesMin == null ? null : fatalitiesMin(p.fatalitiesMin),
                p.filter(IncidentQueryables.ALL, query, limits, maxRadiusMetres),
                sortBy(p),
                p.limit(),
                offset(p),
                p.cursor == null ? null : PageCursor.decode(p.cursor),
                tombstones(p));
    }

    private static SortBy sortBy(IncidentItemsParams p) {
        if (p.sortby != null && p.near != null) {
            throw ProblemException.badParameter("sortby", "a near search comes nearest first; sortby applies to "
                    + "other listings");
        }
        return SortBy.parse(p.sortby, IncidentQueryables.ALL);
    }

    private static boolean tombstones(IncidentItemsParams p) {
        boolean tombstones = p.tombstones();
        if (tombstones && p.near != null) {
            throw ProblemException.badParameter("tombstones", "come in id order, as a sync reads them; a near search "
                    + "is nearest first");
        }
        return tombstones;
    }

    private static int offset(IncidentItemsParams p) {
        int offset = p.offset();
        if (offset > 0 && p.near != null) {
            throw ProblemException.badParameter("offset", "nearest-first pages go by their next links (cursor) only");
        }
        return offset;
    }

    private static String region(String id) {
        if (id.isBlank()) {
            throw ProblemException.badParameter("region", "must be the id of a region");
        }
        return id;
    }

    private static Geometry intersects(String text, GeometryLimits limits) {
        try {
            return QueryGeometry.parse(text, limits);
        } catch (InvalidGeometryException e) {
            throw ProblemException.badParameter("intersects", e.getMessage());
        }
    }

    /** Wire names of the categories listed in {@code text}, each given as on the wire or as ACLED labels it. */
    private static List<String> categories(String text) {
        return Arrays.stream(text.split(",", -1)).map(name -> Category.fromName(name).orElseThrow(
                () -> ProblemException.badParameter("category", "'" + name.strip() + "' is not a category; expected "
                        + "one or more of " + String.join(", ", Category.wireNames()) + " (or ACLED's labels of them,"
                        + " such as Battles)")).wire()).toList();
    }

    private static Integer fatalitiesMin(String text) {
        if (!text.strip().matches("[0-9]{1,9}")) {
            throw ProblemException.badParameter("fatalities_min", "'" + text + "' is not an integer >= 0");
        }
        return Integer.valueOf(text.strip());
    }
}
