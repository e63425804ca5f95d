package org.incidentmap.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.incidentmap.support.Regions;
import org.junit.jupiter.api.Test;

/**
 * OGC API - Features Part 4 with optimistic locking: every feature has a strong ETag (its row version); PUT,
 * PATCH (JSON merge patch) and DELETE with a stale If-Match get a 412 and change nothing.
 */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class OptimisticConcurrencyTest {

    static final String ITEMS = "/collections/incidents/items/";

    static String etag(long id) {
        return given().when().get(ITEMS + id).then().statusCode(200).extract().header("ETag");
    }

    static Map<String, Object> titled(long id, String title) {
        Map<String, Object> f = Incidents.point(title, 36.2, 35.3);
        f.put("id", id);
        return f;
    }

    @Test
    void shouldTagEveryFeatureAndAnswer304WhenUnchanged() {
        Map<String, Object> f = Incidents.point("Tagged", 36.2, 35.3);
        String created = given().contentType("application/geo+json").body(f).when().post("/collections/incidents/items")
                .then().statusCode(201).extract().header("ETag");
        long id = Incidents.create(Incidents.point("Tagged too", 36.2, 35.3));
        assertEquals("\"1\"", created);
        String tag = etag(id);
        assertEquals("\"1\"", tag);
        given().header("If-None-Match", tag).when().get(ITEMS + id).then().statusCode(304);
        // A page on another origin may read the ETag, to send it back in If-Match.
        given().header("Origin", "https://maps.example.org").when().get(ITEMS + id).then()
                .header("Access-Control-Expose-Headers", containsString("ETag"));
        given().when().get("/collections/regions/items/qardaha").then().statusCode(200)
                .header("ETag", matchesPattern("\"[0-9]+\""));
    }

    @Test
    void shouldReplaceOnlyTheVersionIfMatchNames() {
        long id = Incidents.create(Incidents.point("Before", 36.2, 35.3));
        String first = etag(id);
        String second = given().contentType("application/geo+json").header("If-Match", first)
                .body(titled(id, "After")).when().put(ITEMS + id).then().statusCode(200)
                .body("properties.title", equalTo("After")).extract().header("ETag");
        assertNotEquals(first, second);
        given().contentType("application/geo+json").header("If-Match", first).body(titled(id, "Lost update"))
                .when().put(ITEMS + id).then().statusCode(412).contentType("application/problem+json");
        given().header("If-Match", first).when().delete(ITEMS + id).then().statusCode(412);
        given().header("If-Match", "W/" + second).when().delete(ITEMS + id).then().statusCode(412);
        given().when().get(ITEMS + id).then().statusCode(200).body("properties.title", equalTo("After"))
                .header("ETag", second);
        given().header("If-Match", second).when().delete(ITEMS + id).then().statusCode(204);
        given().header("If-Match", second).when().delete(ITEMS + id).then().statusCode(404);
    }

    @Test
    void shouldPatchOnlyWhatTheMergePatchNames() {
        Map<String, Object> f = Incidents.point("Patched", 36.2, 35.3);
        Incidents.properties(f).put("actors", List.of("Police"));
        Incidents.properties(f).put("admin1", "Latakia");
        long id = Incidents.create(f);
        String tag = etag(id);
        given().contentType("application/merge-patch+json").header("If-Match", tag)
                .body("{\"properties\": {\"fatalities\": 3, \"admin1\": null}}").when().patch(ITEMS + id).then()
                .statusCode(200).body("properties.fatalities", equalTo(3)).body("properties.admin1", nullValue())
                .body("properties.title", equalTo("Patched")).body("properties.actors", equalTo(List.of("Police")))
                .body("geometry.coordinates", equalTo(List.of(36.2f, 35.3f)));
        given().contentType("application/merge-patch+json").header("If-Match", tag)
                .body("{\"properties\": {\"fatalities\": 4}}").when().patch(ITEMS + id).then().statusCode(412);
        for (String bad : List.of("{\"properties\": {\"fatalities\": -1}}", "{\"properties\": {\"title\": null}}",
                "{\"geometry\": {\"type\": \"Point\", \"coordinates\": [200, 0]}}", "{\"id\": 1}", "[]", "{")) {
            given().contentType("application/merge-patch+json").body(bad).when().patch(ITEMS + id).then()
                    .statusCode(400).contentType("application/problem+json");
        }
        given().contentType("application/json").body("{\"properties\": {\"fatalities\": 5}}").when()
                .patch(ITEMS + id).then().statusCode(415);
        given().when().get(ITEMS + id).then().body("properties.fatalities", equalTo(3));
        given().contentType("application/merge-patch+json").body("{}").when().patch(ITEMS + "999999999").then()
                .statusCode(404);
    }

    @Test
    void shouldLetOneOfTwoRacingEditorsWinAndTellTheOther() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long id = Incidents.create(Incidents.point("Raced " + round, 36.2, 35.3));
                String tag = etag(id);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> edits = new ArrayList<>();
                for (String editor : List.of("Editor A", "Editor B")) {
                    Callable<Response> edit = () -> {
                        start.await();
                        return given().contentType("application/geo+json").header("If-Match", tag)
                                .body(titled(id, editor)).when().put(ITEMS + id).then().extract().response();
                    };
                    edits.add(pool.submit(edit));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                String winner = null;
                for (Future<Response> edit : edits) {
                    Response r = edit.get();
                    statuses.add(r.statusCode());
                    if (r.statusCode() == 200) {
                        winner = r.jsonPath().getString("properties.title");
                    }
                }
                statuses.sort(null);
                assertEquals(List.of(200, 412), statuses);
                given().when().get(ITEMS + id).then().body("properties.title", equalTo(winner));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldCountAnImportsUpdateAsANewVersion() {
        Map<String, Object> f = Incidents.point("Imported once", 36.2, 35.3);
        Incidents.properties(f).put("external_id", "OCC-TEST-1");
        given().contentType("application/geo+json").body(Incidents.collection(List.of(f))).when()
                .post("/collections/incidents/items").then().statusCode(201);
        long id = given().queryParam("bbox", "36.19,35.29,36.21,35.31").queryParam("limit", 1000).when()
                .get("/collections/incidents/items").then().extract().jsonPath()
                .getLong("features.find { it.properties.external_id == 'OCC-TEST-1' }.id");
        String before = etag(id);
        Incidents.properties(f).put("title", "Imported twice");
        given().contentType("application/geo+json").body(Incidents.collection(List.of(f))).when()
                .post("/collections/incidents/items").then().statusCode(200);
        assertNotEquals(before, etag(id));
    }

    @Test
    void shouldTagRegionsAndPatchThem() {
        Map<String, Object> square = Regions.square("etag-test-square", "ETag square", "test", 110, 10, 0.5);
        String tag = given().contentType("application/geo+json").body(square).when()
                .post("/collections/regions/items").then().statusCode(201).extract().header("ETag");
        String patched = given().contentType("application/merge-patch+json").header("If-Match", tag)
                .body("{\"properties\": {\"name\": \"Renamed\"}}").when()
                .patch("/collections/regions/items/etag-test-square").then().statusCode(200)
                .body("properties.name", equalTo("Renamed")).body("properties.kind", equalTo("test"))
                .extract().header("ETag");
        assertNotEquals(tag, patched);
        given().header("If-Match", tag).when().delete("/collections/regions/items/etag-test-square").then()
                .statusCode(412);
        given().header("If-Match", patched).when().delete("/collections/regions/items/etag-test-square").then()
                .statusCode(204);
    }
}
