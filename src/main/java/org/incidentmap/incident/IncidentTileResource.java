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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.ogcapi.Link;
import org.incidentmap.problem.ProblemException;
import org.incidentmap.tile.TileAddress;
import org.incidentmap.tile.Tilesets;
import org.incidentmap.tile.VectorTile;

/**
 * Incidents as vector tiles, in the shape of OGC API - Tiles: the tilesets, the WebMercatorQuad tileset's
 * description, TileJSON for map libraries, and the tiles. Every one takes the filters of items (see
 * {@link IncidentTileParams}); links and templates carry them on, so a map asks only for what it filters.
 */
@Path("/collections/incidents/tiles")
@Tag(name = "Incidents")
public class IncidentTileResource {

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
        query(params, uri);
        return documents(uri).tilesets();
    }

    @GET
    @Path(Tilesets.MATRIX_SET)
    @Produces(Link.JSON)
    @Operation(summary = "The incidents' WebMercatorQuad vector tileset: its layer and the template of its tiles")
    public Map<String, Object> tileset(@BeanParam IncidentTileParams params, @Context UriInfo uri) {
        query(params, uri);
        return documents(uri).tileset();
    }

    @GET
    @Path(Tilesets.MATRIX_SET + "/tilejson.json")
    @Produces(Link.JSON)
    @Operation(summary = "TileJSON 3.0 of the incidents' vector tiles, for MapLibre, Leaflet plug-ins and OpenLayers")
    public Map<String, Object> tileJson(@BeanParam IncidentTileParams params, @Context UriInfo uri) {
        query(params, uri);
        return documents(uri).tileJson();
    }

    @GET
    @Path(Tilesets.MATRIX_SET + "/{tileMatrix}/{tileRow}/{tileCol}")
    @Produces(VectorTile.MEDIA_TYPE)
    @Operation(summary = "One vector tile (MVT) of incidents; below incidentmap.tiles.cluster-below, clusters with "
            + "their count, summed fatalities and most frequent category. 204 when the tile is empty.")
    public Response tile(@PathParam("tileMatrix") String tileMatrix, @PathParam("tileRow") String tileRow,
            @PathParam("tileCol") String tileCol, @BeanParam IncidentTileParams params, @Context Request request,
            @Context UriInfo uri) {
        TileAddress address = TileAddress.parse(tileMatrix, tileRow, tileCol);
        IncidentQuery q = query(params, uri);
        return VectorTile.response(tiles.tile(address, q, service.region(q)), request);
    }

    private IncidentQuery query(IncidentTileParams params, UriInfo uri) {
        return IncidentQuery.parse(params.checked(), uri.getQueryParameters(), null, config.geometry().limits(),
                config.radius().maxMetres());
    }

    private Tilesets documents(UriInfo uri) {
        return new Tilesets(uri, "incidents", "Incidents", layer());
    }

    private Map<String, Object> layer() {
        Map<String, String> fields = new LinkedHashMap<>();
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
        return Tilesets.layer(IncidentTiles.LAYER, "Incidents from zoom " + config.tiles().clusterBelow()
                + "; clusters of them below", fields);
    }

    /** Other tile matrix sets are not offered. */
    @GET
    @Path("{tileMatrixSet}")
    @Produces(Link.JSON)
    @Operation(hidden = true)
    public Response otherSet(@PathParam("tileMatrixSet") String set) {
        throw ProblemException.notFound("The incidents are tiled in " + Tilesets.MATRIX_SET + " only, not '" + set + "'.");
    }
}
