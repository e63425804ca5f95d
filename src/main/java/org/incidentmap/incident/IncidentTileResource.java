package org.incidentmap.incident;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.ogcapi.Link;
import org.incidentmap.ogcapi.PublicBase;
import org.incidentmap.problem.ProblemException;
import org.incidentmap.tile.TileAddress;
import org.incidentmap.tile.VectorTile;

/**
 * Incidents as vector tiles, in the shape of OGC API - Tiles: the tilesets, the WebMercatorQuad tileset's
 * description, TileJSON for map libraries, and the tiles. Every one takes the filters of items (see
 * {@link IncidentTileParams}); links and templates carry them on, so a map asks only for what it filters.
 */
@Path("/collections/incidents/tiles")
public class IncidentTileResource {

    static final String MATRIX_SET = "WebMercatorQuad";
    static final String MATRIX_SET_URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    static final String TEMPLATE = "/{tileMatrix}/{tileRow}/{tileCol}";
    /** Deepest zoom a map needs to ask for; it magnifies that level's tiles beyond it. */
    static final int MAX_USEFUL_ZOOM = 16;

    @Inject
    IncidentTiles tiles;

    @Inject
    IncidentService service;

    @Inject
    ServiceConfig config;

    @GET
    @Produces(Link.JSON)
    @Operation(summary = "The vector tilesets of the incidents (one: WebMercatorQuad)")
    public Map<String, Object> tilesets(@BeanParam IncidentTileParams params, @Context UriInfo uri) {
        query(params);
        Map<String, Object> tileset = description(uri);
        tileset.remove("layers");
        return Map.of("tilesets", List.of(tileset), "links", List.of(
                new Link(base(uri) + filters(uri), "self", Link.JSON, "These tilesets")));
    }

    @GET
    @Path(MATRIX_SET)
    @Produces(Link.JSON)
    @Operation(summary = "The incidents' WebMercatorQuad vector tileset: its layer and the template of its tiles")
    public Map<String, Object> tileset(@BeanParam IncidentTileParams params, @Context UriInfo uri) {
        query(params);
        return description(uri);
    }

    @GET
    @Path(MATRIX_SET + "/tilejson.json")
    @Produces(Link.JSON)
    @Operation(summary = "TileJSON 3.0 of the incidents' vector tiles, for MapLibre, Leaflet plug-ins and OpenLayers")
    public Map<String, Object> tileJson(@BeanParam IncidentTileParams params, @Context UriInfo uri) {
        query(params);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tilejson", "3.0.0");
        json.put("name", "Incidents");
        json.put("tiles", List.of(base(uri) + "/" + MATRIX_SET + "/{z}/{y}/{x}" + filters(uri)));
        json.put("minzoom", 0);
        json.put("maxzoom", MAX_USEFUL_ZOOM);
        json.put("vector_layers", List.of(layer()));
        return json;
    }

    @GET
    @Path(MATRIX_SET + "/{tileMatrix}/{tileRow}/{tileCol}")
    @Produces(VectorTile.MEDIA_TYPE)
    @Operation(summary = "One vector tile (MVT) of incidents; below incidentmap.tiles.cluster-below, clusters with "
            + "their count, summed fatalities and most frequent category. 204 when the tile is empty.")
    public Response tile(@PathParam("tileMatrix") String tileMatrix, @PathParam("tileRow") String tileRow,
            @PathParam("tileCol") String tileCol, @BeanParam IncidentTileParams params, @Context Request request) {
        TileAddress address = TileAddress.parse(tileMatrix, tileRow, tileCol);
        IncidentQuery q = query(params);
        return VectorTile.response(tiles.tile(address, q, service.region(q)), request);
    }

    private IncidentQuery query(IncidentTileParams params) {
        return IncidentQuery.parse(params.checked(), null, config.geometry().limits(), config.radius().maxMetres());
    }

    private Map<String, Object> description(UriInfo uri) {
        Map<String, Object> tileset = new LinkedHashMap<>();
        tileset.put("title", "Incidents, " + MATRIX_SET);
        tileset.put("dataType", "vector");
        tileset.put("crs", "http://www.opengis.net/def/crs/EPSG/0/3857");
        tileset.put("tileMatrixSetURI", MATRIX_SET_URI);
        String self = base(uri) + "/" + MATRIX_SET;
        tileset.put("links", List.of(
                new Link(self + filters(uri), "self", Link.JSON, "This tileset"),
                new Link(self + TEMPLATE + filters(uri), "item", VectorTile.MEDIA_TYPE, "A tile (templated)"),
                new Link(self + "/tilejson.json" + filters(uri), "alternate", Link.JSON, "TileJSON"),
                new Link(MATRIX_SET_URI, "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme", Link.JSON,
                        "The WebMercatorQuad tile matrix set")));
        tileset.put("layers", List.of(layer()));
        return tileset;
    }

    private Map<String, Object> layer() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", "Number: the incident's id (single incidents)");
        fields.put("title", "String");
        fields.put("category", "String: the category, or a cluster's most frequent one");
        fields.put("sub_category", "String");
        fields.put("fatalities", "Number: reported fatalities, summed over a cluster");
        fields.put("time_precision", "String");
        fields.put("occurred_at", "String: RFC 3339");
        fields.put("location_name", "String");
        fields.put("count", "Number: incidents the feature stands for (1 for a single incident)");
        fields.put("at_point", "Number: single incidents drawn at this same spot (several when they stack)");
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("id", IncidentTiles.LAYER);
        layer.put("description", "Incidents from zoom " + config.tiles().clusterBelow()
                + "; clusters of them below");
        layer.put("minzoom", 0);
        layer.put("maxzoom", MAX_USEFUL_ZOOM);
        layer.put("fields", fields);
        return layer;
    }

    private static String base(UriInfo uri) {
        return PublicBase.of(uri).path("collections/incidents/tiles").build().toString();
    }

    /** The request's query (its filters), to carry on into links and templates. */
    private static String filters(UriInfo uri) {
        String raw = uri.getRequestUri().getRawQuery();
        return raw == null ? "" : "?" + raw;
    }

    /** Other tile matrix sets are not offered. */
    @GET
    @Path("{tileMatrixSet}")
    @Produces(Link.JSON)
    @Operation(hidden = true)
    public Response otherSet(@PathParam("tileMatrixSet") String set) {
        throw ProblemException.notFound("The incidents are tiled in " + MATRIX_SET + " only, not '" + set + "'.");
    }
}
