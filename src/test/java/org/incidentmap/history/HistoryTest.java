package org.incidentmap.history;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.incidentmap.support.Regions;
import org.incidentmap.support.TestIdentity;
import org.junit.jupiter.api.Test;

/**
 * Every create, update and delete is kept with who made it, when, which fields changed and the values before and
 * after, written in the transaction of the change: a refused change leaves none, a deleted feature a tombstone.
 */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class HistoryTest {

    private static String as(String role, String user) {
        return "Bearer " + TestIdentity.token(role, user);
    }

    private static JsonPath history(String collection, Object id) {
        return given().when().get("/collections/" + collection + "/items/" + id + "/history").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    @Test
    void shouldKeepEveryChangeOfAnIncidentWithItsAuthorAndAfterItsDeletion() {
        long id = given().header("Authorization", as("editor", "eddie")).contentType("application/geo+json")
                .body(Incidents.point("history of one", -35.0, 15.0)).when().post("/collections/incidents/items")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().header("Authorization", as("editor", "farah")).header("If-Match", "\"1\"")
                .contentType("application/merge-patch+json").body(Map.of("properties", Map.of("fatalities", 3)))
                .when().patch("/collections/incidents/items/" + id).then().statusCode(200);
        // Refused (stale If-Match): nothing changed, so nothing is logged.
        given().header("If-Match", "\"1\"").contentType("application/merge-patch+json")
                .body(Map.of("properties", Map.of("fatalities", 9))).when().patch("/collections/incidents/items/" + id)
                .then().statusCode(412);
        given().header("Authorization", as("admin", "ada")).when().delete("/collections/incidents/items/" + id).then()
                .statusCode(204);
        given().when().get("/collections/incidents/items/" + id).then().statusCode(404);

        JsonPath h = history("incidents", id);
        assertThat(h.getList("changes.op"), equalTo(List.of("create", "update", "delete")));
        assertThat(h.getList("changes.changed_by"), equalTo(List.of("eddie", "farah", "ada")));
        // Without a token, the same changes come without their authors (an editor's name can endanger them).
        JsonPath anonymous = given().header("Authorization", TestIdentity.ANONYMOUS).when()
                .get("/collections/incidents/items/" + id + "/history").then().statusCode(200).extract().jsonPath();
        assertThat(anonymous.getList("changes.op"), equalTo(List.of("create", "update", "delete")));
        assertThat(anonymous.getMap("changes[0]").containsKey("changed_by"), equalTo(false));
        assertThat(anonymous.getMap("changes[2]").containsKey("changed_by"), equalTo(false));
        assertThat(h.getList("changes.version", Integer.class), equalTo(List.of(1, 2, 2)));
        assertThat(h.getString("changes[0].after.title"), equalTo("history of one"));
        assertThat(h.getInt("changes[0].after.fatalities"), equalTo(0));
        assertThat(h.getList("changes[1].changed"), equalTo(List.of("fatalities")));
        assertThat(h.getInt("changes[1].before.fatalities"), equalTo(0));
        assertThat(h.getInt("changes[1].after.fatalities"), equalTo(3));
        assertThat(h.getInt("changes[2].before.fatalities"), equalTo(3));
        assertThat(h.getString("changes[2].before.geometry.type"), equalTo("Point"));
        assertThat(h.get("changes[2].after"), nullValue());
    }

    @Test
    void shouldLogImportsAndRegionChangesToo() {
        String seq = "\u001e" + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[-36,16]},"
                + "\"properties\":{\"title\":\"imported\",\"category\":\"battles\",\"occurred_at\":\"2025-03-04\","
                + "\"external_id\":\"HIST1\",\"sources\":[{\"name\":\"SANA\"}]}}\n";
        byte[] again = seq.replace("\"imported\"", "\"imported again\"").getBytes(StandardCharsets.UTF_8);
        given().header("Authorization", as("editor", "importer")).contentType("application/geo+json-seq")
                .body(seq.getBytes(StandardCharsets.UTF_8)).when().post("/collections/incidents/items").then()
                .statusCode(201);
        given().header("Authorization", as("editor", "importer")).contentType("application/geo+json-seq")
                .body(again).when().post("/collections/incidents/items").then().statusCode(200);
        long id = given().queryParam("filter", "external_id = 'HIST1'").when().get("/collections/incidents/items")
                .then().extract().jsonPath().getLong("features[0].id");
        JsonPath h = history("incidents", id);
        assertThat(h.getList("changes.op"), equalTo(List.of("create", "update")));
        assertThat(h.getList("changes[1].changed"), equalTo(List.of("title")));
        assertThat(h.getList("changes.changed_by"), equalTo(List.of("importer", "importer")));

        given().contentType("application/geo+json").body(Regions.square("history-town", "History town", "town",
                -36.5, 16.5, 0.1)).when().post("/collections/regions/items").then().statusCode(201);
        given().contentType("application/merge-patch+json").body(Map.of("properties", Map.of("name", "Renamed town")))
                .when().patch("/collections/regions/items/history-town").then().statusCode(200);
        JsonPath region = history("regions", "history-town");
        assertThat(region.getList("changes.op"), equalTo(List.of("create", "update")));
        assertThat(region.getList("changes.changed_by"), equalTo(List.of("test-admin", "test-admin")));
        assertThat(region.getString("changes[0].after.name"), equalTo("History town"));
        assertThat(region.getString("changes[1].after.name"), equalTo("Renamed town"));
    }

    @Test
    void shouldPageAHistoryAndRefuseBadParameters() {
        long id = Incidents.create(Incidents.point("history pages", -37.0, 17.0));
        for (int f = 1; f <= 3; f++) {
            given().contentType("application/merge-patch+json").body(Map.of("properties", Map.of("fatalities", f)))
                    .when().patch("/collections/incidents/items/" + id).then().statusCode(200);
        }
        List<Integer> versions = new ArrayList<>();
        JsonPath page = given().queryParam("limit", 1).when().get("/collections/incidents/items/" + id + "/history")
                .then().statusCode(200).extract().jsonPath();
        while (true) {
            versions.addAll(page.getList("changes.version", Integer.class));
            String next = page.getString("links.find { it.rel == 'next' }.href");
            if (next == null) {
                break;
            }
            page = given().urlEncodingEnabled(false).when().get(next).then().statusCode(200).extract().jsonPath();
        }
        assertThat(versions, equalTo(List.of(1, 2, 3, 4)));
        given().queryParam("limit", 0).when().get("/collections/incidents/items/" + id + "/history").then()
                .statusCode(400).contentType("application/problem+json");
        given().queryParam("cursor", "nonsense").when().get("/collections/incidents/items/" + id + "/history").then()
                .statusCode(400);
        given().when().get("/collections/incidents/items/987654321/history").then().statusCode(404);
        given().when().get("/collections/regions/items/nowhere/history").then().statusCode(404);
    }

    @Test
    void shouldListWhatChangedAfterAnInstant() {
        long old = Incidents.create(Incidents.point("changed before", -38.0, 18.0));
        String between = java.time.Instant.now().toString();
        long fresh = Incidents.create(Incidents.point("changed after", -38.0, 18.0));
        List<Long> ids = given().queryParam("bbox", "-38.1,17.9,-37.9,18.1").queryParam("updated_after", between)
                .when().get("/collections/incidents/items").then().statusCode(200).extract().jsonPath()
                .getList("features.id", Long.class);
        assertThat(ids, equalTo(List.of(fresh)));
        given().contentType("application/merge-patch+json").body(Map.of("properties", Map.of("fatalities", 1)))
                .when().patch("/collections/incidents/items/" + old).then().statusCode(200);
        assertThat(given().queryParam("bbox", "-38.1,17.9,-37.9,18.1").queryParam("updated_after", between).when()
                .get("/collections/incidents/items").then().extract().jsonPath().getList("features.id", Long.class),
                equalTo(List.of(old, fresh)));
        given().queryParam("updated_after", "last week").when().get("/collections/incidents/items").then()
                .statusCode(400).body("errors[0].parameter", equalTo("updated_after"));
        given().queryParam("updated_after", "2999-01-01").when().get("/collections/regions/items").then()
                .statusCode(200).body("features.size()", equalTo(0));
    }
}
