package org.incidentmap.ogcapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.incidentmap.problem.Problem;

/**
 * Completes the OpenAPI document SmallRye builds from the annotations with what every operation shares, so that
 * it says what the wire does: an operationId, the statuses each kind of operation answers (201 with Location,
 * 204, 304, the 4xx and 503 problems), GeoJSON schemas for feature bodies and answers, and a bearer scheme on
 * writes (reads are public). Registered as {@code mp.openapi.filter}.
 */
public class ApiContract implements OASFilter {

    static final String BEARER = "bearerToken";
    /** Tags whose resources do not describe them; each collection's resource describes its own in its @Tag. */
    private static final Map<String, String> TAGS = Map.of(
            "Capabilities", "The landing page, conformance, the API definition and the collections",
            "Map", "The map page (HTML)");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents()
                .addSchema("Problem", problem())
                .addSchema("Feature", feature())
                .addSchema("FeatureCollection", featureCollection())
                .addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer").bearerFormat("JWT").description("Authorization: Bearer TOKEN, a JWT "
                                + "signed with the service's key (src/ops/tokens.sh mint) whose groups hold the role "
                                + "(editor: incidents; admin: also regions and API keys), or an API key (imk_...) "
                                + "from /admin/api-keys. Reads need none unless incidentmap.reads.public is false."));
        Map<String, String> tags = new TreeMap<>(TAGS);
        if (api.getTags() != null) {
            api.getTags().stream().filter(t -> t.getDescription() != null)
                    .forEach(t -> tags.put(t.getName(), t.getDescription()));
        }
        api.setTags(new ArrayList<>(tags.entrySet().stream()
                .map(t -> OASFactory.createTag().name(t.getKey()).description(t.getValue())).toList()));
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> complete(path, method, operation)));
    }

    private static void complete(String path, HttpMethod method, Operation operation) {
        if (operation.getOperationId() == null) {
            operation.setOperationId(operationId(path, method));
        }
        boolean write = method != HttpMethod.GET && method != HttpMethod.HEAD && !path.endsWith("/search")
                || path.startsWith("/admin");
        operation.setSecurity(write ? List.of(OASFactory.createSecurityRequirement().addScheme(BEARER)) : List.of());
        boolean feature = path.endsWith("/items/{featureId}");
        boolean items = path.endsWith("/items") || path.endsWith("/search");
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        APIResponse ok = responses.getAPIResponse("200");
        if (method == HttpMethod.POST && items && !path.endsWith("/search")) {
            responses.removeAPIResponse("200");
            responses.addAPIResponse("201", OASFactory.createAPIResponse()
                    .description("Stored: one Feature (its URL in Location), or for a FeatureCollection a summary")
                    .content(geoJson(ref("Feature")))
                    .addHeader("Location", OASFactory.createHeader().description("The new feature's URL")
                            .schema(OASFactory.createSchema().addType(SchemaType.STRING).format("uri"))));
        } else if (method == HttpMethod.POST && path.startsWith("/admin")) {
            responses.removeAPIResponse("200");
            responses.addAPIResponse("201", OASFactory.createAPIResponse()
                    .description("Made: the key's description and, this once, the key itself")
                    .addHeader("Location", OASFactory.createHeader().description("The key's URL")
                            .schema(OASFactory.createSchema().addType(SchemaType.STRING).format("uri"))));
        } else if (method == HttpMethod.DELETE) {
            responses.removeAPIResponse("200");
            responses.addAPIResponse("204", OASFactory.createAPIResponse().description("Deleted"));
        } else if (ok != null && (feature || items)) {
            ok.content(geoJson(ref(feature ? "Feature" : "FeatureCollection")));
        }
        if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
            operation.setRequestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                    .addMediaType(method == HttpMethod.PATCH ? "application/merge-patch+json"
                            : path.startsWith("/admin") ? Link.JSON : Link.GEOJSON,
                            OASFactory.createMediaType().schema(body(path, method)))));
            problem(responses, "413", "The body is larger than the service accepts");
            problem(responses, "415", "The body's Content-Type is not accepted here");
        }
        // Every operation refuses query parameters it does not take, so every one may answer 400.
        problem(responses, "400", "A parameter (or the body) is unknown or invalid; the problem says which and why");
        if (path.contains("{")) {
            problem(responses, "404", "There is nothing at this path");
        }
        if (write) {
            problem(responses, "401", "No token was given, or it was refused (expired, not signed with the service's "
                    + "key, a revoked API key)");
            problem(responses, "403", "The token's user has too low a role for this change");
        }
        if (path.endsWith("{tileCol}")) {
            responses.addAPIResponse("204", OASFactory.createAPIResponse().description("The tile is empty"));
            responses.addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not modified: the If-None-Match ETag is the current one"));
        }
        if (path.equals("/map")) {
            responses.removeAPIResponse("200");
            responses.addAPIResponse("301", OASFactory.createAPIResponse().description("The page is at /map/")
                    .addHeader("Location", OASFactory.createHeader().schema(string())));
        }
        if (feature && method == HttpMethod.GET) {
            responses.addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not modified: the If-None-Match ETag is the current one"));
        }
        if (feature && write) {
            problem(responses, "412", "If-Match names another version than the stored one; nothing changed");
            problem(responses, "428", "If-Match is required (incidentmap.writes.require-if-match) and was not given");
        }
        if ((path.endsWith("/changes") || path.endsWith("/items")) && method == HttpMethod.GET) {
            problem(responses, "410", "The position (since) or the tombstones' updated_after lies before what the "
                    + "change log still keeps (incidentmap.history.retention): resync");
        }
        if (path.endsWith("/changes") && method == HttpMethod.GET) {
            problem(responses, "429", "This client holds as many live feeds as one client may "
                    + "(incidentmap.feed.max-per-client); retry after Retry-After seconds");
        }
        if (path.startsWith("/collections")) {
            problem(responses, "503", "The database is busy or unavailable; retry after Retry-After seconds");
        }
    }

    private static Schema body(String path, HttpMethod method) {
        if (path.startsWith("/admin")) {
            return OASFactory.createSchema().addType(SchemaType.OBJECT).required(List.of("name", "role"))
                    .addProperty("name", string().description("What the key is for"))
                    .addProperty("role", string().enumeration(List.of("reader", "editor", "admin")))
                    .addProperty("owner", string().description("The user it acts as; the caller when absent"));
        }
        if (method == HttpMethod.PATCH) {
            return OASFactory.createSchema().addType(SchemaType.OBJECT)
                    .description("An RFC 7396 merge patch of the Feature (null removes a property)");
        }
        if (path.endsWith("/search")) {
            return OASFactory.createSchema().addType(SchemaType.OBJECT)
                    .description("A GeoJSON geometry object: the area to search");
        }
        return method == HttpMethod.POST
                ? OASFactory.createSchema().oneOf(List.of(ref("Feature"), ref("FeatureCollection")))
                : ref("Feature");
    }

    /** getIncidentsItems, putRegionsItemsFeature...: the method and the path's literal segments. */
    static String operationId(String path, HttpMethod method) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        for (String segment : path.split("/")) {
            String word = segment.startsWith("{") ? segment.substring(1, segment.length() - 1)
                    .replaceFirst("Id$", "") : segment;
            for (String part : word.split("[^A-Za-z0-9]+")) {
                if (!part.isEmpty() && !(part.equals("collections") && !path.equals("/collections"))) {
                    id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
                }
            }
        }
        return path.equals("/") ? id.append("Landing").toString() : id.toString();
    }

    private static void problem(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                    .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                            OASFactory.createMediaType().schema(ref("Problem")))));
        }
    }

    private static Content geoJson(Schema schema) {
        return OASFactory.createContent().addMediaType(Link.GEOJSON, OASFactory.createMediaType().schema(schema));
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }

    private static Schema problem() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT).description("An RFC 9457 problem")
                .addProperty("type", string()).addProperty("title", string())
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER))
                .addProperty("detail", string()).addProperty("instance", string())
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY).items(
                        OASFactory.createSchema().addType(SchemaType.OBJECT).description("Where and what: pointer "
                                + "(a JSON pointer into the body) or parameter, and detail")));
    }

    private static Schema feature() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT).description("A GeoJSON Feature (RFC 7946)")
                .required(List.of("type", "geometry", "properties"))
                .addProperty("type", string().enumeration(List.of("Feature")))
                .addProperty("id", OASFactory.createSchema().oneOf(List.of(string(),
                        OASFactory.createSchema().addType(SchemaType.INTEGER))))
                .addProperty("geometry", OASFactory.createSchema().addType(SchemaType.OBJECT)
                        .description("A GeoJSON geometry object, longitude first, WGS 84"))
                .addProperty("properties", OASFactory.createSchema().addType(SchemaType.OBJECT)
                        .description("The collection's properties (see its queryables)"));
    }

    private static Schema featureCollection() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("A GeoJSON FeatureCollection (RFC 7946), with OGC API paging members")
                .required(List.of("type", "features"))
                .addProperty("type", string().enumeration(List.of("FeatureCollection")))
                .addProperty("features", OASFactory.createSchema().addType(SchemaType.ARRAY).items(ref("Feature")))
                .addProperty("numberMatched", OASFactory.createSchema().addType(SchemaType.INTEGER))
                .addProperty("numberReturned", OASFactory.createSchema().addType(SchemaType.INTEGER))
                .addProperty("links", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(SchemaType.OBJECT)));
    }
}
