package org.incidentmap.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/** bbox, datetime, intersects and attribute filters; each test stores its own incidents in its own area. */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class IncidentFilterTest {

    private static List<String> titles(String... paramsAndValues) {
        var request = given();
        for (int i = 0; i < paramsAndValues.length; i += 2) {
            request.queryParam(paramsAndValues[i], paramsAndValues[i + 1]);
        }
        List<String> titles = request.when().get("/collections/incidents/items").then().statusCode(200)
                .extract().jsonPath().getList("features.properties.title");
        return titles == null ? List.of() : titles;
    }

    @Test
    void shouldKeepOnlyIncidentsInsideTheBbox() {
        Incidents.create(Incidents.point("bbox inside", 20.05, -40.05));
        Incidents.create(Incidents.point("bbox outside", 20.5, -40.5));
        assertThat(titles("bbox", "20.0,-40.1,20.1,-40.0"), equalTo(List.of("bbox inside")));
    }

    @Test
    void shouldHonourABboxCrossingTheAntimeridian() {
        Incidents.create(Incidents.point("east of the antimeridian", 179.5, -45.0));
        Incidents.create(Incidents.point("west of the antimeridian", -179.5, -45.0));
        Incidents.create(Incidents.point("far from it", 0.5, -45.0));
        assertThat(titles("bbox", "179,-46,-179,-44"),
                containsInAnyOrder("east of the antimeridian", "west of the antimeridian"));
    }

    @Test
    void shouldMatchIncidentsOverlappingTheDatetime() {
        Map<String, Object> before = Incidents.point("datetime 1 March", 21.0, -41.0);
        Incidents.properties(before).put("occurred_at", "2025-03-01T10:00:00Z");
        Map<String, Object> span = Incidents.point("datetime span to 3 March", 21.0, -41.0);
        Incidents.properties(span).put("occurred_at", "2025-02-20");
        Incidents.properties(span).put("occurred_until", "2025-03-03");
        Map<String, Object> later = Incidents.point("datetime 9 March", 21.0, -41.0);
        Incidents.properties(later).put("occurred_at", "2025-03-09");
        Incidents.create(before);
        Incidents.create(span);
        Incidents.create(later);
        String area = "20.9,-41.1,21.1,-40.9";

        assertThat(titles("bbox", area, "datetime", "2025-03-02/2025-03-05"), equalTo(List.of("datetime span to 3 March")));
        assertThat(titles("bbox", area, "datetime", "2025-03-01"),
                containsInAnyOrder("datetime 1 March", "datetime span to 3 March"));
        assertThat(titles("bbox", area, "datetime", "2025-03-05/.."), equalTo(List.of("datetime 9 March")));
        assertThat(titles("bbox", area, "datetime", "../2025-02-25"), equalTo(List.of("datetime span to 3 March")));
        assertThat(titles("bbox", area, "datetime", "2025-03-01T10:00:00Z"),
                containsInAnyOrder("datetime 1 March", "datetime span to 3 March"));
        // Both ends are closed, on the incidents' side and on the query's.
        assertThat(titles("bbox", area, "datetime", "2025-02-28/2025-03-01T10:00:00Z"),
                containsInAnyOrder("datetime 1 March", "datetime span to 3 March"));
        assertThat(titles("bbox", area, "datetime", "../2025-03-01T10:00:00Z"),
                containsInAnyOrder("datetime 1 March", "datetime span to 3 March"));
        assertThat(titles("bbox", area, "datetime", "2025-03-03T23:59:59Z/2025-03-04"),
                equalTo(List.of("datetime span to 3 March")));
        assertThat(titles("bbox", area, "datetime", "2025-02-20T00:00:00Z"),
                equalTo(List.of("datetime span to 3 March")));
        assertThat(titles("bbox", area, "datetime", "2025-03-09T00:00:00Z/.."), equalTo(List.of("datetime 9 March")));
        assertThat(titles("bbox", area, "datetime", "2025-03-04/2025-03-08"), equalTo(List.of()));
        assertThat(titles("bbox", area, "datetime", "2025-03-10/.."), equalTo(List.of()));
        // Past a month, the interval is tested as two comparisons instead of through the range index: same answers.
        assertThat(titles("bbox", area, "datetime", "2025-01-01/2025-03-01T10:00:00Z"),
                containsInAnyOrder("datetime 1 March", "datetime span to 3 March"));
        assertThat(titles("bbox", area, "datetime", "2025-03-03T23:59:59Z/2025-06-01"),
                containsInAnyOrder("datetime span to 3 March", "datetime 9 March"));
        assertThat(titles("bbox", area, "datetime", "2024-01-01/2025-02-19"), equalTo(List.of()));
    }

    @Test
    void shouldFilterByAGeometryGivenAsWktOrGeoJson() {
        Incidents.create(Incidents.point("intersects inside", 22.05, -42.05));
        Incidents.create(Incidents.point("intersects outside", 22.5, -42.5));
        String wkt = "POLYGON((22 -42.1, 22.1 -42.1, 22.1 -42, 22 -42, 22 -42.1))";
        assertThat(titles("intersects", wkt), equalTo(List.of("intersects inside")));
        String geoJson = "{\"type\":\"Polygon\",\"coordinates\":[[[22,-42.1],[22.1,-42.1],[22.1,-42],[22,-42],[22,-42.1]]]}";
        assertThat(titles("intersects", geoJson), equalTo(List.of("intersects inside")));
    }

    @Test
    void shouldSearchWithAPostedPolygon() {
        Incidents.create(Incidents.point("posted inside", 23.05, -43.05));
        Incidents.create(Incidents.point("posted outside", 23.5, -43.5));
        String polygon = "{\"type\":\"Polygon\",\"coordinates\":[[[23,-43.1],[23.1,-43.1],[23.1,-43],[23,-43],[23,-43.1]]]}";
        List<String> found = given().contentType("application/geo+json").body(polygon)
                .when().post("/collections/incidents/search")
                .then().statusCode(200).contentType("application/geo+json")
                .extract().jsonPath().getList("features.properties.title");
        assertThat(found, equalTo(List.of("posted inside")));

        given().contentType("text/plain").body("POLYGON((23 -43.1, 23.1 -43.1, 23.1 -43, 23 -43, 23 -43.1))")
                .queryParam("category", "battles")
                .when().post("/collections/incidents/search")
                .then().statusCode(200).body("numberMatched", equalTo(1));
    }

    @Test
    void shouldRejectAnInvalidPostedGeometry() {
        given().contentType("application/geo+json").body("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}")
                .when().post("/collections/incidents/search")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("not valid"));
    }

    @Test
    void shouldFilterByCategoryListAndFatalities() {
        Map<String, Object> protest = Incidents.point("filter protest", 24.0, -44.0);
        Incidents.properties(protest).put("category", "protests");
        Incidents.properties(protest).put("sub_category", "peaceful_protest");
        Map<String, Object> deadly = Incidents.point("filter deadly clash", 24.0, -44.0);
        Incidents.properties(deadly).put("fatalities", 4);
        Incidents.create(protest);
        Incidents.create(deadly);
        String area = "23.9,-44.1,24.1,-43.9";
        assertThat(titles("bbox", area, "category", "protests"), equalTo(List.of("filter protest")));
        assertThat(titles("bbox", area, "category", "protests,battles"),
                containsInAnyOrder("filter protest", "filter deadly clash"));
        assertThat(titles("bbox", area, "fatalities_min", "1"), equalTo(List.of("filter deadly clash")));
    }

    @Test
    void shouldAcceptAPolygonOfSeveralHundredVerticesInTheUrl() {
        Incidents.create(Incidents.point("long polygon centre", 32.05, -52.05));
        StringBuilder wkt = new StringBuilder("POLYGON((");
        for (int i = 0; i <= 400; i++) {
            double a = 2 * Math.PI * (i % 400) / 400;
            wkt.append(i == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.6f %.6f",
                    32.05 + 0.03 * Math.cos(a), -52.05 + 0.03 * Math.sin(a)));
        }
        wkt.append("))");
        assertThat(titles("intersects", wkt.toString()), equalTo(List.of("long polygon centre")));
    }
}
