package org.incidentmap.ogcapi;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.incidentmap.problem.ProblemException;

/** Lists the feature collections. Each collection's own resource describes it at /collections/{id}. */
@Path("/collections")
@Tag(name = "Capabilities")
@Produces(Link.JSON)
public class CollectionsResource {

    @Inject
    CollectionCatalog catalog;

    @Inject
    CollectionRegistry registry;

    @GET
    @Operation(summary = "The feature collections of this service")
    public Map<String, Object> collections(@Context UriInfo uri) {
        return Map.of(
                "links", List.of(new Link(LandingResource.href(uri, "collections"), "self", Link.JSON, "This document"),
                        new Link(LandingResource.href(uri, "collections") + "?f=html", "alternate", "text/html",
                                "This document as HTML")),
                "collections", registry.all().stream().map(c -> catalog.describe(c, uri)).toList());
    }

    @GET
    @Path("{collectionId}")
    @Operation(hidden = true)
    public Map<String, Object> unknown(@PathParam("collectionId") String id) {
        throw ProblemException.notFound("There is no collection '" + id + "'; the collections are "
                + String.join(", ", registry.ids()) + ".");
    }
}
