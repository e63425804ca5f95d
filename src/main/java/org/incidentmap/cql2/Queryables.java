package org.incidentmap.cql2;

import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.incidentmap.ogcapi.LandingResource;

/**
 * The queryables of one collection (OGC API - Features Part 3), in the order they are listed, and the type of
 * its feature ids (INTEGER or TEXT: the last key of every sort order). {@code period}, when the collection has
 * one, is the SQL of its features' primary interval as a closed tstzrange: the expression a range index serves.
 */
public record Queryables(String collection, List<Queryable> all, Queryable.Type idType, String period) {

    public Queryables(String collection, List<Queryable> all, Queryable.Type idType) {
        this(collection, all, idType, null);
    }

    /** Whether {@code name} is the queryable that has {@code role} (primary-interval-start...). */
    boolean hasRole(String name, String role) {
        return find(name).map(q -> role.equals(q.role())).orElse(false);
    }

    public Optional<Queryable> find(String name) {
        return all.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return all.stream().map(Queryable::name).toList();
    }

    public static final String MEDIA_TYPE = "application/schema+json";

    /** The queryables document (a JSON Schema) of the collection, as served at its /queryables. */
    public Map<String, Object> document(UriInfo uri) {
        return schema(LandingResource.href(uri, "collections/" + collection + "/queryables"),
                "Queryables of " + collection);
    }

    /** The JSON Schema of the queryables document, {@code id} its own URL. */
    Map<String, Object> schema(String id, String title) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Queryable q : all) {
            properties.put(q.name(), property(q));
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", id);
        schema.put("type", "object");
        schema.put("title", title);
        schema.put("properties", properties);
        schema.put("additionalProperties", false);
        // The draft's list of queryables by id, which GDAL 3.6 reads (through a link of rel "queryables") to learn
        // which properties it may put in a filter; JSON Schema readers ignore it.
        schema.put("queryables", all.stream().filter(q -> q.type() != Queryable.Type.GEOMETRY)
                .map(q -> Map.of("id", q.name())).toList());
        return schema;
    }

    private static Map<String, Object> property(Queryable q) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", q.name());
        p.put("description", q.description());
        switch (q.type()) {
            case GEOMETRY -> p.put("format", "geometry-any");
            case TIMESTAMP -> {
                p.put("type", "string");
                p.put("format", "date-time");
            }
            case TEXT_ARRAY -> {
                p.put("type", "array");
                p.put("items", Map.of("type", "string"));
            }
            default -> p.put("type", q.type().jsonType);
        }
        if (q.values() != null) {
            p.put("enum", q.values());
        }
        if (q.role() != null) {
            p.put("x-ogc-role", q.role());
        }
        return p;
    }
}
