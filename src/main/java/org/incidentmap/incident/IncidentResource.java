package org.incidentmap.incident;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.incidentmap.access.WriteAccess;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.cql2.Queryables;
import org.incidentmap.geo.Crs;
import org.incidentmap.geo.InvalidGeometryException;
import org.incidentmap.geo.QueryGeometry;
import org.incidentmap.ogcapi.BoundedBody;
import org.incidentmap.ogcapi.CollectionCatalog;
import org.incidentmap.ogcapi.FeatureBody;
import org.incidentmap.ogcapi.FeatureCollectionWriter;
import org.incidentmap.ogcapi.FeatureShape;
import org.incidentmap.ogcapi.FeatureStream;
import org.incidentmap.ogcapi.IfMatch;
import org.incidentmap.ogcapi.ItemsParams;
import org.incidentmap.ogcapi.ItemsResponse;
import org.incidentmap.ogcapi.Link;
import org.incidentmap.ogcapi.MergePatch;
import org.incidentmap.ogcapi.Page;
import org.incidentmap.ogcapi.PublicBase;
import org.incidentmap.problem.ProblemException;
import org.locationtech.jts.geom.Geometry;

/** The incidents collection over HTTP: OGC API - Features items, a POST search, and writes. */
@Path("/collections/incidents")
@Tag(name = "Incidents")
public class IncidentResource {

    static final String COLLECTION = "incidents";

    @Inject
    CollectionCatalog catalog;

    @Inject
    IncidentService service;

    @Inject
    IncidentExport exports;

    @Inject
    ServiceConfig config;

    @GET
    @Produces(Link.JSON)
    @Operation(summary = "The incidents collection: description, extent and links")
    public Map<String, Object> collection(@Context UriInfo uri) {
        return catalog.describe(COLLECTION, uri);
    }

    @GET
    @Path("queryables")
    @Produces({Queryables.MEDIA_TYPE, Link.JSON})
    @Operation(summary = "The properties a filter on incidents may name, with their types (a JSON Schema)")
    public Map<String, Object> queryables(@Context UriInfo uri) {
        return IncidentQueryables.ALL.document(uri);
    }

    @GET
    @Path("items")
    @Produces({Link.GEOJSON, Link.JSON})
    @Operation(summary = "Incidents matching every filter given, as a GeoJSON FeatureCollection page")
    public Response items(@BeanParam IncidentItemsParams params, @Context UriInfo uri) {
        return find(params, null, uri, null);
    }

    @POST
    @Path("search")
    @Consumes({Link.GEOJSON, Link.JSON, MediaType.TEXT_PLAIN})
    @Produces({Link.GEOJSON, Link.JSON})
    @Operation(summary = "Incidents intersecting the geometry in the body (GeoJSON geometry or WKT), for geometries "
            + "too long for a URL; takes the same query parameters as GET items. Re-POST the body to 'next' links.")
    public Response search(InputStream body, @BeanParam IncidentItemsParams params, @Context UriInfo uri) {
        Geometry geometry;
        try {
            geometry = QueryGeometry.parse(BoundedBody.read(body, config.body().maxBytes()), config.geometry().limits());
        } catch (InvalidGeometryException e) {
            throw ProblemException.badBody(e.pointer(), e.getMessage());
        }
        return find(params, geometry, uri, "POST");
    }

    private Response find(IncidentItemsParams params, Geometry posted, UriInfo uri, String method) {
        IncidentQuery query = IncidentQuery.parse(params, posted, config.geometry().limits(),
                config.radius().maxMetres());
        FeatureShape shape = params.shape(IncidentFeatureWriter.OUTPUT_PROPERTIES);
        Page<IncidentMatch> page = service.find(query);
        return ItemsResponse.inCrs(ItemsResponse.page(page, uri, COLLECTION, method,
                (out, m) -> IncidentFeatureWriter.write(out, m, List.of(), shape)), shape.crs());
    }

    @GET
    @Path("export")
    @Produces({Link.GEOJSON, Link.JSON, ExportFormat.GEOJSON_SEQ_TYPE, "text/csv"})
    @Operation(summary = "Every incident matching the filters of items, streamed in one answer (no pages): GeoJSON, "
            + "GeoJSON text sequence or CSV in ACLED's columns. Exports run a few at a time; more get a 503.")
    public Response export(@BeanParam IncidentExportParams params, @Context UriInfo uri, @Context HttpHeaders headers) {
        params.refuseShape("applies to pages of items; exports are whole features in CRS84 (use max_features to "
                + "stop early)");
        params.refuseSortby("applies to pages of items; exports come in id order");
        ExportFormat format = ExportFormat.choose(params.f, headers.getAcceptableMediaTypes());
        Long max = params.maxFeatures();
        IncidentQuery query = IncidentQuery.parse(params, null, config.geometry().limits(),
                config.radius().maxMetres());
        return Response.ok(exports.stream(query, service.region(query), max, format))
                .header(HttpHeaders.CONTENT_TYPE, format.contentType())
                .header("Content-Disposition", "attachment; filename=\"incidents." + format.fileExtension() + "\"")
                .build();
    }

    @GET
    @Path("items/{featureId}")
    @Produces({Link.GEOJSON, Link.JSON})
    @Operation(summary = "One incident as a GeoJSON Feature")
    public Response item(@PathParam("featureId") String featureId, @QueryParam("crs") @Parameter(name = "crs",
            in = ParameterIn.QUERY, description = ItemsParams.CRS, schema = @Schema(type = SchemaType.STRING))
            String crsName, @Context UriInfo uri, @Context Request request) {
        FeatureShape shape = new FeatureShape(Crs.parse("crs", crsName), null, false);
        StoredIncident incident = service.read(featureId);
        return ItemsResponse.inCrs(IfMatch.read(request, incident.version(), () -> feature(incident, uri, shape)),
                shape.crs());
    }

    @POST
    @Path("items")
    @WriteAccess
    @Consumes({Link.GEOJSON, Link.JSON, ExportFormat.GEOJSON_SEQ_TYPE, "text/csv"})
    @Produces({Link.GEOJSON, Link.JSON})
    @Operation(summary = "Adds an incident (a Feature; 201 with Location), or imports many, all or none: a "
            + "FeatureCollection, a GeoJSON text sequence or an ACLED-style CSV, streamed into the database; "
            + "incidents whose external_id is stored already are updated")
    public Response create(InputStream sent, @Context UriInfo uri, @Context HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        InputStream body = BoundedBody.capped(sent, config.bulkImport().maxSize().asLongValue());
        long maxFeature = config.body().maxBytes();
        try (IncidentImport bulk = service.bulkImport(declaredLength(headers))) {
            if (type != null && type.isCompatible(MediaType.valueOf(ExportFormat.GEOJSON_SEQ_TYPE))) {
                bulk.addAll(out -> FeatureStream.readSequence(body, maxFeature, out));
                return imported(bulk.finish(), uri);
            }
            if (type != null && type.isCompatible(MediaType.valueOf("text/csv"))) {
                new AcledCsvImport(config.geometry().limits()).read(body, bulk);
                return imported(bulk.finish(), uri);
            }
            AtomicReference<JsonNode> root = new AtomicReference<>();
            bulk.addAll(out -> root.set(FeatureStream.readJson(body, maxFeature, out)));
            JsonNode lone = root.get();
            if (lone == null) {
                return imported(bulk.finish(), uri);
            }
            Incident created = service.create(List.of(new FeatureBody.Located(lone, ""))).get(0);
            StoredIncident incident = StoredIncident.of(created);
            return Response.created(PublicBase.of(uri).path("collections/incidents/items")
                    .path(String.valueOf(incident.id())).build()).entity(feature(incident, uri))
                    .tag(IfMatch.tag(incident.version())).build();
        }
    }

    private static long declaredLength(HttpHeaders headers) {
        String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return length != null && length.matches("[0-9]{1,18}") ? Long.parseLong(length) : -1;
    }

    /** The answer to an import: how many incidents it added and updated (201 when it added any). */
    private static Response imported(IncidentImport.Result result, UriInfo uri) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("created", result.created());
        summary.put("updated", result.updated());
        summary.put("links", List.of(new Link(PublicBase.of(uri).path("collections/incidents/items").build()
                .toString(), "items", Link.GEOJSON, "The incidents")));
        return Response.status(result.created() > 0 ? Response.Status.CREATED : Response.Status.OK)
                .type(Link.JSON).entity(summary).build();
    }

    @PUT
    @Path("items/{featureId}")
    @WriteAccess
    @Consumes({Link.GEOJSON, Link.JSON})
    @Produces({Link.GEOJSON, Link.JSON})
    @Operation(summary = "Replaces an incident with the Feature in the body; with If-Match, only if the incident is "
            + "still at that ETag (412 otherwise)")
    public Response replace(@PathParam("featureId") String featureId, InputStream body, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        FeatureBody.Located feature = FeatureBody.features(BoundedBody.read(body, config.body().maxBytes()), false).get(0);
        FeatureBody.requireSameId(feature, featureId);
        return written(service.replace(featureId, feature, ifMatch(headers)), uri);
    }

    @PATCH
    @Path("items/{featureId}")
    @WriteAccess
    @Consumes(MergePatch.MEDIA_TYPE)
    @Produces({Link.GEOJSON, Link.JSON})
    @Operation(summary = "Changes part of an incident with a JSON merge patch (RFC 7396), such as "
            + "{\"properties\": {\"fatalities\": 3}}; the result is checked as a whole feature. Honours If-Match.")
    public Response patch(@PathParam("featureId") String featureId, InputStream body, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        JsonNode patch = FeatureBody.parse(BoundedBody.read(body, config.body().maxBytes()));
        return written(service.patch(featureId, patch, ifMatch(headers)), uri);
    }

    @DELETE
    @Path("items/{featureId}")
    @WriteAccess
    @Operation(summary = "Removes an incident; with If-Match, only if it is still at that ETag (412 otherwise)")
    public Response delete(@PathParam("featureId") String featureId, @Context HttpHeaders headers) {
        service.delete(featureId, ifMatch(headers));
        return Response.noContent().build();
    }

    private IfMatch ifMatch(HttpHeaders headers) {
        return IfMatch.of(headers.getHeaderString(HttpHeaders.IF_MATCH), config.writes().requireIfMatch());
    }

    private static Response written(Incident incident, UriInfo uri) {
        StoredIncident stored = StoredIncident.of(incident);
        return Response.ok(feature(stored, uri)).tag(IfMatch.tag(stored.version())).build();
    }

    private static StreamingOutput feature(StoredIncident incident, UriInfo uri) {
        return feature(incident, uri, FeatureShape.WHOLE);
    }

    private static StreamingOutput feature(StoredIncident incident, UriInfo uri, FeatureShape shape) {
        return FeatureCollectionWriter.single(new IncidentMatch(incident, null), (out, m) -> IncidentFeatureWriter
                .write(out, m, ItemsResponse.featureLinks(uri, COLLECTION, incident.id()), shape));
    }
}
