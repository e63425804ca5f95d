package org.incidentmap.ogcapi;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.incidentmap.access.WriteAccess;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.cql2.Queryables;
import org.incidentmap.geo.Bbox;
import org.incidentmap.geo.Crs;

/**
 * What every feature collection answers over HTTP, the same way whatever sits behind it: its description, its
 * queryables, one feature (with ETag and If-None-Match), and PUT, PATCH and DELETE of one feature honouring
 * If-Match. A collection's resource extends it with its {@code @Path} and its items endpoint.
 *
 * @param <T> a stored feature as the collection's provider hands it out
 */
public abstract class CollectionResource<T> {

    @Inject
    SecurityIdentity identity;

    @Inject
    ResponseBudget budget;

    @Inject
    ChangeLogRetention retention;

    @Inject
    protected ServiceConfig config;

    @Inject
    CollectionCatalog catalog;

    @Inject
    ChangeLog changeLog;

    @Inject
    ChangeFeed feed;

    /** The collection this resource serves. */
    protected abstract CollectionProvider<T> collection();

    @GET
    @Produces(Link.JSON)
    @Operation(summary = "The collection: description, extent and links")
    public Map<String, Object> describe(@Context UriInfo uri) {
        return catalog.describe(collection(), uri);
    }

    @GET
    @Path("queryables")
    @Produces({Queryables.MEDIA_TYPE, Link.JSON})
    @Operation(summary = "The properties a filter, sortby or query parameter may name, with their types "
            + "(a JSON Schema)")
    public Map<String, Object> queryables(@Context UriInfo uri) {
        return collection().info().queryables().document(uri);
    }

    @GET
    @Path("items/{featureId}")
    @Produces({Link.GEOJSON, Link.JSON})
    @Operation(summary = "One feature, as a GeoJSON Feature (its ETag: If-None-Match gives a 304)")
    public Response item(@PathParam("featureId") String id, @QueryParam("crs") @Parameter(name = "crs",
            in = ParameterIn.QUERY, description = ItemsParams.CRS, schema = @Schema(type = SchemaType.STRING))
            String crsName, @Context UriInfo uri, @Context Request request) {
        FeatureShape shape = new FeatureShape(Crs.parse("crs", crsName), null, false);
        T feature = collection().read(id);
        return ItemsResponse.inCrs(IfMatch.read(request, collection().version(feature),
                () -> feature(feature, uri, shape)), shape.crs());
    }

    @PUT
    @Path("items/{featureId}")
    @WriteAccess
    @Consumes({Link.GEOJSON, Link.JSON})
    @Produces({Link.GEOJSON, Link.JSON})
    @Operation(summary = "Replaces a feature with the Feature in the body; with If-Match, only if it is still at "
            + "that ETag (412 otherwise)")
    public Response replace(@PathParam("featureId") String id, InputStream body, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        FeatureBody.Located feature = FeatureBody.features(BoundedBody.read(body, config.body().maxBytes()), false)
                .get(0);
        FeatureBody.requireSameId(feature, id);
        return written(collection().replace(id, feature, ifMatch(headers)), uri);
    }

    @PATCH
    @Path("items/{featureId}")
    @WriteAccess
    @Consumes(MergePatch.MEDIA_TYPE)
    @Produces({Link.GEOJSON, Link.JSON})
    @Operation(summary = "Changes part of a feature with a JSON merge patch (RFC 7396), such as "
            + "{\"properties\": {\"fatalities\": 3}}; the result is checked as a whole feature. Honours If-Match.")
    public Response patch(@PathParam("featureId") String id, InputStream body, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        JsonNode patch = FeatureBody.parse(BoundedBody.read(body, config.body().maxBytes()));
        return written(collection().patch(id, patch, ifMatch(headers)), uri);
    }

    @DELETE
    @Path("items/{featureId}")
    @WriteAccess
    @Operation(summary = "Removes a feature; with If-Match, only if it is still at that ETag (412 otherwise)")
    public Response delete(@PathParam("featureId") String id, @Context HttpHeaders headers) {
        collection().delete(id, ifMatch(headers));
        return Response.noContent().build();
    }

    @GET
    @Path("items/{featureId}/history")
    @Produces(Link.JSON)
    @Operation(summary = "Every change of a feature, oldest first: its creation, each update (which fields, the values "
            + "before and after), its deletion (kept as a tombstone), each with who made it and when")
    public Map<String, Object> history(@PathParam("featureId") String id, @QueryParam("limit") @Parameter(
            name = "limit", description = "Changes per page (1 to 1000, default 100)", schema = @Schema(
                    type = SchemaType.INTEGER)) String limit, @QueryParam("cursor") @Parameter(name = "cursor",
            description = "Where the page starts; set by the next link") String cursor, @Context UriInfo uri) {
        int pageSize = HistoryPage.limit(limit);
        long after = HistoryPage.after(cursor);
        List<ChangeLog.Change> changes = changeLog.history(collection().info(), id, after, pageSize);
        if (changes.isEmpty() && after == 0) {
            collection().read(id); // a 404 when there is no such feature, and none was ever deleted
        }
        return HistoryPage.of(changes, pageSize, uri, collection().info().id(), id);
    }

    @GET
    @Path("changes")
    @Produces(Link.JSON)
    @Operation(summary = "The collection's changes in the order they committed, for mirrors: each create, update and "
            + "delete (a tombstone) with the feature's state; resume from 'position' (since=) to miss none")
    public Map<String, Object> changes(@BeanParam ChangesParams params, @Context UriInfo uri) {
        ChangeFeed.Position from = params.from();
        retention.checkPosition(collection().info().id(), from == null ? ChangeFeed.Position.START : from,
                () -> feed.end(collection().info()));
        List<ChangeFeed.Entry> entries = feed.read(collection().info(), from == null ? ChangeFeed.Position.START
                : from, params.bbox(), params.equal(uri.getQueryParameters(), collection().info().queryables()),
                params.limit());
        return FeedAnswers.page(entries, from, params.limit(), uri);
    }

    @GET
    @Path("changes")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The same changes live, as server-sent events (event: create, update or delete; id: the "
            + "position, which a reconnecting client sends back as Last-Event-ID to miss none)")
    @Blocking // finding where the feed starts reads the database: never on an event loop
    public Multi<OutboundSseEvent> live(@BeanParam ChangesParams params, @Context UriInfo uri, @Context Sse sse,
            @Context RoutingContext exchange) {
        CollectionInfo info = collection().info();
        ChangeFeed.Position given = params.from();
        Bbox bbox = params.bbox();
        Map<String, String> equal = params.equal(uri.getQueryParameters(), info.queryables());
        if (given != null) {
            retention.checkPosition(info.id(), given, () -> feed.end(info));
        }
        if (exchange.request().method() == HttpMethod.HEAD) {
            return Multi.createFrom().empty(); // the headers GET would send, with no feed opened
        }
        ExchangePermit place = feed.takePlace(feedClient(exchange), config.feed(), exchange);
        try {
            return FeedAnswers.live(feed, info, given != null ? given : feed.end(info), bbox, equal, sse,
                    config.feed(), place);
        } catch (RuntimeException e) {
            place.close();
            throw e;
        }
    }

    /** Who holds a live feed, for its per-client cap: a token's subject, else the remote address. */
    private String feedClient(RoutingContext exchange) {
        return identity.isAnonymous() ? "address " + exchange.request().remoteAddress().hostAddress()
                : "subject " + identity.getPrincipal().getName();
    }

    /** A 201 answer to the creation of {@code feature}: the Feature, its URL in Location, its ETag. */
    protected Response created(T feature, UriInfo uri) {
        return Response.created(PublicBase.of(uri).path("collections").path(collection().info().id()).path("items")
                .path(String.valueOf(collection().id(feature))).build())
                .entity(feature(feature, uri, FeatureShape.WHOLE))
                .tag(IfMatch.tag(collection().version(feature))).build();
    }

    /**
     * Writes a page of features as a FeatureCollection; {@code method} as {@link ItemsResponse#page}. The room
     * {@code held} in the response budget is given back once the page is written.
     */
    protected <M> Response page(Page<M> page, UriInfo uri, String method, FeatureShape shape,
            FeatureWriter<M> features, ExchangePermit held) {
        Response answer = ItemsResponse.inCrs(ItemsResponse.page(page, uri, collection().info().id(), method,
                features), shape.crs());
        StreamingOutput body = (StreamingOutput) answer.getEntity();
        ResponseBudget.Paced paced = budget.paced();
        return Response.fromResponse(answer).entity((StreamingOutput) out -> {
            try (held) {
                body.write(paced.wrap(out));
            } catch (ClientWatch.ClientGone gone) {
                // Nobody to answer: the page stops, its room and thread are free again.
            }
        }).build();
    }

    /** Refuses, with a 410, tombstones asked for since a time from before what the change log still keeps. */
    protected void checkTombstones(ItemsParams params) {
        Instant since = params.tombstonesSince();
        if (since != null) {
            retention.checkTombstonesSince(collection().info().id(), since);
        }
    }

    /**
     * Reads a page of at most {@code limit} features with {@code read} once the response budget has room for it,
     * and writes it as {@link #page} does. A 503 when the budget has no room.
     */
    protected <M> Response budgetedPage(int limit, Supplier<Page<M>> read, UriInfo uri,
            String method, FeatureShape shape, FeatureWriter<M> features) {
        ExchangePermit held = budget.reservePage(limit);
        try {
            return page(read.get(), uri, method, shape, features, held);
        } catch (RuntimeException e) {
            held.close();
            throw e;
        }
    }

    /** Writes features of this collection, each without links, in {@code shape}. */
    protected FeatureWriter<T> inShape(FeatureShape shape) {
        return (out, f) -> collection().write(out, f, List.of(), shape);
    }

    private IfMatch ifMatch(HttpHeaders headers) {
        return IfMatch.of(headers.getHeaderString(HttpHeaders.IF_MATCH), config.writes().requireIfMatch());
    }

    private Response written(T feature, UriInfo uri) {
        return Response.ok(feature(feature, uri, FeatureShape.WHOLE)).tag(IfMatch.tag(collection().version(feature)))
                .build();
    }

    private StreamingOutput feature(T feature, UriInfo uri, FeatureShape shape) {
        CollectionProvider<T> c = collection();
        return FeatureCollectionWriter.single(feature, (out, f) -> c.write(out, f,
                ItemsResponse.featureLinks(uri, c.info().id(), c.id(f)), shape));
    }
}
