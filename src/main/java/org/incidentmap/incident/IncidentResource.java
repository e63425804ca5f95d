package org.incidentmap.incident;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.incidentmap.access.WriteAccess;
import org.incidentmap.geo.InvalidGeometryException;
import org.incidentmap.geo.QueryGeometry;
import org.incidentmap.ogcapi.BoundedBody;
import org.incidentmap.ogcapi.CollectionProvider;
import org.incidentmap.ogcapi.CollectionResource;
import org.incidentmap.ogcapi.FeatureBody;
import org.incidentmap.ogcapi.FeatureShape;
import org.incidentmap.ogcapi.FeatureStream;
import org.incidentmap.ogcapi.Link;
import org.incidentmap.ogcapi.PublicBase;
import org.incidentmap.problem.ProblemException;
import org.locationtech.jts.geom.Geometry;

/**
 * The incidents collection over HTTP: its items, a POST search, the export and imports; the rest is every
 * collection's.
 */
@Path("/collections/incidents")
@Tag(name = "Incidents", description = "Incidents as GeoJSON features: items, filters, counts, export, tiles and "
        + "writes")
public class IncidentResource extends CollectionResource<StoredIncident> {

    @Inject
    IncidentCollection incidents;

    @Inject
    IncidentService service;

    @Inject
    IncidentExport exports;

    @Override
    protected CollectionProvider<StoredIncident> collection() {
        return incidents;
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
        IncidentQuery query = IncidentQuery.parse(params, uri.getQueryParameters(), posted, config.geometry().limits(),
                config.radius().maxMetres());
        FeatureShape shape = params.shape(IncidentFeatureWriter.OUTPUT_PROPERTIES);
        checkTombstones(params);
        return budgetedPage(query.limit(), () -> service.find(query), uri, method, shape,
                (out, m) -> IncidentFeatureWriter.write(out, m, List.of(), shape));
    }

    @GET
    @Path("export")
    @Produces({Link.GEOJSON, Link.JSON, ExportFormat.GEOJSON_SEQ_TYPE, "text/csv"})
    @Operation(summary = "Every incident matching the filters of items, streamed in one answer (no pages): GeoJSON, "
            + "GeoJSON text sequence or CSV in ACLED's columns. Exports run a few at a time; more get a 503.")
    public Response export(@BeanParam IncidentExportParams params, @Context UriInfo uri, @Context HttpHeaders headers,
            @Context RoutingContext exchange) {
        params.refuseShape("applies to pages of items; exports are whole features in CRS84 (use max_features to "
                + "stop early)");
        params.refuseSortby("applies to pages of items; exports come in id order");
        ExportFormat format = ExportFormat.choose(params.f, headers.getAcceptableMediaTypes());
        Long max = params.maxFeatures();
        IncidentQuery query = IncidentQuery.parse(params, uri.getQueryParameters(), null, config.geometry().limits(),
                config.radius().maxMetres());
        Geometry region = service.region(query);
        Object body;
        if (exchange.request().method() == HttpMethod.HEAD) {
            // What GET would answer, without running the export (RESTEasy would not write its body anyway).
            exports.checkFreeSlot();
            body = null;
        } else {
            body = exports.stream(query, region, max, format, exchange);
        }
        return Response.ok(body).header(HttpHeaders.CONTENT_TYPE, format.contentType())
                .header("Content-Disposition", "attachment; filename=\"incidents." + format.fileExtension() + "\"")
                .build();
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
        InputStream capped = BoundedBody.capped(sent, config.bulkImport().maxSize().asLongValue());
        long maxFeature = config.body().maxBytes();
        try (ReceivedBody received = service.receive(capped, declaredLength(headers));
                IncidentImport bulk = service.bulkImport(received.receivedBytes())) {
            InputStream body = received.stream();
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
            return created(StoredIncident.of(created), uri);
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
}
