package org.incidentmap.html;

import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.incidentmap.ogcapi.CollectionRegistry;
import org.incidentmap.ogcapi.PublicBase;
import org.incidentmap.ogcapi.QueryString;

/**
 * Renders the HTML page of a JSON document with its Qute template (src/main/resources/templates), handing the
 * template the document and what it shows of it: links that lead to the HTML pages of their targets, table rows
 * of features, the fields of one feature.
 */
@ApplicationScoped
public class HtmlPages {

    /** A link as a page shows it: its href leads to the HTML page of the target when there is one. */
    public record LinkView(String title, String rel, String href, String type) {
    }

    /** A feature as a table row. */
    public record Row(String id, String href, List<String> cells) {
    }

    /** One property of a feature: as text, or as links (sources). */
    public record Field(String name, String text, List<LinkView> links) {
    }

    @Inject
    Engine engine;

    @Inject
    CollectionRegistry registry;

    String render(PageKind kind, Map<String, Object> doc, UriInfo uri) {
        String base = PublicBase.of(uri).build().toString();
        String here = base + uri.getPath().replaceFirst("^/", "");
        Map<String, Object> data = new HashMap<>();
        data.put("base", base);
        data.put("doc", doc);
        data.put("json", here + QueryString.with(uri.getQueryParameters(), "f",
                kind.jsonType().endsWith("geo+json") ? "geojson" : "json"));
        data.put("jsonType", kind.jsonType());
        data.put("links", links(doc.get("links"), base));
        switch (kind) {
            case COLLECTIONS -> data.put("collections", list(doc.get("collections")).stream().map(c -> Map.of(
                    "c", c, "href", base + "collections/" + map(c).get("id") + "?f=html")).toList());
            case COLLECTION -> data.put("extent", extent(map(doc.get("extent"))));
            case ITEMS -> items(data, doc, uri, base);
            case ITEM -> item(data, doc);
            default -> { }
        }
        return engine.getTemplate(kind.template()).data(data).render();
    }

    private void items(Map<String, Object> data, Map<String, Object> doc, UriInfo uri, String base) {
        String collection = collectionOf(uri.getPath());
        List<Map<String, Object>> features = list(doc.get("features"));
        // The collection's own choice of columns; without one, every plain property of the first feature.
        List<String> columns = new ArrayList<>(registry.find(collection).map(c -> c.info().tableColumns())
                .orElse(List.of()));
        if (columns.isEmpty() && !features.isEmpty()) {
            map(features.get(0).get("properties")).forEach((k, v) -> {
                if (!(v instanceof Map) && !(v instanceof List)) {
                    columns.add(k);
                }
            });
        }
        columns.removeIf(c -> features.stream().noneMatch(f -> map(f.get("properties")).containsKey(c)));
        if (columns.isEmpty() && features.stream().anyMatch(f -> map(f.get("properties")).containsKey("deleted"))) {
            columns.add("deleted");
        }
        String items = base + "collections/" + collection + "/items/";
        data.put("collection", collection);
        data.put("summary", doc.get("numberReturned") + " shown" + (doc.get("numberMatched") == null ? ""
                : " of " + doc.get("numberMatched")));
        data.put("columns", columns);
        data.put("rows", features.stream().map(f -> row(f, items, columns)).toList());
    }

    /** A feature's row; a tombstone (tombstones=true) says when and by whom it was deleted and links its history. */
    private static Row row(Map<String, Object> feature, String items, List<String> columns) {
        Map<String, Object> properties = map(feature.get("properties"));
        String id = String.valueOf(feature.get("id"));
        if (Boolean.TRUE.equals(properties.get("deleted"))) {
            List<String> cells = new ArrayList<>(Collections.nCopies(columns.size(), ""));
            if (!cells.isEmpty()) {
                Object by = properties.get("deleted_by"); // absent when the reader may not see authors
                cells.set(0, "deleted " + text(properties.get("deleted_at")) + (by == null ? "" : " by " + text(by)));
            }
            return new Row(id, items + id + "/history", cells);
        }
        return new Row(id, items + id + "?f=html", columns.stream().map(c -> text(properties.get(c))).toList());
    }

    /** The collection id in /collections/{id}/items. */
    private static String collectionOf(String path) {
        String[] parts = path.replaceFirst("^/", "").split("/");
        return parts.length > 1 ? parts[1] : "";
    }

    private static void item(Map<String, Object> data, Map<String, Object> feature) {
        Map<String, Object> properties = map(feature.get("properties"));
        Object title = properties.getOrDefault("title", properties.getOrDefault("name", feature.get("id")));
        data.put("title", String.valueOf(title));
        List<Field> fields = new ArrayList<>();
        properties.forEach((name, value) -> {
            if (value instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map) {
                fields.add(new Field(name, null, list(value).stream().map(s -> new LinkView(text(s.get("name")),
                        "", safeUrl(s.get("url")), null)).toList()));
            } else {
                fields.add(new Field(name, text(value), null));
            }
        });
        data.put("fields", fields);
        data.put("geometryType", map(feature.get("geometry")).get("type"));
    }

    private static Map<String, String> extent(Map<String, Object> extent) {
        Map<String, String> view = new LinkedHashMap<>();
        Map<String, Object> spatial = map(extent.get("spatial"));
        if (spatial.get("bbox") instanceof List<?> boxes && !boxes.isEmpty()) {
            view.put("Area (west, south, east, north)", text(boxes.get(0)));
        }
        Map<String, Object> temporal = map(extent.get("temporal"));
        if (temporal.get("interval") instanceof List<?> intervals && !intervals.isEmpty()) {
            view.put("Time", text(intervals.get(0)).replace("; ", " to "));
        }
        return view;
    }

    private static List<LinkView> links(Object links, String base) {
        return list(links).stream().map(l -> {
            String href = String.valueOf(l.get("href"));
            String type = (String) l.get("type");
            return new LinkView((String) l.getOrDefault("title", href), (String) l.get("rel"), htmlHref(href, type,
                    base), type);
        }).toList();
    }

    /** The HTML page of a JSON link's target when the target has one (one of ours, of a {@link PageKind}). */
    static String htmlHref(String href, String type, String base) {
        boolean json = type != null && (type.startsWith("application/json") || type.startsWith("application/geo+json"));
        if (!json || !href.startsWith(base)) {
            return href;
        }
        String path = "/" + href.substring(base.length()).replaceFirst("[?#].*$", "");
        return PageKind.of(path).isPresent() ? UriBuilder.fromUri(href).replaceQueryParam("f", "html").build()
                .toString() : href;
    }

    private static String safeUrl(Object url) {
        String s = url == null ? null : url.toString();
        return s != null && s.matches("(?i)^https?://.*") ? s : null;
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> l) {
            return l.stream().map(HtmlPages::text).collect(Collectors.joining("; "));
        }
        return value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map ? (Map<String, Object>) o : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return o instanceof List ? (List<Map<String, Object>>) o : List.of();
    }
}
