package org.incidentmap.ogcapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentmap.geo.Crs;
import org.incidentmap.geo.Rfc3339;

/** Describes a feature collection as OGC API - Features does, with its extent as it is now. */
@ApplicationScoped
public class CollectionCatalog {

    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";

    /** The collection document of {@code collection}. */
    public Map<String, Object> describe(CollectionProvider<?> collection, UriInfo uri) {
        CollectionInfo info = collection.info();
        String self = LandingResource.href(uri, "collections/" + info.id());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", info.id());
        c.put("title", info.title());
        c.put("description", info.description());
        c.put("itemType", "feature");
        c.put("crs", Crs.uris());
        c.put("storageCrs", CRS84);
        c.put("extent", extent(collection.extent()));
        List<Link> links = new ArrayList<>(List.of(
                new Link(self, "self", Link.JSON, "This collection"),
                new Link(self + "?f=html", "alternate", "text/html", "This collection as HTML"),
                new Link(self + "/items", "items", Link.GEOJSON, "The features, as GeoJSON"),
                new Link(self + "/queryables", "http://www.opengis.net/def/rel/ogc/1.0/queryables",
                        "application/schema+json", "The properties a filter may name"),
                // The draft's name of that relation, by which GDAL 3.6 finds it and sends -where as a filter.
                new Link(self + "/queryables", "queryables", "application/schema+json",
                        "The properties a filter may name")));
        links.addAll(collection.links(self));
        if (info.tiled()) {
            links.add(new Link(self + "/tiles", "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", Link.JSON,
                    "Vector tiles of the " + info.id() + " (OGC API - Tiles)"));
        }
        c.put("links", links);
        return c;
    }

    private static Map<String, Object> extent(CollectionExtent e) {
        Map<String, Object> extent = new LinkedHashMap<>();
        if (e.bbox() != null) {
            extent.put("spatial", Map.of("bbox", List.of(e.bbox()), "crs", CRS84));
        }
        if (e.start() != null) {
            extent.put("temporal", Map.of("interval", List.of(Arrays.asList(Rfc3339.format(e.start()),
                    Rfc3339.formatEnd(e.end()))), "trs", GREGORIAN));
        }
        return extent;
    }
}
