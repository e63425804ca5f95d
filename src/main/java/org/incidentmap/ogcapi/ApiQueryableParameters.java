package org.incidentmap.ogcapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.incidentmap.cql2.Queryable;
import org.incidentmap.cql2.QueryableParameters;

/**
 * Declares in the OpenAPI document the queryables each collection takes as query parameters of their own
 * (OGC API - Features Part 3), on every operation under the collection that takes the items filters (those with
 * a {@code filter} parameter). Clients read them there: GDAL sends an equality on a declared parameter as that
 * parameter.
 */
final class ApiQueryableParameters {

    private ApiQueryableParameters() {
    }

    /** Adds the parameters to the {@code paths} of an OpenAPI document read as a tree. */
    static void addTo(ObjectNode root, CollectionRegistry registry) {
        JsonNode paths = root.path("paths");
        for (CollectionProvider<?> collection : registry.all()) {
            String prefix = "/collections/" + collection.info().id() + "/";
            paths.fields().forEachRemaining(path -> {
                if (path.getKey().startsWith(prefix)) {
                    path.getValue().fields().forEachRemaining(op -> addTo(op.getValue(), collection));
                }
            });
        }
    }

    private static void addTo(JsonNode operation, CollectionProvider<?> collection) {
        if (!(operation.get("parameters") instanceof ArrayNode parameters)) {
            return;
        }
        Set<String> declared = new HashSet<>();
        parameters.forEach(p -> declared.add(p.path("name").asText()));
        if (!declared.contains("filter")) {
            return;
        }
        for (Queryable q : QueryableParameters.of(collection.info().queryables(), declared)) {
            ObjectNode p = parameters.addObject();
            p.put("name", q.name());
            p.put("in", "query");
            p.put("description", q.description() + " Only features whose " + q.name()
                    + (q.type() == Queryable.Type.TEXT_ARRAY ? " holds this value." : " equals this value."));
            p.put("style", "form");
            p.put("explode", false);
            p.set("schema", schema(q, p));
        }
    }

    private static ObjectNode schema(Queryable q, ObjectNode parameter) {
        ObjectNode schema = parameter.objectNode();
        switch (q.type()) {
            case TIMESTAMP -> schema.put("type", "string").put("description", "A date (its UTC day) or an RFC 3339 "
                    + "date-time");
            case TEXT_ARRAY, TEXT -> schema.put("type", "string");
            case INTEGER -> schema.put("type", "integer");
            case NUMBER -> schema.put("type", "number");
            case BOOLEAN -> schema.put("type", "boolean");
            default -> throw new IllegalArgumentException("no parameter for a " + q.type());
        }
        if (q.values() != null) {
            ArrayNode values = schema.putArray("enum");
            q.values().forEach(values::add);
        }
        return schema;
    }
}
