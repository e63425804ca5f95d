package org.incidentmap.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad bodies get a 400 problem naming the place and the reason, and store nothing. */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class IncidentValidationTest {

    static Stream<Arguments> badFeatures() {
        return Stream.of(
                bad("missing title", "#/properties/title", f -> props(f).remove("title")),
                bad("unknown category", "#/properties/category", f -> props(f).put("category", "skirmish")),
                bad("sub-category of another category", "#/properties/sub_category",
                        f -> props(f).put("sub_category", "arrests")),
                bad("negative fatalities", "#/properties/fatalities", f -> props(f).put("fatalities", -2)),
                bad("fractional fatalities", "#/properties/fatalities", f -> props(f).put("fatalities", 1.5)),
                bad("missing occurred_at", "#/properties/occurred_at", f -> props(f).remove("occurred_at")),
                bad("bad occurred_at", "#/properties/occurred_at", f -> props(f).put("occurred_at", "4 March 2025")),
                bad("year beyond four digits", "#/properties/occurred_at",
                        f -> props(f).put("occurred_at", "+999999999-12-31T23:59:59Z")),
                bad("date-time without offset", "#/properties/occurred_at",
                        f -> props(f).put("occurred_at", "2025-03-04T10:00:00")),
                bad("unknown time_precision", "#/properties/time_precision", f -> props(f).put("time_precision", "year")),
                bad("unknown geo_precision", "#/properties/geo_precision", f -> props(f).put("geo_precision", "city")),
                bad("unknown property", "#/properties/fatality", f -> props(f).put("fatality", 1)),
                bad("source without name", "#/properties/sources/0", f -> props(f).put("sources", List.of(Map.of("url", "https://x.org")))),
                bad("actors not strings", "#/properties/actors/0", f -> props(f).put("actors", List.of(5))),
                bad("missing geometry", "#/geometry", f -> f.remove("geometry")),
                bad("latitude out of range", "#/geometry/coordinates/1",
                        f -> f.put("geometry", Map.of("type", "Point", "coordinates", List.of(35.7, 95.0)))),
                bad("longitude out of range", "#/geometry/coordinates/0",
                        f -> f.put("geometry", Map.of("type", "Point", "coordinates", List.of(200.0, 35.0)))),
                bad("unclosed ring", "#/geometry/coordinates/0",
                        f -> f.put("geometry", Map.of("type", "Polygon", "coordinates", List.of(List.of(
                                List.of(0.0, 0.0), List.of(1.0, 0.0), List.of(1.0, 1.0), List.of(0.0, 1.0)))))),
                bad("self-intersecting bowtie", "#/geometry",
                        f -> f.put("geometry", Map.of("type", "Polygon", "coordinates", List.of(List.of(
                                List.of(0.0, 0.0), List.of(1.0, 1.0), List.of(1.0, 0.0), List.of(0.0, 1.0),
                                List.of(0.0, 0.0)))))),
                bad("unknown geometry type", "#/geometry/type",
                        f -> f.put("geometry", Map.of("type", "Circle", "coordinates", List.of(0.0, 0.0)))),
                bad("not a Feature", "#/type", f -> f.put("type", "Point")),
                bad("NUL character in the title", "#/properties/title", f -> props(f).put("title", "a\u0000b")),
                bad("NUL character in an actor", "#/properties/actors/0", f -> props(f).put("actors", List.of("a\u0000"))),
                bad("edge between opposite points of the globe", "#/geometry",
                        f -> f.put("geometry", Map.of("type", "LineString", "coordinates", List.of(
                                List.of(0.0, 0.0), List.of(180.0, 0.0))))),
                bad("polygon edge from pole to pole", "#/geometry",
                        f -> f.put("geometry", Map.of("type", "Polygon", "coordinates", List.of(List.of(
                                List.of(-180.0, -90.0), List.of(180.0, -90.0), List.of(180.0, 90.0),
                                List.of(-180.0, 90.0), List.of(-180.0, -90.0)))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFeatures")
    void shouldRejectAndStoreNothing(String why, String pointer, Consumer<Map<String, Object>> spoil) {
        Map<String, Object> feature = Incidents.point("Valid apart from one thing", -31.0, 11.0);
        spoil.accept(feature);
        int before = Incidents.count();
        given().contentType("application/geo+json").body(feature).when().post("/collections/incidents/items")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.pointer", org.hamcrest.Matchers.hasItem(pointer));
        assertEquals(before, Incidents.count(), "a rejected request stores nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void shouldRejectMalformedBodies(String why, String body, String detail) {
        int before = Incidents.count();
        given().contentType("application/geo+json").body(body).when().post("/collections/incidents/items")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString(detail));
        assertEquals(before, Incidents.count());
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("truncated JSON", "{\"type\": \"Feature\", \"geometry\": ", "malformed JSON at line 1"),
                Arguments.of("empty body", "", "empty"),
                Arguments.of("JSON array", "[1, 2]", "expected a JSON object"),
                Arguments.of("FeatureCollection without features", "{\"type\":\"FeatureCollection\",\"features\":[]}",
                        "non-empty 'features'"));
    }

    @org.junit.jupiter.api.Test
    void shouldReportEveryProblemOfAFeatureAtOnce() {
        Map<String, Object> feature = Incidents.point("x", -31.1, 11.1);
        props(feature).put("category", "skirmish");
        props(feature).put("fatalities", -1);
        given().contentType("application/geo+json").body(feature).when().post("/collections/incidents/items")
                .then().statusCode(400).body("errors.size()", equalTo(2));
    }

    @org.junit.jupiter.api.Test
    void shouldRejectAnInvalidReplacementAndKeepTheStoredIncident() {
        long id = Incidents.create(Incidents.point("Original", -31.2, 11.2));
        Map<String, Object> bad = Incidents.point("", -31.2, 11.2);
        given().contentType("application/geo+json").body(bad).when().put("/collections/incidents/items/" + id)
                .then().statusCode(400);
        given().when().get("/collections/incidents/items/" + id).then().body("properties.title", equalTo("Original"));
    }

    private static Arguments bad(String why, String pointer, Consumer<Map<String, Object>> spoil) {
        return Arguments.of(why, pointer, spoil);
    }

    private static Map<String, Object> props(Map<String, Object> feature) {
        return Incidents.properties(feature);
    }
}
