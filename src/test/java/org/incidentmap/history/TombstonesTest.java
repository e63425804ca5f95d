package org.incidentmap.history;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.incidentmap.support.Regions;
import org.incidentmap.support.TestIdentity;
import org.junit.jupiter.api.Test;

/**
 * A mirror syncing by time ({@code updated_after} with {@code tombstones=true}) hears of deleted features too, in
 * the listing's order and under its filters, against real PostGIS.
 */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class TombstonesTest {

    private static final String BOX = "-34.1,11.9,-33.9,12.1";

    private static JsonPath sync(String collection, String since, Map<String, Object> more) {
        return given().queryParams(more).queryParam("updated_after", since).queryParam("tombstones", "true")
                .when().get("/collections/" + collection + "/items").then().statusCode(200)
                .contentType("application/geo+json").extract().jsonPath();
    }

    private static void delete(String collection, Object id) {
        given().header("Authorization", "Bearer " + TestIdentity.token("admin", "sync-tester")).when()
                .delete("/collections/" + collection + "/items/" + id).then().statusCode(204);
    }

    @Test
    void shouldListDeletedIncidentsAmongTheChangedOnesInIdOrder() {
        long untouched = Incidents.create(Incidents.point("untouched", -34.0, 12.0));
        long deleted = Incidents.create(Incidents.point("deleted", -34.0, 12.0));
        long patched = Incidents.create(Incidents.point("patched", -34.0, 12.0));
        long deletedElsewhere = Incidents.create(Incidents.point("deleted elsewhere", -30.0, 12.0));
        String since = Instant.now().toString();
        delete("incidents", deleted);
        delete("incidents", deletedElsewhere);
        given().contentType("application/merge-patch+json").body(Map.of("properties", Map.of("fatalities", 3)))
                .when().patch("/collections/incidents/items/" + patched).then().statusCode(200);
        long added = Incidents.create(Incidents.point("added", -34.0, 12.0));

        JsonPath page = sync("incidents", since, Map.of("bbox", BOX));
        assertThat(page.getList("features.id", Long.class), equalTo(List.of(deleted, patched, added)));
        assertThat(page.get("features[0].geometry"), nullValue());
        assertThat(page.get("features[0].properties.deleted"), equalTo(true));
        assertThat(page.get("features[0].properties.deleted_by"), equalTo("sync-tester"));
        JsonPath anonymous = given().header("Authorization", TestIdentity.ANONYMOUS).queryParam("bbox", BOX)
                .queryParam("updated_after", since).queryParam("tombstones", "true").when()
                .get("/collections/incidents/items").then().statusCode(200).extract().jsonPath();
        assertThat(anonymous.get("features[0].properties.deleted"), equalTo(true));
        assertThat(anonymous.getMap("features[0].properties").containsKey("deleted_by"), equalTo(false));
        assertThat(Instant.parse(page.getString("features[0].properties.deleted_at")).isAfter(Instant.parse(since)),
                equalTo(true));
        assertThat(page.get("features[1].properties.fatalities"), equalTo(3));
        assertThat(page.get("features[1].properties.deleted"), nullValue());
        assertThat(page.getInt("numberMatched"), equalTo(3));

        // Without tombstones the same listing holds only what is there; the untouched one is in neither.
        assertThat(given().queryParam("bbox", BOX).queryParam("updated_after", since).when()
                .get("/collections/incidents/items").then().extract().jsonPath().getList("features.id", Long.class),
                equalTo(List.of(patched, added)));
        assertThat(untouched, greaterThan(0L));
    }

    @Test
    void shouldPageThroughTombstonesAndFeaturesByTheNextLinks() {
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(Incidents.create(Incidents.point("paged " + i, -33.0, 13.0)));
        }
        String since = Instant.now().toString();
        delete("incidents", expected.get(1));
        delete("incidents", expected.get(2));
        given().contentType("application/merge-patch+json").body(Map.of("properties", Map.of("fatalities", 1)))
                .when().patch("/collections/incidents/items/" + expected.get(3)).then().statusCode(200);
        List<Long> seen = new ArrayList<>();
        List<Boolean> deleted = new ArrayList<>();
        String next = null;
        do {
            JsonPath page = next == null ? sync("incidents", since, Map.of("bbox", "-33.1,12.9,-32.9,13.1",
                    "limit", 1)) : given().when().get(next).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("features.id", Long.class));
            deleted.add(page.get("features[0].properties.deleted") != null);
            next = page.getString("links.find { it.rel == 'next' }.href");
        } while (next != null && seen.size() < 10);
        assertThat(seen, equalTo(expected.subList(1, 4)));
        assertThat(deleted, equalTo(List.of(true, true, false)));
    }

    @Test
    void shouldMatchADeletedIncidentByItsLastState() {
        Map<String, Object> battle = Incidents.point("a battle", -32.0, 14.0);
        Incidents.properties(battle).put("category", "battles");
        long id = Incidents.create(battle);
        String since = Instant.now().toString();
        delete("incidents", id);
        String box = "-32.1,13.9,-31.9,14.1";
        assertThat(sync("incidents", since, Map.of("bbox", box, "category", "battles")).getList("features.id",
                Long.class), equalTo(List.of(id)));
        assertThat(sync("incidents", since, Map.of("bbox", box, "filter", "category = 'riots'"))
                .getList("features.id", Long.class), equalTo(List.of()));
        // Deleted before the instant asked for: the mirror had heard of it already.
        assertThat(sync("incidents", Instant.now().toString(), Map.of("bbox", box)).getList("features.id"),
                equalTo(List.of()));
    }

    @Test
    void shouldListADeletedRegionUntilItIsAddedAgain() {
        given().contentType("application/geo+json").body(Regions.square("sync-town", "Sync town", "city", -31.0,
                15.0, 0.1)).when().post("/collections/regions/items").then().statusCode(201);
        String since = Instant.now().toString();
        delete("regions", "sync-town");
        JsonPath page = sync("regions", since, Map.of("bbox", "-31.1,14.9,-30.8,15.2"));
        assertThat(page.getList("features.id"), equalTo(List.of("sync-town")));
        assertThat(page.get("features[0].properties.deleted"), equalTo(true));
        assertThat(page.get("features[0].geometry"), nullValue());

        given().contentType("application/geo+json").body(Regions.square("sync-town", "Sync town again", "city",
                -31.0, 15.0, 0.1)).when().post("/collections/regions/items").then().statusCode(201);
        page = sync("regions", since, Map.of("bbox", "-31.1,14.9,-30.8,15.2"));
        assertThat(page.getList("features.id"), equalTo(List.of("sync-town")));
        assertThat(page.get("features[0].properties.name"), equalTo("Sync town again"));
        assertThat(page.get("features[0].properties.deleted"), nullValue());
    }

    @Test
    void shouldRefuseTombstonesWhereTheyCannotBeListed() {
        String since = "2025-01-01T00:00:00Z";
        given().queryParam("tombstones", "true").when().get("/collections/incidents/items").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].parameter", equalTo("tombstones"));
        given().queryParam("tombstones", "yes").queryParam("updated_after", since).when()
                .get("/collections/incidents/items").then().statusCode(400)
                .body("errors[0].parameter", equalTo("tombstones"));
        given().queryParam("tombstones", "true").queryParam("updated_after", since).queryParam("sortby", "-fatalities")
                .when().get("/collections/incidents/items").then().statusCode(400)
                .body("errors[0].parameter", equalTo("tombstones"));
        given().queryParam("tombstones", "true").queryParam("updated_after", since).queryParam("near", "35.78,35.52")
                .queryParam("radius", "25km").when().get("/collections/incidents/items").then().statusCode(400)
                .body("errors[0].parameter", equalTo("tombstones"));
        given().queryParam("tombstones", "true").queryParam("updated_after", since).when()
                .get("/collections/incidents/export").then().statusCode(400)
                .body("errors[0].parameter", equalTo("tombstones"));
        given().queryParam("tombstones", "false").when().get("/collections/incidents/items").then().statusCode(200);
    }
}
