package org.incidentmap.ogcapi;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OGC API landing page and conformance declaration. */
@Path("/")
@Tag(name = "Capabilities")
@Produces(Link.JSON)
public class LandingResource {

    /** The conformance classes this service really implements (CRS of Part 2, CQL2 filters of Part 3). */
    static final List<String> CONFORMS_TO = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/optimistic-locking-etags",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
            "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
            "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
            "http://www.opengis.net/spec/cql2/1.0/conf/accent-insensitive-comparison",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
            "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/array-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/property-property",
            "http://www.opengis.net/spec/cql2/1.0/conf/arithmetic");
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";

    @GET
    @Operation(summary = "Landing page: what this service is and where to go next")
    public Map<String, Object> landing(@Context UriInfo uri) {
        return Map.of(
                "title", "Incident map",
                "description", "Incidents (attacks, security operations, clashes, arrests) with their geometries, "
                        + "as GeoJSON, queryable by box, radius, region and time.",
                "links", List.of(
                        new Link(href(uri, ""), "self", Link.JSON, "This document"),
                        new Link(href(uri, "") + "?f=html", "alternate", "text/html", "This document as HTML"),
                        new Link(href(uri, "api"), "service-desc", OPENAPI, "The API definition (OpenAPI 3.0)"),
                        new Link(href(uri, "q/swagger-ui"), "service-doc", "text/html", "The API documentation"),
                        new Link(href(uri, "conformance"), "conformance", Link.JSON, "Conformance classes implemented"),
                        new Link(href(uri, "collections"), "data", Link.JSON, "The feature collections"),
                        new Link(href(uri, "map/"), "alternate", "text/html", "A web map of the incidents")));
    }

    @GET
    @Path("conformance")
    @Operation(summary = "The OGC API conformance classes this service implements")
    public Map<String, Object> conformance(@Context UriInfo uri) {
        return Map.of("conformsTo", CONFORMS_TO);
    }

    public static String href(UriInfo uri, String path) {
        return PublicBase.of(uri).path(path).build().toString();
    }
}
