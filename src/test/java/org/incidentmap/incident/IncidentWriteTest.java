package org.incidentmap.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/** Creating, replacing and deleting incidents; every test places its data in its own spot of the Atlantic. */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class IncidentWriteTest {

    @Test
    void shouldCreateAFeatureWith201AndLocation() {
        Map<String, Object> feature = Incidents.point("Checkpoint attacked", -30.1, 10.1);
        Incidents.properties(feature).put("actors", List.of("Unknown gunmen"));
        String location = given().contentType("application/geo+json").body(feature)
                .when().post("/collections/incidents/items")
                .then().statusCode(201).contentType("application/geo+json")
                .header("Location", containsString("/collections/incidents/items/"))
                .body("properties.title", equalTo("Checkpoint attacked"))
                .body("properties.time_precision", equalTo("day"))
                .body("properties.created_at", notNullValue())
                .extract().header("Location");

        given().config(Incidents.DOUBLES).when().get(location).then().statusCode(200)
                .body("geometry.coordinates", equalTo(List.of(-30.1, 10.1)))
                .body("properties.occurred_at", equalTo("2025-03-04T00:00:00Z"))
                .body("properties.actors", equalTo(List.of("Unknown gunmen")))
                .body("properties.sources[0].name", equalTo("Reuters"))
                .body("links.rel", hasItem("collection"));
    }

    @Test
    void shouldStoreAFeatureCollectionAllOrNothing() {
        Map<String, Object> good = Incidents.point("Patrol ambushed", -30.2, 10.2);
        Map<String, Object> bad = Incidents.point("Bad one", -30.2, 10.2);
        Incidents.properties(bad).put("fatalities", -1);
        int before = Incidents.count();

        given().contentType("application/geo+json").body(Incidents.collection(List.of(good, good, bad)))
                .when().post("/collections/incidents/items")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("#/features/2/properties/fatalities"));
        assertEquals(before, Incidents.count(), "a collection with one bad feature stores none");

        given().contentType("application/geo+json").body(Incidents.collection(List.of(good, good)))
                .when().post("/collections/incidents/items")
                .then().statusCode(201).body("created", equalTo(2)).body("updated", equalTo(0));
        assertEquals(before + 2, Incidents.count());
    }

    @Test
    void shouldReplaceAnIncidentWithPut() {
        long id = Incidents.create(Incidents.point("First report", -30.3, 10.3));
        Map<String, Object> corrected = Incidents.point("Corrected report", -30.31, 10.31);
        Incidents.properties(corrected).put("fatalities", 3);

        given().contentType("application/geo+json").body(corrected)
                .when().put("/collections/incidents/items/" + id)
                .then().statusCode(200).body("properties.title", equalTo("Corrected report"));
        given().config(Incidents.DOUBLES).when().get("/collections/incidents/items/" + id).then().statusCode(200)
                .body("properties.fatalities", equalTo(3))
                .body("geometry.coordinates", equalTo(List.of(-30.31, 10.31)));
    }

    @Test
    void shouldDeleteAnIncident() {
        long id = Incidents.create(Incidents.point("To be removed", -30.4, 10.4));
        given().when().delete("/collections/incidents/items/" + id).then().statusCode(204);
        given().when().get("/collections/incidents/items/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().delete("/collections/incidents/items/" + id).then().statusCode(404);
    }

    @Test
    void shouldAnswer404ForUnknownIds() {
        given().when().get("/collections/incidents/items/987654321").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("987654321"));
        given().when().get("/collections/incidents/items/not-a-number").then().statusCode(404);
        given().contentType("application/geo+json").body(Incidents.point("x", -30.5, 10.5))
                .when().put("/collections/incidents/items/987654321").then().statusCode(404);
    }

    @Test
    void shouldKeepAPolygonsExteriorRingCounterClockwise() {
        // Written clockwise; RFC 7946 wants exterior rings counter-clockwise on output.
        List<List<Double>> clockwise = List.of(List.of(-30.6, 10.6), List.of(-30.6, 10.7), List.of(-30.5, 10.7),
                List.of(-30.5, 10.6), List.of(-30.6, 10.6));
        long id = Incidents.create(Incidents.feature("Cordon", Map.of("type", "Polygon", "coordinates", List.of(clockwise))));
        given().config(Incidents.DOUBLES).when().get("/collections/incidents/items/" + id).then().statusCode(200)
                .body("geometry.coordinates[0][1]", equalTo(List.of(-30.5, 10.6)));
    }

    @Test
    void shouldAcceptARouteAsLineString() {
        long id = Incidents.create(Incidents.feature("Convoy route attacked", Map.of("type", "LineString",
                "coordinates", List.of(List.of(-30.7, 10.7), List.of(-30.65, 10.75)))));
        given().when().get("/collections/incidents/items/" + id).then().statusCode(200)
                .body("geometry.type", equalTo("LineString"));
    }

    @Test
    void shouldAnswerWithTheSameGeoJsonForAcceptJson() {
        long id = Incidents.create(Incidents.point("Json client", -30.8, 10.8));
        given().accept("application/json").when().get("/collections/incidents/items/" + id)
                .then().statusCode(200).contentType(containsString("application/json")).body("type", equalTo("Feature"));
        given().accept("application/json").queryParam("bbox", "-30.81,10.79,-30.79,10.81")
                .when().get("/collections/incidents/items")
                .then().statusCode(200).contentType(containsString("application/json"))
                .body("type", equalTo("FeatureCollection")).body("features[0].id", equalTo((int) id));
    }

    @Test
    void shouldRefuseAnUnsupportedContentType() {
        given().contentType("application/xml").body("<title/>").when().post("/collections/incidents/items")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void shouldPointLocationAtTheCreatedFeature() {
        long id = Incidents.create(Incidents.point("Located", -30.9, 10.9));
        given().when().get("/collections/incidents/items/" + id).then().statusCode(200)
                .body("links.find { it.rel == 'self' }.href", endsWith("/collections/incidents/items/" + id));
    }

    @Test
    void shouldRefuseAnOversizedBodyWithA413Problem() {
        String huge = "{\"type\":\"Feature\",\"padding\":\"" + "a".repeat(10 * 1024 * 1024 + 1) + "\"}";
        int before = Incidents.count();
        given().contentType("application/geo+json").body(huge).when().post("/collections/incidents/items")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("at most"));
        // A body read whole (a replacement, a search geometry) has the same limit, declared length or not.
        given().contentType("application/geo+json").body(huge).when().put("/collections/incidents/items/1")
                .then().statusCode(413).contentType("application/problem+json");
        given().contentType("application/geo+json").body(new java.io.ByteArrayInputStream(huge.getBytes()))
                .when().post("/collections/incidents/search")
                .then().statusCode(413).contentType("application/problem+json");
        assertEquals(before, Incidents.count());
    }
}
