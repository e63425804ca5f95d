package org.incidentmap.tile;

import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentmap.ogcapi.Link;
import org.incidentmap.ogcapi.PublicBase;

/**
 * The documents of a collection's vector tiles in the shape of OGC API - Tiles (the tilesets, the WebMercatorQuad
 * tileset) and as TileJSON 3.0 for map libraries. Links and templates carry the request's query (its filters)
 * on, so that a map asks only for what it filters.
 */
public final class Tilesets {

    public static final String MATRIX_SET = "WebMercatorQuad";
    public static final String MATRIX_SET_URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    public static final String TEMPLATE = "/{tileMatrix}/{tileRow}/{tileCol}";
    /** Deepest zoom a map needs to ask for; it magnifies that level's tiles beyond it. */
    public static final int MAX_USEFUL_ZOOM = 16;

    private final String base;
    private final String query;
    private final String title;
    private final Map<String, Object> layer;

    /** The tiles of {@code collection}, one {@code layer} (id, description, fields) titled {@code title}. */
    public Tilesets(UriInfo uri, String collection, String title, Map<String, Object> layer) {
        this.base = PublicBase.of(uri).path("collections/" + collection + "/tiles").build().toString();
        String raw = uri.getRequestUri().getRawQuery();
        this.query = raw == null ? "" : "?" + raw;
        this.title = title;
        this.layer = layer;
    }

    /** A layer's description for TileJSON's vector_layers and the tileset's layers. */
    public static Map<String, Object> layer(String id, String description, Map<String, String> fields) {
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("id", id);
        layer.put("description", description);
        layer.put("minzoom", 0);
        layer.put("maxzoom", MAX_USEFUL_ZOOM);
        layer.put("fields", fields);
        return layer;
    }

    public Map<String, Object> tilesets() {
        Map<String, Object> tileset = tileset();
        tileset.remove("layers");
        return Map.of("tilesets", List.of(tileset), "links", List.of(
                new Link(base + query, "self", Link.JSON, "These tilesets")));
    }

    public Map<String, Object> tileset() {
        Map<String, Object> tileset = new LinkedHashMap<>();
        tileset.put("title", title + ", " + MATRIX_SET);
        tileset.put("dataType", "vector");
        tileset.put("crs", "http://www.opengis.net/def/crs/EPSG/0/3857");
        tileset.put("tileMatrixSetURI", MATRIX_SET_URI);
        String self = base + "/" + MATRIX_SET;
        tileset.put("links", List.of(
                new Link(self + query, "self", Link.JSON, "This tileset"),
                new Link(self + TEMPLATE + query, "item", VectorTile.MEDIA_TYPE, "A tile (templated)"),
                new Link(self + "/tilejson.json" + query, "alternate", Link.JSON, "TileJSON"),
                new Link(MATRIX_SET_URI, "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme", Link.JSON,
                        "The WebMercatorQuad tile matrix set")));
        tileset.put("layers", List.of(layer));
        return tileset;
    }

    public Map<String, Object> tileJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tilejson", "3.0.0");
        json.put("name", title);
        json.put("tiles", List.of(base + "/" + MATRIX_SET + "/{z}/{y}/{x}" + query));
        json.put("minzoom", 0);
        json.put("maxzoom", MAX_USEFUL_ZOOM);
        json.put("vector_layers", List.of(layer));
        return json;
    }
}
