package org.incidentmap.ogcapi;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A web link (RFC 8288) as OGC API documents carry them; {@code href} is always absolute. {@code method} is set
 * only where following the link takes another method than GET (the next page of a POSTed search).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Link(String href, String rel, String type, String title, String method) {

    public static final String GEOJSON = "application/geo+json";
    public static final String JSON = "application/json";

    public Link(String href, String rel, String type, String title) {
        this(href, rel, type, title, null);
    }
}
