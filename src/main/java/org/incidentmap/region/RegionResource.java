package org.incidentmap.region;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.incidentmap.access.WriteAccess;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.cql2.Cql2Filter;
import org.incidentmap.cql2.Queryables;
import org.incidentmap.geo.Bbox;
import org.incidentmap.geo.Crs;
import org.incidentmap.geo.TimeInterval;
import org.incidentmap.ogcapi.BoundedBody;
import org.incidentmap.ogcapi.CollectionCatalog;
import org.incidentmap.ogcapi.FeatureBody;
import org.incidentmap.ogcapi.FeatureCollectionWriter;
import org.incidentmap.ogcapi.FeatureShape;
import org.incidentmap.ogcapi.IfMatch;
import org.incidentmap.ogcapi.ItemsParams;
import org.incidentmap.ogcapi.ItemsResponse;
import org.incidentmap.ogcapi.Link;
import org.incidentmap.ogcapi.MergePatch;
import org.incidentmap.ogcapi.Page;
import org.incidentmap.ogcapi.PublicBase;

/** The regions collection over HTTP: OGC API - Features items and writes. */
@Path("/collections/regions")
@Tag(name = "Regions")
public class RegionResource {

    static final String COLLECTION = "regions";

    @Inject
    CollectionCatalog catalog;

    @Inject
    ServiceConfig config;

    @Inject
    RegionService service;

    @GET
    @Produces(Link.JSON)
    @Operation(summary = "The regions collection: description, extent and links")
    public Map<String, Object> collection(@Context UriInfo uri) {
        return catalog.describe(COLLECTION, uri);
    }

    @GET
    @Path("queryables")
    @Produces({Queryables.MEDIA_TYPE, Link.JSON})
    @Operation(summary = "The properties a filter on regions may name, with their types (a JSON Schema)")
    public Map<String, Object> queryables(@Context UriInfo uri) {
        return RegionQueryables.ALL.document(uri);
    }

    @GET
    @Path("items")
    @Produces({Link.GEOJSON, Link.JSON})
    @Operation(summary = "Regions, as a GeoJSON FeatureCollection page (regions have no time: datetime keeps them all)")
    public Response items(@BeanParam ItemsParams params, @Context UriInfo uri) {
        Bbox bbox = params.bbox();
        if (params.datetime != null) {
            TimeInterval.parse(params.datetime); // checked, then has nothing to filter
        }
        Cql2Filter cql = Cql2Filter.parse(params.filter, params.filterLang, params.filterCrs, RegionQueryables.ALL,
                config.geometry().limits(), config.radius().maxMetres());
        FeatureShape shape = params.shape(RegionFeatureWriter.PROPERTIES);
        Page<Region> page = service.find(bbox, cql, params.limit(), params.offset(), params.cursor);
        return ItemsResponse.inCrs(ItemsResponse.page(page, uri, COLLECTION, null,
                (out, r) -> RegionFeatureWriter.write(out, r, List.of(), shape)), shape.crs());
    }

    @GET
    @Path("items/{featureId}")
    @Produces({Link.GEOJSON, Link.JSON})
    @Operation(summary = "One region as a GeoJSON Feature")
    public Response item(@PathParam("featureId") String id, @QueryParam("crs") @Parameter(name = "crs", in = ParameterIn.QUERY,
            description = ItemsParams.CRS, schema = @Schema(type = SchemaType.STRING)) String crsName,
            @Context UriInfo uri, @Context Request request) {
        FeatureShape shape = new FeatureShape(Crs.parse("crs", crsName), null, false);
        Region region = service.get(id);
        return ItemsResponse.inCrs(IfMatch.read(request, region.version, () -> feature(region, uri, shape)),
                shape.crs());
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
            Region region = created.get(0);
            return Response.created(PublicBase.of(uri).path("collections/regions/items").path(region.id).build())
                    .entity(feature(region, uri)).tag(IfMatch.tag(region.version)).build();
        }
        return Response.status(Response.Status.CREATED).entity(FeatureCollectionWriter.of(
                new Page<>(created, (long) created.size(), null), List.of(),
                (out, r) -> RegionFeatureWriter.write(out, r, ItemsResponse.featureLinks(uri, COLLECTION, r.id)))).build();
    }

    @PUT
    @Path("items/{featureId}")
    @WriteAccess
    @Consumes({Link.GEOJSON, Link.JSON})
    @Produces({Link.GEOJSON, Link.JSON})
    @Operation(summary = "Replaces a region with the Feature in the body; with If-Match, only if the region is still "
            + "at that ETag (412 otherwise)")
    public Response replace(@PathParam("featureId") String id, InputStream body, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        FeatureBody.Located feature = FeatureBody.features(BoundedBody.read(body, config.body().maxBytes()), false).get(0);
        FeatureBody.requireSameId(feature, id);
        return written(service.replace(id, feature, ifMatch(headers)), uri);
    }

    @PATCH
    @Path("items/{featureId}")
    @WriteAccess
    @Consumes(MergePatch.MEDIA_TYPE)
    @Produces({Link.GEOJSON, Link.JSON})
    @Operation(summary = "Changes part of a region with a JSON merge patch (RFC 7396); the result is checked as a "
            + "whole feature. Honours If-Match.")
    public Response patch(@PathParam("featureId") String id, InputStream body, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        JsonNode patch = FeatureBody.parse(BoundedBody.read(body, config.body().maxBytes()));
        return written(service.patch(id, patch, ifMatch(headers)), uri);
    }

    @DELETE
    @Path("items/{featureId}")
    @WriteAccess
    @Operation(summary = "Removes a region; with If-Match, only if it is still at that ETag (412 otherwise)")
    public Response delete(@PathParam("featureId") String id, @Context HttpHeaders headers) {
        service.delete(id, ifMatch(headers));
        return Response.noContent().build();
    }

    private IfMatch ifMatch(HttpHeaders headers) {
        return IfMatch.of(headers.getHeaderString(HttpHeaders.IF_MATCH), config.writes().requireIfMatch());
    }

    private static Response written(Region region, UriInfo uri) {
        return Response.ok(feature(region, uri)).tag(IfMatch.tag(region.version)).build();
    }

    private static StreamingOutput feature(Region region, UriInfo uri) {
        return feature(region, uri, FeatureShape.WHOLE);
    }

    private static StreamingOutput feature(Region region, UriInfo uri, FeatureShape shape) {
        return FeatureCollectionWriter.single(region,
                (out, r) -> RegionFeatureWriter.write(out, r, ItemsResponse.featureLinks(uri, COLLECTION, r.id), shape));
    }
}
