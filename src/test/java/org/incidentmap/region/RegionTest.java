package org.incidentmap.region;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.incidentmap.support.Regions;
import org.junit.jupiter.api.Test;

/** The regions collection: the seeded outlines, and adding regions that incidents can then be queried in. */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class RegionTest {

    private static Map<String, Object> square(String id, double lon, double lat) {
        return Regions.square(id, "Test " + id, "town", lon, lat, 0.1);
    }

    @Test
    void shouldListTheSeededRegions() {
        given().queryParam("limit", 100).when().get("/collections/regions/items").then().statusCode(200)
                .contentType("application/geo+json")
                .body("features.id", hasItems("latakia-governorate", "latakia", "datour", "qardaha"));
        given().when().get("/collections/regions/items/qardaha").then().statusCode(200)
                .body("properties.kind", equalTo("town")).body("properties.approximate", equalTo(true))
                .body("geometry.type", equalTo("Polygon"));
    }

    @Test
    void shouldQueryIncidentsInARegionAddedThroughTheApi() {
        given().contentType("application/geo+json").body(square("test-square", 27.0, -47.0))
                .when().post("/collections/regions/items")
                .then().statusCode(201).header("Location", containsString("/collections/regions/items/test-square"));
        Incidents.create(Incidents.point("in the new region", 27.05, -46.95));
        Incidents.create(Incidents.point("next to the new region", 27.2, -46.95));
        given().queryParam("region", "test-square").when().get("/collections/incidents/items").then().statusCode(200)
                .body("features.properties.title", equalTo(List.of("in the new region")));
    }

    @Test
    void shouldRefuseADuplicateRegionId() {
        given().contentType("application/geo+json").body(square("twice", 28.0, -48.0))
                .when().post("/collections/regions/items").then().statusCode(201);
        given().contentType("application/geo+json").body(square("twice", 28.0, -48.0))
                .when().post("/collections/regions/items").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseTwoRegionsWithOneIdInACollectionAndStoreNeither() {
        Map<String, Object> twice = Map.of("type", "FeatureCollection",
                "features", List.of(square("same-id", 34.0, -54.0), square("same-id", 34.5, -54.0)));
        given().contentType("application/geo+json").body(twice).when().post("/collections/regions/items")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("#/features/1/id"));
        given().when().get("/collections/regions/items/same-id").then().statusCode(404);
    }

    @Test
    void shouldRefuseARegionThatIsNotAnArea() {
        Map<String, Object> point = Map.of("type", "Feature", "id", "a-point",
                "properties", Map.of("name", "A point", "kind", "town"),
                "geometry", Map.of("type", "Point", "coordinates", List.of(1.0, 1.0)));
        given().contentType("application/geo+json").body(point).when().post("/collections/regions/items")
                .then().statusCode(400).body("errors[0].pointer", equalTo("#/geometry/type"));
    }

    @Test
    void shouldRefuseARegionWithoutASlugId() {
        given().contentType("application/geo+json").body(square("Not A Slug", 29.0, -49.0))
                .when().post("/collections/regions/items").then().statusCode(400)
                .body("errors[0].pointer", equalTo("#/id"));
    }

    @Test
    void shouldReplaceAndDeleteARegion() {
        given().contentType("application/geo+json").body(square("movable", 30.0, -50.0))
                .when().post("/collections/regions/items").then().statusCode(201);
        given().contentType("application/geo+json").body(square("movable", 30.5, -50.0))
                .when().put("/collections/regions/items/movable").then().statusCode(200);
        given().config(Incidents.DOUBLES).when().get("/collections/regions/items/movable").then()
                .body("geometry.coordinates[0][0]", equalTo(List.of(30.5, -50.0)));
        given().when().delete("/collections/regions/items/movable").then().statusCode(204);
        given().when().get("/collections/regions/items/movable").then().statusCode(404);
    }
}
