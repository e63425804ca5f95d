package org.incidentmap.ogcapi;

import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Serves the OpenAPI 3.0 document (the landing page's service-desc) with the media type OGC API clients look
 * for. The document itself is the one SmallRye builds from the resources' annotations, also at /q/openapi.
 */
@Path("/api")
public class ApiDefinitionResource {

    @Inject
    OpenApiDocumentService documents;

    @GET
    @Operation(hidden = true)
    public Response definition(@Context UriInfo uri) {
        DeclaredParameters.check(uri.getQueryParameters(), Object.class);
        byte[] json = documents.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON);
        return Response.ok(json, LandingResource.OPENAPI).build();
    }
}
