package org.incidentmap.html;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Optional;
import org.incidentmap.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Chooses between the HTML and JSON representations of the pages that have both ({@link PageKind}), before the
 * request reaches a resource: {@code f=html}, {@code f=json} or {@code f=geojson} when given, else the Accept
 * header (HTML only when the client names text/html before any JSON type, as browsers do; a wildcard alone gets
 * JSON). The resource then always answers JSON, which {@link HtmlRendering} turns into a page when HTML was asked
 * for; {@code f} is taken off the request so that the resource's own parameter checks never see it.
 */
public class HtmlNegotiation {

    static final String HTML_PAGE = HtmlNegotiation.class.getName() + ".html";
    static final String NEGOTIATED = HtmlNegotiation.class.getName() + ".negotiated";
    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;
    private static final MediaType GEOJSON = MediaType.valueOf("application/geo+json");

    @ServerRequestFilter(preMatching = true)
    public void negotiate(ContainerRequestContext request) {
        String method = request.getMethod();
        Optional<PageKind> kind = PageKind.of(request.getUriInfo().getPath());
        if (kind.isEmpty() || !(method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD))) {
            return;
        }
        request.setProperty(NEGOTIATED, kind.get());
        List<String> f = request.getUriInfo().getQueryParameters().get("f");
        if (f != null) {
            if (f.size() > 1) {
                throw ProblemException.badParameter("f", "given " + f.size() + " times; give it once");
            }
            request.setRequestUri(UriBuilder.fromUri(request.getUriInfo().getRequestUri()).replaceQueryParam("f")
                    .build());
        }
        String format = f == null || f.get(0).isBlank() ? null : f.get(0); // empty as absent, as forms send it
        boolean html = format == null ? prefersHtml(request.getAcceptableMediaTypes()) : switch (format) {
            case "html" -> true;
            case "json", "geojson" -> false;
            default -> throw ProblemException.badParameter("f", "'" + format + "' is not a format of this page; "
                    + "expected html, json or geojson");
        };
        if (html) {
            request.setProperty(HTML_PAGE, kind.get());
        }
        if (html || format != null) { // the resource answers the page's JSON, whatever else the client named
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, kind.get().jsonType());
        }
    }

    /** Whether text/html comes before every JSON type the client accepts (wildcards count for neither). */
    static boolean prefersHtml(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                continue;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return true;
            }
            if (type.isCompatible(JSON) || type.isCompatible(GEOJSON)) {
                return false;
            }
        }
        return false;
    }
}
