package org.incidentmap.ogcapi;

import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.incidentmap.cql2.Cql2Filter;
import org.incidentmap.cql2.QueryableParameters;
import org.incidentmap.cql2.Queryables;
import org.incidentmap.geo.Bbox;
import org.incidentmap.geo.Crs;
import org.incidentmap.geo.GeometryLimits;
import org.incidentmap.geo.Rfc3339;
import org.incidentmap.problem.ProblemException;

/**
 * The query parameters every items endpoint takes (OGC API - Features Part 1 core), as raw text: they are
 * parsed into typed values by the service so that every mistake becomes a 400 naming the parameter.
 */
public class ItemsParams implements TakesQueryables {

    /** Page size when a request gives no {@code limit}. */
    public static final int DEFAULT_LIMIT = 100;
    /** Largest page; a larger {@code limit} is clamped to it, as OGC API - Features says. */
    public static final int MAX_LIMIT = 10_000;

    @QueryParam("bbox")
    @Parameter(name = "bbox", in = ParameterIn.QUERY, description = "Only features whose geometry intersects this box: minLon,minLat,maxLon,maxLat in "
            + "WGS 84 degrees (CRS84), or 6 numbers with heights (ignored). minLon > maxLon crosses the antimeridian.",
            style = ParameterStyle.FORM, explode = Explode.FALSE,
            schema = @Schema(type = SchemaType.ARRAY, implementation = Double.class, minItems = 4, maxItems = 6))
    public String bbox;

    @QueryParam("datetime")
    @Parameter(name = "datetime", in = ParameterIn.QUERY, description = "Only features whose time intersects this RFC 3339 instant or interval: "
            + "2025-03-04T06:00:00Z, 2025-03-04 (the whole UTC day), 2025-03-01/2025-03-05, 2025-03-01/.., ../2025-03-05, "
            + "2025-03-01/P2D (an ISO 8601 duration).",
            style = ParameterStyle.FORM, explode = Explode.FALSE, schema = @Schema(type = SchemaType.STRING))
    public String datetime;

    @QueryParam("limit")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Features per page. A value above the maximum is clamped to it.",
            style = ParameterStyle.FORM, explode = Explode.FALSE,
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + MAX_LIMIT,
                    defaultValue = "" + DEFAULT_LIMIT))
    public String limit;

    @QueryParam("cursor")
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "Where a page starts; set by the 'next' link of the previous page. Opaque.",
            style = ParameterStyle.FORM, explode = Explode.FALSE, schema = @Schema(type = SchemaType.STRING))
    public String cursor;

    /** What {@code crs} means, wherever an endpoint takes it. */
    public static final String CRS = "The CRS of the geometries answered (OGC API - Features Part 2): "
            + "http://www.opengis.net/def/crs/OGC/1.3/CRS84 (the default, longitude first), "
            + "http://www.opengis.net/def/crs/EPSG/0/4326 (latitude first) or http://www.opengis.net/def/crs/EPSG/0/3857 "
            + "(Web Mercator metres). The answer's Content-Crs header names it.";

    @QueryParam("crs")
    @Parameter(name = "crs", in = ParameterIn.QUERY, description = CRS,
            style = ParameterStyle.FORM, explode = Explode.FALSE, schema = @Schema(type = SchemaType.STRING,
                    format = "uri", enumeration = {"http://www.opengis.net/def/crs/OGC/1.3/CRS84",
                        "http://www.opengis.net/def/crs/EPSG/0/4326", "http://www.opengis.net/def/crs/EPSG/0/3857"}))
    public String crs;

    @QueryParam("bbox-crs")
    @Parameter(name = "bbox-crs", in = ParameterIn.QUERY, description = "The CRS of 'bbox' (one of those of 'crs'; "
            + "EPSG:4326 is latitude first): CRS84 when absent.",
            style = ParameterStyle.FORM, explode = Explode.FALSE, schema = @Schema(type = SchemaType.STRING,
                    format = "uri", enumeration = {"http://www.opengis.net/def/crs/OGC/1.3/CRS84",
                        "http://www.opengis.net/def/crs/EPSG/0/4326", "http://www.opengis.net/def/crs/EPSG/0/3857"}))
    public String bboxCrs;

    @QueryParam("properties")
    @Parameter(name = "properties", in = ParameterIn.QUERY, description = "Only these properties in each feature "
            + "(comma-separated names); all when absent.",
            style = ParameterStyle.FORM, explode = Explode.FALSE,
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    public String properties;

    @QueryParam("skipGeometry")
    @Parameter(name = "skipGeometry", in = ParameterIn.QUERY, description = "true: features without their "
            + "geometry (null), for tables and counts of what matched.",
            style = ParameterStyle.FORM, explode = Explode.FALSE,
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    public String skipGeometry;

    @QueryParam("offset")
    @Parameter(name = "offset", in = ParameterIn.QUERY, description = "Matches to skip before the page, for clients "
            + "that page by offset (OWSLib). Slower the deeper it goes: the next link's cursor is as fast at any "
            + "depth. Not with near (nearest first pages by cursor only).",
            style = ParameterStyle.FORM, explode = Explode.FALSE,
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
    public String offset;

    @QueryParam("sortby")
    @Parameter(name = "sortby", in = ParameterIn.QUERY, description = "The order of the features: comma-separated "
            + "queryables, each +name (ascending, the default) or -name (descending), then by id; missing values "
            + "last. Pages stay keyset-based (follow 'next'). On incidents, not with near, which is nearest first.",
            style = ParameterStyle.FORM, explode = Explode.FALSE,
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    public String sortby;

    @QueryParam("filter")
    @Parameter(name = "filter", in = ParameterIn.QUERY, description = "Only features matching this CQL2 expression "
            + "(OGC API - Features Part 3) over the collection's queryables (see its /queryables), such as "
            + "fatalities >= 1 AND admin2 IN ('Latakia', 'Jableh'), S_DWITHIN(geometry, POINT(35.78 35.52), 25000) or "
            + "T_INTERSECTS(occurred_at, INTERVAL('2025-03-01', '2025-03-07')).",
            style = ParameterStyle.FORM, explode = Explode.FALSE, schema = @Schema(type = SchemaType.STRING))
    public String filter;

    @QueryParam("filter-lang")
    @Parameter(name = "filter-lang", in = ParameterIn.QUERY, description = "The language of 'filter': cql2-text "
            + "(the default) or cql2-json; cql-text, the draft's name that GDAL 3.6 looks for and sends, is read as "
            + "cql2-text.",
            style = ParameterStyle.FORM, explode = Explode.FALSE, schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"cql2-text", "cql2-json", "cql-text"}, defaultValue = "cql2-text"))
    public String filterLang;

    @QueryParam("filter-crs")
    @Parameter(name = "filter-crs", in = ParameterIn.QUERY, description = "The CRS of the geometries in 'filter': "
            + "http://www.opengis.net/def/crs/OGC/1.3/CRS84 (longitude first, the default) or "
            + "http://www.opengis.net/def/crs/EPSG/0/4326 (latitude first).",
            style = ParameterStyle.FORM, explode = Explode.FALSE, schema = @Schema(type = SchemaType.STRING,
                    format = "uri", defaultValue = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"))
    public String filterCrs;

    @QueryParam("updated_after")
    @Parameter(name = "updated_after", in = ParameterIn.QUERY, description = "Only features added or changed after "
            + "this RFC 3339 instant (or the end of this date). Every change, deletions included, in commit order: "
            + "the collection's /changes, which a mirror should follow instead (a transaction that commits late can "
            + "carry an earlier time).", style = ParameterStyle.FORM, explode = Explode.FALSE,
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    public String updatedAfter;

    @QueryParam("tombstones")
    @Parameter(name = "tombstones", in = ParameterIn.QUERY, description = "true: with updated_after, the page lists "
            + "the features deleted since then too, in the same order and under the same filters (their last state "
            + "is matched), each as a Feature with a null geometry and properties deleted, deleted_at, deleted_by; "
            + "a mirror syncing by time then learns of deletions. Not with sortby or near.",
            style = ParameterStyle.FORM, explode = Explode.FALSE,
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    public String tombstones;

    /**
     * The filter of {@code filter} (in {@code filter-lang}, {@code filter-crs}) and of the queryables given as
     * parameters of their own ({@code admin2=Latakia}) among the request's {@code query}, both over
     * {@code queryables}; null when there is neither.
     */
    public Cql2Filter filter(Queryables queryables, Map<String, List<String>> query, GeometryLimits limits,
            double maxRadiusMetres) {
        Cql2Filter cql = Cql2Filter.parse(filter, filterLang, filterCrs, queryables, limits, maxRadiusMetres);
        Cql2Filter all = Cql2Filter.both(cql, QueryableParameters.parse(query, queryables,
                StrictRequest.parametersOf(getClass())));
        return updatedAfter == null ? all : Cql2Filter.both(all, Cql2Filter.of(new SqlFilter()
                .and("f.updated_at > :updated_after", "updated_after", updatedAfter())));
    }

    /** Whether deleted features are listed too ({@code tombstones=true}, which needs updated_after, not sortby). */
    public boolean tombstones() {
        if (tombstones == null || tombstones.strip().equals("false")) {
            return false;
        }
        if (!tombstones.strip().equals("true")) {
            throw ProblemException.badParameter("tombstones", "'" + tombstones + "' is not true or false");
        }
        if (updatedAfter == null) {
            throw ProblemException.badParameter("tombstones", "lists the features deleted after updated_after; give "
                    + "updated_after too (an RFC 3339 instant)");
        }
        if (sortby != null) {
            throw ProblemException.badParameter("tombstones", "come in id order, as a sync reads them; leave out "
                    + "sortby");
        }
        return true;
    }

    /** The time after which tombstones are asked for (tombstones=true), else null. */
    public Instant tombstonesSince() {
        return tombstones() ? updatedAfter() : null;
    }

    private Instant updatedAfter() {
        try {
            return Rfc3339.isDate(updatedAfter.strip()) ? Rfc3339.endOf(updatedAfter.strip())
                    : Rfc3339.startOf(updatedAfter.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("updated_after", "'" + updatedAfter + "' is not an RFC 3339 "
                    + "date-time (2025-03-04T06:00:00Z) or date");
        }
    }

    /** The bbox, read in {@code bbox-crs}; null when there is none. */
    public Bbox bbox() {
        if (bbox == null) {
            if (bboxCrs != null) {
                throw ProblemException.badParameter("bbox-crs", "applies to a bbox; give 'bbox' too");
            }
            return null;
        }
        return Bbox.parse(bbox, Crs.parse("bbox-crs", bboxCrs));
    }

    /** What of each feature the answer carries ({@code crs}, {@code properties}, {@code skipGeometry}). */
    public FeatureShape shape(List<String> knownProperties) {
        return FeatureShape.parse(crs, properties, skipGeometry, knownProperties);
    }

    /** Refuses the parameters of a page of features where none is answered (counts, tiles, exports). */
    public void refuseShape(String why) {
        for (String[] p : new String[][] {{"crs", crs}, {"properties", properties}, {"skipGeometry", skipGeometry},
            {"offset", offset}, {"tombstones", tombstones}}) {
            if (p[1] != null) {
                throw ProblemException.badParameter(p[0], why);
            }
        }
    }

    /** Refuses {@code sortby} where the answer is not a page of features in an order (counts, exports, tiles). */
    public void refuseSortby(String why) {
        if (sortby != null) {
            throw ProblemException.badParameter("sortby", why);
        }
    }

    /** Rows to skip before the page ({@code offset}, for clients that page that way): 0 when absent. */
    public int offset() {
        if (offset == null) {
            return 0;
        }
        if (!offset.strip().matches("[0-9]{1,9}")) {
            throw ProblemException.badParameter("offset", "'" + offset + "' is not an integer from 0 to 999999999");
        }
        if (cursor != null) {
            throw ProblemException.badParameter("offset", "give either offset or cursor (the next link's), not both");
        }
        return Integer.parseInt(offset.strip());
    }

    /** Parses {@code limit}: an integer >= 1, {@link #DEFAULT_LIMIT} when absent, clamped to {@link #MAX_LIMIT}. */
    public int limit() {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        String digits = limit.strip();
        if (!digits.matches("[0-9]+")) {
            throw ProblemException.badParameter("limit", "'" + limit + "' is not an integer >= 1");
        }
        // Leading zeros say nothing: 0000000000 is 0 (refused), not a large number (clamped).
        String significant = digits.replaceFirst("^0+(?=[0-9])", "");
        long value = significant.length() > 9 ? Long.MAX_VALUE : Long.parseLong(significant);
        if (value < 1) {
            throw ProblemException.badParameter("limit", "must be at least 1, got " + value);
        }
        return (int) Math.min(value, MAX_LIMIT);
    }
}
