package org.incidentmap.region;

import jakarta.inject.Inject;
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
import org.incidentmap.ogcapi.Link;
import org.incidentmap.problem.ProblemException;
import org.incidentmap.tile.TileAddress;
import org.incidentmap.tile.Tilesets;
import org.incidentmap.tile.VectorTile;

/** The regions as vector tiles (OGC API - Tiles shape, and TileJSON): outlines for a map's region layer. */
@Path("/collections/regions/tiles")
@Tag(name = "Regions")
public class RegionTileResource {

    @Inject
    RegionTiles tiles;

    @GET
    @Produces(Link.JSON)
    @Operation(summary = "The vector tilesets of the regions (one: WebMercatorQuad)")
    public Map<String, Object> tilesets(@Context UriInfo uri) {
        return documents(uri).tilesets();
    }

    @GET
    @Path(Tilesets.MATRIX_SET)
    @Produces(Link.JSON)
    @Operation(summary = "The regions' WebMercatorQuad vector tileset: its layer and the template of its tiles")
    public Map<String, Object> tileset(@Context UriInfo uri) {
        return documents(uri).tileset();
    }

    @GET
    @Path(Tilesets.MATRIX_SET + "/tilejson.json")
    @Produces(Link.JSON)
    @Operation(summary = "TileJSON 3.0 of the regions' vector tiles")
    public Map<String, Object> tileJson(@Context UriInfo uri) {
        return documents(uri).tileJson();
    }

    @GET
    @Path(Tilesets.MATRIX_SET + "/{tileMatrix}/{tileRow}/{tileCol}")
    @Produces(VectorTile.MEDIA_TYPE)
    @Operation(summary = "One vector tile (MVT) of regions, layer 'regions'. 204 when no region reaches it.")
    public Response tile(@PathParam("tileMatrix") String tileMatrix, @PathParam("tileRow") String tileRow,
            @PathParam("tileCol") String tileCol, @Context Request request) {
        return VectorTile.response(tiles.tile(TileAddress.parse(tileMatrix, tileRow, tileCol)), request);
    }

    /** Other tile matrix sets are not offered. */
    @GET
    @Path("{tileMatrixSet}")
    @Produces(Link.JSON)
    @Operation(hidden = true)
    public Response otherSet(@PathParam("tileMatrixSet") String set) {
        throw ProblemException.notFound("The regions are tiled in " + Tilesets.MATRIX_SET + " only, not '" + set + "'.");
    }

    private static Tilesets documents(UriInfo uri) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", "String: the region's id (region= of incident queries)");
        fields.put("name", "String");
        fields.put("kind", "String: governorate, city, neighbourhood, town...");
        fields.put("approximate", "Boolean: whether the outline is approximate");
        return new Tilesets(uri, "regions", "Regions", Tilesets.layer(RegionTiles.LAYER, "Region outlines", fields));
    }
}
