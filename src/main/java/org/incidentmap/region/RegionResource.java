package org.incidentmap.region;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.incidentmap.access.WriteAccess;
import org.incidentmap.cql2.Cql2Filter;
import org.incidentmap.cql2.SortBy;
import org.incidentmap.geo.TimeInterval;
import org.incidentmap.ogcapi.BoundedBody;
import org.incidentmap.ogcapi.CollectionProvider;
import org.incidentmap.ogcapi.CollectionResource;
import org.incidentmap.ogcapi.FeatureBody;
import org.incidentmap.ogcapi.FeatureCollectionWriter;
import org.incidentmap.ogcapi.FeatureShape;
import org.incidentmap.ogcapi.FeatureWriter;
import org.incidentmap.ogcapi.ItemsParams;
import org.incidentmap.ogcapi.ItemsResponse;
import org.incidentmap.ogcapi.Link;
import org.incidentmap.ogcapi.Page;

/** The regions collection over HTTP: its items and their creation; the rest is every collection's. */
@Path("/collections/regions")
@Tag(name = "Regions", description = "Named areas to query incidents in: items, tiles and writes (by administrators)")
public class RegionResource extends CollectionResource<Region> {

    @Inject
    RegionCollection regions;

    @Inject
    RegionService service;

    @Override
    protected CollectionProvider<Region> collection() {
        return regions;
    }

    @GET
    @Path("items")
    @Produces({Link.GEOJSON, Link.JSON})
    @Operation(summary = "Regions, as a GeoJSON FeatureCollection page (regions have no time: datetime keeps them all)")
    public Response items(@BeanParam ItemsParams params, @Context UriInfo uri) {
        if (params.datetime != null) {
            TimeInterval.parse(params.datetime); // checked, then has nothing to filter
        }
        Cql2Filter cql = params.filter(RegionQueryables.ALL, uri.getQueryParameters(), config.geometry().limits(),
                config.radius().maxMetres());
        FeatureShape shape = params.shape(RegionFeatureWriter.PROPERTIES);
        SortBy sort = SortBy.orById(params.sortby, RegionQueryables.ALL);
        FeatureWriter<Region> region = inShape(shape);
        checkTombstones(params);
        return budgetedPage(params.limit(), () -> service.find(params.bbox(), cql, sort, params.limit(),
                params.offset(), params.cursor, params.tombstones()), uri, null, shape, (out, r) -> {
            if (r.deleted() != null) {
                r.deleted().write(out, r.id());
            } else {
                region.write(out, r.region());
            }
        });
    }

    @POST
    @Path("items")
    @WriteAccess
    @Consumes({Link.GEOJSON, Link.JSON})
    @Produces({Link.GEOJSON, Link.JSON})
    @Operation(summary = "Adds a region (a Feature with a slug id; 201 with Location) or several (all or none)")
    public Response create(InputStream body, @Context UriInfo uri) {
        List<FeatureBody.Located> features = FeatureBody.features(BoundedBody.read(body, config.body().maxBytes()), true);
        List<Region> created = service.create(features);
        if (features.get(0).pointer().isEmpty()) {
            return created(created.get(0), uri);
        }
        return Response.status(Response.Status.CREATED).entity(FeatureCollectionWriter.of(
                new Page<>(created, (long) created.size(), null), List.of(),
                (out, r) -> RegionFeatureWriter.write(out, r, ItemsResponse.featureLinks(uri, RegionCollection.ID,
                        r.id)))).build();
    }
}
