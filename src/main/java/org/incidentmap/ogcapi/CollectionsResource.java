package org.incidentmap.ogcapi;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.incidentmap.incident.IncidentService;
import org.incidentmap.problem.ProblemException;
import org.incidentmap.region.RegionService;

/** Describes the feature collections, with spatial and temporal extents computed from their rows. */
@Path("/collections")
@Tag(name = "Capabilities")
@Produces(Link.JSON)
public class CollectionsResource {

    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";

    @Inject
    IncidentService incidents;

    @Inject
    RegionService regions;

    @GET
    @Operation(summary = "The feature collections of this service")
    public Map<String, Object> collections(@Context UriInfo uri) {
        DeclaredParameters.check(uri.getQueryParameters(), Object.class);
        return Map.of(
                "links", List.of(new Link(LandingResource.href(uri, "collections"), "self", Link.JSON, "This document")),
                "collections", List.of(describe("incidents", uri), describe("regions", uri)));
    }

    @GET
    @Path("{collectionId}")
    @Operation(summary = "One feature collection")
    public Map<String, Object> collection(@PathParam("collectionId") String id, @Context UriInfo uri) {
        DeclaredParameters.check(uri.getQueryParameters(), Object.class);
        if (!id.equals("incidents") && !id.equals("regions")) {
            throw ProblemException.notFound("There is no collection '" + id + "'; the collections are incidents "
                    + "and regions.");
        }
        return describe(id, uri);
    }

    private Map<String, Object> describe(String id, UriInfo uri) {
        boolean isIncidents = id.equals("incidents");
        CollectionExtent extent = isIncidents ? incidents.extent() : regions.extent();
        String self = LandingResource.href(uri, "collections/" + id);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("title", isIncidents ? "Incidents" : "Regions");
        c.put("description", isIncidents
                ? "Attacks, security operations, clashes and arrests, with ACLED-style properties."
                : "Named areas (governorate, city, neighbourhood, town) to query incidents in, by id.");
        c.put("itemType", "feature");
        c.put("crs", List.of(CRS84));
        c.put("extent", extent(extent));
        c.put("links", List.of(
                new Link(self, "self", Link.JSON, "This collection"),
                new Link(self + "/items", "items", Link.GEOJSON, "The features, as GeoJSON")));
        return c;
    }

    private static Map<String, Object> extent(CollectionExtent e) {
        Map<String, Object> extent = new LinkedHashMap<>();
        if (e.bbox() != null) {
            extent.put("spatial", Map.of("bbox", List.of(e.bbox()), "crs", CRS84));
        }
        if (e.start() != null) {
            extent.put("temporal", Map.of("interval", List.of(java.util.Arrays.asList(e.start().toString(),
                    e.end().toString())), "trs", GREGORIAN));
        }
        return extent;
    }
}
