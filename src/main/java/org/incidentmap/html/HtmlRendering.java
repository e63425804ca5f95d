package org.incidentmap.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Turns the JSON document a resource answered into its HTML page, when {@link HtmlNegotiation} found that HTML
 * was asked for. Errors stay problem+json: they say what was wrong in a form both people and programs read.
 */
public class HtmlRendering {

    static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    @Inject
    ObjectMapper json;

    @Inject
    HtmlPages pages;

    @ServerResponseFilter
    public void render(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(HtmlNegotiation.NEGOTIATED) != null) {
            response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT); // one URL, two representations
        }
        if (!(request.getProperty(HtmlNegotiation.HTML_PAGE) instanceof PageKind kind)
                || response.getStatus() != 200 || !response.hasEntity()) {
            return;
        }
        String page = pages.render(kind, document(response.getEntity()), request.getUriInfo());
        response.setEntity(page, new Annotation[0], HTML);
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, HTML.toString());
    }

    /** The resource's answer as JSON values: features stream as bytes, documents are maps and records. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> document(Object entity) {
        try {
            if (entity instanceof StreamingOutput stream) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                stream.write(bytes);
                return json.readValue(bytes.toByteArray(), Map.class);
            }
            return json.convertValue(entity, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
