package org.incidentmap.ogcapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document against the wire: requests that provoke each kind of answer (success, created, deleted,
 * not modified, empty tile, redirect, and the 4xx problems) must get a status the document declares for that
 * operation, and every operation has an id, and a security requirement (none for reads).
 */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class ApiContractTest {

    private record Probe(String method, String template, String path, Function<RequestSpecification,
            RequestSpecification> request) {
    }

    private static Probe probe(String method, String template, String path) {
        return new Probe(method, template, path, r -> r);
    }

    private static Probe probe(String method, String template, String path,
            Function<RequestSpecification, RequestSpecification> request) {
        return new Probe(method, template, path, request);
    }

    @Test
    void shouldAnswerOnlyStatusesTheDocumentDeclares() {
        JsonPath api = given().when().get("/api").then().statusCode(200).extract().jsonPath();
        long id = Incidents.create(Incidents.point("contract probe", 151.0, -61.0));
        long gone = Incidents.create(Incidents.point("contract probe deleted", 151.0, -61.0));
        String etag = given().get("/collections/incidents/items/" + id).then().extract().header("ETag");
        String feature = "/collections/incidents/items/{featureId}";
        String tile = "/collections/incidents/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}";
        String body = given().get("/collections/incidents/items/" + id).then().extract().asString();
        List<Probe> probes = List.of(
                probe("get", "/", "/"),
                probe("get", "/", "/?x=1"),
                probe("get", "/conformance", "/conformance"),
                probe("get", "/collections", "/collections"),
                probe("get", "/collections/incidents", "/collections/incidents"),
                probe("get", "/collections/incidents/queryables", "/collections/incidents/queryables"),
                probe("get", "/collections/incidents/items", "/collections/incidents/items?limit=2"),
                probe("get", "/collections/incidents/items", "/collections/incidents/items?bbox=1,2"),
                probe("get", "/collections/incidents/items", "/collections/incidents/items?filter=nope%20%3E"),
                probe("get", feature, "/collections/incidents/items/" + id),
                probe("get", feature, "/collections/incidents/items/" + id, r -> r.header("If-None-Match", etag)),
                probe("get", feature, "/collections/incidents/items/999999999"),
                probe("post", "/collections/incidents/items", "/collections/incidents/items",
                        r -> r.contentType("application/geo+json").body(Incidents.point("contract post", 151, -61))),
                probe("post", "/collections/incidents/items", "/collections/incidents/items",
                        r -> r.contentType("application/geo+json").body("{")),
                probe("post", "/collections/incidents/items", "/collections/incidents/items",
                        r -> r.contentType("text/plain").body("x")),
                probe("put", feature, "/collections/incidents/items/" + id,
                        r -> r.contentType("application/geo+json").header("If-Match", "\"0\"").body(body)),
                probe("put", feature, "/collections/incidents/items/" + id,
                        r -> r.contentType("application/geo+json").body(body)),
                probe("patch", feature, "/collections/incidents/items/" + id,
                        r -> r.contentType("application/merge-patch+json").body("{\"properties\":{\"fatalities\":1}}")),
                probe("delete", feature, "/collections/incidents/items/" + gone),
                probe("delete", feature, "/collections/incidents/items/" + gone),
                probe("get", "/collections/incidents/aggregate", "/collections/incidents/aggregate?by=category"),
                probe("get", "/collections/incidents/aggregate", "/collections/incidents/aggregate"),
                probe("get", "/collections/incidents/export", "/collections/incidents/export?f=csv&limit=1"),
                probe("get", tile, "/collections/incidents/tiles/WebMercatorQuad/0/0/0"),
                probe("get", tile, "/collections/incidents/tiles/WebMercatorQuad/14/0/0"),
                probe("get", tile, "/collections/incidents/tiles/WebMercatorQuad/2/9/9"),
                probe("get", "/collections/regions/items", "/collections/regions/items"),
                probe("get", "/map", "/map"));
        List<String> undeclared = new ArrayList<>();
        for (Probe p : probes) {
            Response response = p.request().apply(given().redirects().follow(false)).request(p.method(), p.path());
            Map<Object, Object> responses = api.getMap("paths.'" + p.template() + "'." + p.method() + ".responses");
            List<String> declared = responses.keySet().stream().map(String::valueOf).toList();
            String status = String.valueOf(response.statusCode());
            if (!declared.contains(status)) {
                undeclared.add(p.method().toUpperCase(Locale.ROOT) + " " + p.path() + " answered " + status
                        + ", declared " + declared);
            }
        }
        assertThat(undeclared, hasSize(0));
    }

    @Test
    void shouldNameEveryOperationAndSayWhichNeedAToken() {
        JsonPath api = given().when().get("/api").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = api.getMap("paths");
        List<String> ids = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            ids.add((String) operation.get("operationId"));
            // Writes, and everything under /admin (API keys), need a token; reads and searches do not.
            boolean write = !method.equals("get") && !path.endsWith("/search") || path.startsWith("/admin");
            assertThat(method + " " + path, operation.get("security"),
                    equalTo(write ? List.of(Map.of("bearerToken", List.of())) : List.of()));
        }));
        assertThat(ids.stream().distinct().count(), equalTo((long) ids.size()));
        assertThat(ids, hasItem("getIncidentsItems"));
        assertThat(api.getString("components.securitySchemes.bearerToken.scheme"), equalTo("bearer"));
        assertThat(api.getString("paths.'/collections/incidents/items'.post.requestBody.content."
                + "'application/geo+json'.schema.oneOf[0].$ref"), equalTo("#/components/schemas/Feature"));
    }
}
