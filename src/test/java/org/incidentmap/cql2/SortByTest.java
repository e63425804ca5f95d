package org.incidentmap.cql2;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.incidentmap.support.Regions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * sortby on incident and region items: the order, missing values last, and keyset pages that walk the same order
 * (region ids are text, incident ids numbers: both are the last key).
 */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class SortByTest {

    private static final String AREA = "170.9,-75.1,171.1,-74.9";
    private static boolean seeded;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        Object[][] rows = {{"sort b", 3, "2025-03-02"}, {"sort a", 1, "2025-03-02"}, {"sort d", null, "2025-03-01"},
            {"sort c", 2, "2025-03-03"}, {"sort e", 2, "2025-03-01"}};
        for (Object[] row : rows) {
            Map<String, Object> f = Incidents.point((String) row[0], 171.0, -75.0);
            Incidents.properties(f).put("fatalities", row[1]);
            Incidents.properties(f).put("occurred_at", row[2]);
            Incidents.create(f);
        }
        seeded = true;
    }

    private static List<String> titles(String sortby) {
        return given().queryParam("bbox", AREA).queryParam("sortby", sortby).when()
                .get("/collections/incidents/items").then().statusCode(200).extract().jsonPath()
                .getList("features.properties.title");
    }

    /** {@code field} of every feature of {@code page} and of the pages its next links lead to, in order. */
    private static List<String> walk(JsonPath page, String field) {
        List<String> walked = new ArrayList<>();
        while (true) {
            walked.addAll(page.getList(field));
            String next = page.getString("links.find { it.rel == 'next' }.href");
            if (next == null) {
                return walked;
            }
            page = given().urlEncodingEnabled(false).when().get(next).then().statusCode(200).extract().jsonPath();
        }
    }

    @Test
    void shouldOrderByTheKeysWithMissingValuesLast() {
        assertThat(titles("-fatalities,title"), equalTo(List.of("sort b", "sort c", "sort e", "sort a", "sort d")));
        assertThat(titles("fatalities,-title"), equalTo(List.of("sort a", "sort e", "sort c", "sort b", "sort d")));
        assertThat(titles("+occurred_at,-fatalities"),
                equalTo(List.of("sort e", "sort d", "sort b", "sort a", "sort c")));
        assertThat(titles("-title"), equalTo(List.of("sort e", "sort d", "sort c", "sort b", "sort a")));
    }

    @Test
    void shouldWalkTheSameOrderPageByPage() {
        // Keys never null (title, occurred_at) page by a plain range on the first key; ties must carry over.
        for (String sortby : List.of("-fatalities,title", "occurred_at,-fatalities", "fatalities", "-occurred_at",
                "-occurred_at,-title", "-title", "title")) {
            JsonPath page = given().queryParam("bbox", AREA).queryParam("sortby", sortby).queryParam("limit", 2)
                    .when().get("/collections/incidents/items").then().statusCode(200).extract().jsonPath();
            assertThat(page.getInt("numberMatched"), equalTo(5));
            assertThat(sortby, walk(page, "features.properties.title"), equalTo(titles(sortby)));
        }
    }

    @Test
    void shouldRefuseWhatCannotBeSortedBy() {
        for (String[] bad : new String[][] {{"geometry", "cannot be sorted by"}, {"-size", "is not a queryable"},
            {"title,title", "named twice"}, {"actors", "cannot be sorted by"}}) {
            given().queryParam("sortby", bad[0]).when().get("/collections/incidents/items").then().statusCode(400)
                    .body("detail", containsString(bad[1]));
        }
        given().queryParam("sortby", "title").queryParam("near", "171,-75").queryParam("radius", "1km").when()
                .get("/collections/incidents/items").then().statusCode(400)
                .body("detail", containsString("nearest first"));
        String unsortedNext = given().queryParam("bbox", AREA).queryParam("limit", 1).when()
                .get("/collections/incidents/items").then().extract().jsonPath()
                .getString("links.find { it.rel == 'next' }.href");
        String cursor = unsortedNext.substring(unsortedNext.indexOf("cursor=") + 7).split("&")[0];
        given().queryParam("sortby", "title").queryParam("cursor", cursor).urlEncodingEnabled(false).when()
                .get("/collections/incidents/items").then().statusCode(400)
                .body("detail", containsString("not a cursor of this service"));
        given().queryParam("sortby", "title").queryParam("by", "category").when()
                .get("/collections/incidents/aggregate").then().statusCode(400);
    }

    @Test
    void shouldSortRegionsAndWalkTheirPagesInThatOrder() {
        String[][] regions = {{"sort-r-1", "Bravo", "town"}, {"sort-r-2", "Alpha", "city"},
            {"sort-r-3", "Charlie", "town"}, {"sort-r-4", "Alpha", "town"}};
        for (String[] r : regions) {
            given().contentType("application/geo+json").body(Regions.square(r[0], r[1], r[2], 150.0, -80.0, 0.1))
                    .when().post("/collections/regions/items").then().statusCode(201);
        }
        String area = "149.9,-80.1,150.2,-79.8";
        for (Object[] expected : new Object[][] {
            {"-name", List.of("sort-r-3", "sort-r-1", "sort-r-2", "sort-r-4")},
            {"kind,-name", List.of("sort-r-2", "sort-r-3", "sort-r-1", "sort-r-4")},
            {"name,-id", List.of("sort-r-4", "sort-r-2", "sort-r-1", "sort-r-3")}}) {
            String sortby = (String) expected[0];
            JsonPath page = given().queryParam("bbox", area).queryParam("sortby", sortby).queryParam("limit", 1)
                    .when().get("/collections/regions/items").then().statusCode(200).extract().jsonPath();
            assertThat(sortby, walk(page, "features.id"), equalTo(expected[1]));
        }
        given().queryParam("sortby", "geometry").when().get("/collections/regions/items").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("cannot be sorted by"));
        given().queryParam("sortby", "fatalities").when().get("/collections/regions/items").then().statusCode(400)
                .body("detail", containsString("not a queryable of regions"));
    }
}
