package org.incidentmap.ogcapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/** Paging through absolute next links returns every matching feature exactly once. */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class PagingTest {

    /** Follows next links from {@code first}; returns the ids seen, checking numberMatched on every page. */
    private static List<Object> follow(String first, int expectedMatched) {
        List<Object> ids = new ArrayList<>();
        String url = first;
        int pages = 0;
        while (url != null) {
            JsonPath page = given().urlEncodingEnabled(false).when().get(url).then().statusCode(200).extract().jsonPath();
            assertEquals(expectedMatched, page.getInt("numberMatched"));
            assertEquals(page.getList("features").size(), page.getInt("numberReturned"));
            ids.addAll(page.getList("features.id"));
            List<Map<String, String>> next = page.getList("links.findAll { it.rel == 'next' }");
            url = next.isEmpty() ? null : next.get(0).get("href");
            if (url != null) {
                org.hamcrest.MatcherAssert.assertThat(url, startsWith("http"));
            }
            if (++pages > 100) {
                throw new AssertionError("next links do not end");
            }
        }
        return ids;
    }

    @Test
    void shouldReturnEveryFeatureOnceThroughNextLinks() {
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(Incidents.create(Incidents.point("paged " + i, 25.0 + i * 0.001, -45.0)));
        }
        String first = given().queryParam("bbox", "24.9,-45.1,25.1,-44.9").queryParam("limit", 3)
                .when().get("/collections/incidents/items").then().statusCode(200)
                .body("numberReturned", equalTo(3))
                .extract().jsonPath().getString("links.find { it.rel == 'self' }.href");
        List<Object> ids = follow(first, 7);
        assertEquals(7, ids.size());
        assertEquals(7, new HashSet<>(ids).size());
        assertEquals(new HashSet<>(created), new HashSet<>(ids.stream().map(o -> ((Number) o).longValue()).toList()));
    }

    @Test
    void shouldPageRadiusResultsNearestFirstWithoutRepeats() {
        for (int i = 0; i < 5; i++) {
            Incidents.create(Incidents.point("ring " + i, 26.0 + i * 0.01, -46.0));
            Incidents.create(Incidents.point("ring twin " + i, 26.0 + i * 0.01, -46.0)); // equal distances
        }
        String first = given().queryParam("near", "26.0,-46.0").queryParam("radius", "10km").queryParam("limit", 3)
                .when().get("/collections/incidents/items").then().statusCode(200)
                .extract().jsonPath().getString("links.find { it.rel == 'self' }.href");
        List<Object> ids = follow(first, 10);
        assertEquals(10, new HashSet<>(ids).size());
    }

    @Test
    void shouldClampALimitAboveTheMaximum() {
        given().queryParam("limit", 1_000_000).queryParam("bbox", "24.9,-45.1,25.1,-44.9")
                .when().get("/collections/incidents/items").then().statusCode(200);
    }

    @Test
    void shouldGiveNoNextLinkOnTheLastPage() {
        JsonPath page = given().queryParam("bbox", "0,80,0.001,80.001").when().get("/collections/incidents/items")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(0, page.getInt("numberMatched"));
        assertNull(page.get("links.find { it.rel == 'next' }"));
    }

    @Test
    void shouldKeepPagingForAClientThatResendsTheValuesOfTheNextLink() throws Exception {
        // The OGC test suite reads name=value pairs out of a next link and sends them again as parameters,
        // with limit set to the declared maximum: values in links must be readable as they stand.
        for (int i = 0; i < 5; i++) {
            Incidents.create(Incidents.point("resent " + i, 33.0 + i * 0.001, -53.0));
        }
        io.restassured.response.Response first = given().queryParam("bbox", "32.9,-53.1,33.1,-52.9")
                .queryParam("datetime", "2025-03-01T00:00:00Z/..").queryParam("limit", 2)
                .when().get("/collections/incidents/items");
        int seen = first.jsonPath().getList("features").size();
        String next = first.jsonPath().getString("links.find { it.rel == 'next' }.href");
        while (next != null) {
            var request = given().baseUri(next);
            for (String pair : new java.net.URI(next).getRawQuery().split("&")) {
                String[] nameValue = pair.split("=", 2);
                if (!nameValue[0].equals("limit")) {
                    request.param(nameValue[0], nameValue[1]);
                }
            }
            JsonPath page = request.param("limit", ItemsParams.MAX_LIMIT).when().get().then().statusCode(200)
                    .extract().jsonPath();
            seen += page.getList("features").size();
            next = page.getString("links.find { it.rel == 'next' }.href");
        }
        assertEquals(5, seen);
    }
}
