package org.incidentmap.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/**
 * Large geometries cost bounded work: query geometries past 256 vertices are matched piece by piece with the same
 * answer, and a page of heavy features ends early (with a next link) instead of exhausting the heap.
 */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class LargeGeometryTest {

    /** A closed ring of {@code n} vertices around a centre, as GeoJSON positions. */
    private static List<List<Double>> circle(double lon, double lat, double radius, int n) {
        List<List<Double>> ring = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            ring.add(List.of(lon + radius * Math.cos(a), lat + radius * Math.sin(a)));
        }
        ring.add(ring.get(0));
        return ring;
    }

    private static List<Object> idsIntersecting(List<List<Double>> ring) {
        Map<String, Object> polygon = Map.of("type", "Polygon", "coordinates", List.of(ring));
        return given().contentType("application/geo+json").body(polygon)
                .when().post("/collections/incidents/search?limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("features.id");
    }

    @Test
    void shouldFindTheSameIncidentsWhetherAPolygonIsCutIntoPiecesOrNot() {
        List<Object> whole = idsIntersecting(circle(35.80, 35.54, 0.3, 200));
        List<Object> pieces = idsIntersecting(circle(35.80, 35.54, 0.3, 5000));
        assertThat(whole, not(empty()));
        assertEquals(whole, pieces);
    }

    private static void assertThat(List<Object> ids, org.hamcrest.Matcher<? super List<Object>> matcher) {
        org.hamcrest.MatcherAssert.assertThat(ids, matcher);
    }

    @Test
    void shouldEndAPageOfHeavyFeaturesEarlyWithANextLink() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // 100,000 vertices: 1.6 MB in memory each; a page may weigh 4 MB.
            ids.add(Incidents.create(Incidents.feature("Heavy " + i,
                    Map.of("type", "Polygon", "coordinates", List.of(circle(-150 + i, -60, 0.4, 99_999))))));
        }
        try {
            JsonPath first = given().queryParam("bbox", "-151,-61,-145,-59").queryParam("limit", 10)
                    .when().get("/collections/incidents/items").then().statusCode(200)
                    .body("features", hasSize(3)).extract().jsonPath();
            String next = first.getString("links.find { it.rel == 'next' }.href");
            assertNotNull(next);
            JsonPath second = given().urlEncodingEnabled(false).when().get(next).then().statusCode(200)
                    .body("features", hasSize(1)).extract().jsonPath();
            assertNull(second.getString("links.find { it.rel == 'next' }.href"));
        } finally {
            ids.forEach(id -> given().delete("/collections/incidents/items/" + id).then().statusCode(204));
        }
    }
}
