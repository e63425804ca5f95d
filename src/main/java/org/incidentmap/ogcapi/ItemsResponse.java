package org.incidentmap.ogcapi;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.incidentmap.geo.Crs;

/** Builds the HTTP answers of items endpoints: a page with its links, or a single feature with its links. */
public final class ItemsResponse {

    private ItemsResponse() {
    }

    /**
     * Answers a page as a FeatureCollection with absolute {@code self} and {@code next} links; {@code method} is
     * "POST" when the next page is fetched by POSTing the same body again, else null.
     */
    public static <T> Response page(Page<T> page, UriInfo uri, String collection, String method,
            FeatureWriter<T> feature) {
        List<Link> links = new ArrayList<>();
        String path = PublicBase.of(uri).path(uri.getPath()).build().toString();
        String cursor = uri.getQueryParameters().getFirst("cursor");
        links.add(new Link(path + QueryString.of(uri.getQueryParameters(), cursor), "self", Link.GEOJSON,
                "This page", method));
        if (method == null) {
            links.add(new Link(path + QueryString.with(uri.getQueryParameters(), "f", "html"), "alternate",
                    "text/html", "This page as HTML"));
        }
        if (page.nextCursor() != null) {
            links.add(new Link(path + QueryString.next(uri.getQueryParameters(), page.nextCursor()), "next",
                    Link.GEOJSON, "Next page", method));
        }
        links.add(new Link(collectionUri(uri, collection), "collection", Link.JSON, "The collection"));
        return Response.ok(FeatureCollectionWriter.of(page, links, feature)).build();
    }

    /** {@code response} with the Content-Crs header (OGC API - Features Part 2) naming {@code crs}. */
    public static Response inCrs(Response response, Crs crs) {
        return Response.fromResponse(response).header("Content-Crs", "<" + crs.uri() + ">").build();
    }

    /** Links of a single feature: itself and its collection. */
    public static List<Link> featureLinks(UriInfo uri, String collection, Object id) {
        String self = PublicBase.of(uri).path("collections").path(collection).path("items")
                .path(String.valueOf(id)).build().toString();
        return List.of(new Link(self, "self", Link.GEOJSON, "This feature"),
                new Link(self + "?f=html", "alternate", "text/html", "This feature as HTML"),
                new Link(collectionUri(uri, collection), "collection", Link.JSON, "The collection"));
    }

    private static String collectionUri(UriInfo uri, String collection) {
        return PublicBase.of(uri).path("collections").path(collection).build().toString();
    }
}
