package org.incidentmap.map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The web map lives at /map/ (static files under META-INF/resources/map, the libraries it loads under map/lib);
 * /map, as people type it, leads there. The Location is a path, so it follows whatever host the page came from.
 */
@Path("/map")
@Tag(name = "Map")
public class MapPageResource {

    @GET
    @Operation(summary = "The web map of the incidents (HTML): redirects to /map/")
    public Response map() {
        return Response.status(Response.Status.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, "map/").build();
    }
}
