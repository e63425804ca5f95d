package org.incidentmap.ogcapi;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.incidentmap.problem.ProblemMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a write whose body has no declared type with a 415 problem: without one, the service would have to
 * guess what the bytes are, and a guess can store what the client did not mean. It runs once the request has
 * matched an endpoint, so that a method the path does not take is still a 405.
 */
public class ContentTypeRequired {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (!WRITES.contains(request.getMethod()) || type != null && !type.isBlank()) {
            return null;
        }
        return ProblemMapper.response(415, "The request has no Content-Type; send application/geo+json (a Feature "
                + "or FeatureCollection), application/geo+json-seq, text/csv, or what the endpoint's OpenAPI "
                + "description lists.", List.of(), request.getUriInfo());
    }
}
