package org.incidentmap.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/**
 * Radius pages with many matches are read from a nearest-first window of the index instead of a full sort: the
 * pages must still be exactly the full sort's, cut into pages, with nothing repeated or lost.
 */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class NearestFirstPagingTest {

    /** Southern Ocean: nothing else in the test database is near. */
    static final double LON = -30.5;
    static final double LAT = -45.25;
    static final String ITEMS = "/collections/incidents/items";

    @Test
    void shouldPageManyRadiusMatchesInTheOrderOfAFullSort() {
        Incidents.storeRing(LON, LAT, 100, 200, 9_000, 1);
        Incidents.storeRing(LON, LAT, 30, 11_000, 14_000, 2);
        String near = LON + "," + LAT;

        JsonPath all = given().config(Incidents.DOUBLES).queryParam("near", near).queryParam("radius", "10km")
                .queryParam("limit", 10_000).get(ITEMS).then().statusCode(200).extract().jsonPath();
        List<Long> fullSort = all.getList("features.id", Long.class);
        assertEquals(100, fullSort.size());
        assertEquals(100, all.getInt("numberMatched"));

        List<Long> paged = new ArrayList<>();
        List<Double> distances = new ArrayList<>();
        String url = ITEMS + "?near=" + near + "&radius=10km&limit=7";
        while (url != null) {
            JsonPath page = given().config(Incidents.DOUBLES).urlEncodingEnabled(false).get(url)
                    .then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("features.id", Long.class));
            distances.addAll(page.getList("features.properties.distance_m", Double.class));
            assertEquals(100, page.getInt("numberMatched"));
            url = page.getString("links.find { it.rel == 'next' }.href");
        }
        assertEquals(fullSort, paged);
        for (int i = 1; i < distances.size(); i++) {
            assertThat(distances.get(i), greaterThanOrEqualTo(distances.get(i - 1)));
        }
        assertThat(distances, everyItem(lessThan(10_000.0)));
    }
}
