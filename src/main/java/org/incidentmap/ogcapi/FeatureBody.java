package org.incidentmap.ogcapi;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.ArrayList;
import java.util.List;
import org.incidentmap.geo.StrictJson;
import org.incidentmap.problem.ProblemException;

/** Splits a request body into the GeoJSON Features it carries, each with the JSON pointer where it sits. */
public final class FeatureBody {

    private static final ObjectMapper JSON = StrictJson.MAPPER;

    /** A Feature object of the body and its pointer ("" for a lone Feature, "/features/2" in a collection). */
    public record Located(JsonNode feature, String pointer) {
    }

    private FeatureBody() {
    }

    /** Reads a body holding one Feature, or a FeatureCollection when {@code collectionAllowed}. */
    public static List<Located> features(String body, boolean collectionAllowed) {
        JsonNode root = parse(body);
        String type = root.path("type").asText("");
        if (type.equals("Feature")) {
            return List.of(new Located(root, ""));
        }
        if (type.equals("FeatureCollection") && collectionAllowed) {
            JsonNode features = root.get("features");
            if (features == null || !features.isArray() || features.isEmpty()) {
                throw ProblemException.badBody("/features", "a FeatureCollection needs a non-empty 'features' array");
            }
            List<Located> out = new ArrayList<>();
            for (int i = 0; i < features.size(); i++) {
                out.add(new Located(features.get(i), "/features/" + i));
            }
            return out;
        }
        String expected = collectionAllowed ? "a GeoJSON Feature or FeatureCollection" : "a GeoJSON Feature";
        throw ProblemException.badBody("/type", "expected " + expected + ", got type '" + type + "'");
    }

    /**
     * Refuses a PUT whose body names another feature than its URL: ids are not changed by replacing a feature,
     * and silently keeping the URL's would store what the client did not mean.
     */
    public static void requireSameId(Located feature, String urlId) {
        JsonNode id = feature.feature().get("id");
        if (id != null && !id.isNull() && !id.asText().equals(urlId)) {
            throw ProblemException.badBody("/id", "is '" + id.asText() + "' but the URL names '" + urlId + "'; a PUT cannot change "
                    + "a feature's id (leave it out, or send the same)");
        }
    }

    /** Parses JSON text, answering malformed text with a 400 that names the line and column. */
    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badBody("", "the request body is empty; send a GeoJSON object");
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root.getNodeType() != JsonNodeType.OBJECT) {
                throw ProblemException.badBody("", "expected a JSON object");
            }
            return root;
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw ProblemException.badBody("", "malformed JSON" + where + ": " + StrictJson.describe(e));
        }
    }
}
