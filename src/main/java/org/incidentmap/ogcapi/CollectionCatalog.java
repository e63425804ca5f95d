package org.incidentmap.ogcapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentmap.geo.Crs;
import org.incidentmap.geo.Rfc3339;
import org.incidentmap.incident.IncidentService;
import org.incidentmap.region.RegionService;

/** Describes each feature collection as OGC API - Features does, with extents computed from its rows. */
@ApplicationScoped
public class CollectionCatalog {

    static final List<String> IDS = List.of("incidents", "regions");
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";

    @Inject
    IncidentService incidents;

    @Inject
    RegionService regions;

    /** Describes collection {@code id}, one of {@link #IDS}. */
    public Map<String, Object> describe(String id, UriInfo uri) {
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
        c.put("crs", Crs.uris());
        c.put("storageCrs", CRS84);
        c.put("extent", extent(extent));
        List<Link> links = new ArrayList<>(List.of(
                new Link(self, "self", Link.JSON, "This collection"),
                new Link(self + "?f=html", "alternate", "text/html", "This collection as HTML"),
                new Link(self + "/items", "items", Link.GEOJSON, "The features, as GeoJSON"),
                new Link(self + "/queryables", "http://www.opengis.net/def/rel/ogc/1.0/queryables",
                        "application/schema+json", "The properties a filter may name"),
                // The draft's name of that relation, by which GDAL 3.6 finds it and sends -where as a filter.
                new Link(self + "/queryables", "queryables", "application/schema+json",
                        "The properties a filter may name")));
        if (isIncidents) {
            // OGC API - Features: "enclosure" links download the whole collection at once.
            links.add(new Link(self + "/export?f=geojson", "enclosure", Link.GEOJSON, "Every incident, as GeoJSON"));
            links.add(new Link(self + "/export?f=geojsonseq", "enclosure", "application/geo+json-seq",
                    "Every incident, one GeoJSON Feature per line"));
            links.add(new Link(self + "/export?f=csv", "enclosure", "text/csv",
                    "Every incident, as CSV in ACLED's columns plus ours"));

            links.add(new Link(self + "/aggregate?by=category", "related", Link.JSON,
                    "Counts of incidents and fatalities (by category; also by region, admin1, admin2, day, week, month)"));
        }
        links.add(new Link(self + "/tiles", "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", Link.JSON,
                "Vector tiles of the " + id + " (OGC API - Tiles)"));
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
