package org.incidentmap.incident;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.ogcapi.Link;
import org.incidentmap.ogcapi.PublicBase;
import org.incidentmap.ogcapi.QueryString;
import org.incidentmap.ogcapi.Representation;
import org.incidentmap.problem.ProblemException;
import org.incidentmap.region.RegionService;

/** Counts of incidents and their fatalities by category, region, admin area or period, for any items filter. */
@Path("/collections/incidents/aggregate")
@Tag(name = "Incidents")
public class IncidentCountResource {

    @Inject
    IncidentCounts counts;

    @Inject
    IncidentService service;

    @Inject
    RegionService regions;

    @Inject
    ServiceConfig config;

    @GET
    @Produces({Link.JSON, "text/csv", Link.GEOJSON})
    @Operation(summary = "Incidents and fatalities counted by category, region, admin1, admin2, day, week or month, "
            + "over the incidents matching the filters of items; JSON, CSV, or GeoJSON of the regions (choropleth)")
    public Response aggregate(@BeanParam IncidentCountParams params, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        params.refuseShape("applies to pages of items; counts are numbers (by=region GeoJSON is in CRS84)");
        params.refuseSortby("applies to pages of items; counts come largest first, periods in time order");
        Grouping by = params.grouping();
        CountFormat format = Representation.choose(CountFormat.values(), params.f, headers.getAcceptableMediaTypes(),
                "counts");
        if (format == CountFormat.GEOJSON && by != Grouping.REGION) {
            throw ProblemException.badParameter("f", "GeoJSON counts are by region only (by=region): other groups "
                    + "have no geometry");
        }
        IncidentQuery q = IncidentQuery.parse(params, uri.getQueryParameters(), null, config.geometry().limits(),
                config.radius().maxMetres());
        List<CountGroup> groups = counts.count(by, q, service.region(q));
        Object body = switch (format) {
            case JSON -> CountWriters.json(by, groups, links(by, format, uri));
            case CSV -> CountWriters.csv(by, groups);
            case GEOJSON -> CountWriters.choropleth(groups, regions.all(), links(by, format, uri));
        };
        return Response.ok(body).header(HttpHeaders.CONTENT_TYPE, format.contentType()).build();
    }

    /** This answer as self, the other formats of the same counts as alternate. */
    private static List<Link> links(Grouping by, CountFormat self, UriInfo uri) {
        String path = PublicBase.of(uri).path("collections/incidents/aggregate").build().toString();
        List<Link> links = new ArrayList<>();
        for (CountFormat format : CountFormat.values()) {
            if (format != CountFormat.GEOJSON || by == Grouping.REGION) {
                links.add(new Link(path + QueryString.with(uri.getQueryParameters(), "f", format.formatName()),
                        format == self ? "self" : "alternate", format.mediaType().toString(),
                        "These counts as " + format.formatName().toUpperCase()));
            }
        }
        return links;
    }
}
