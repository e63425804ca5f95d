package org.incidentmap.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/**
 * numberMatched of radius queries, with a count cap of 100 and pages of 10 (a nearest window of 64 rows): a
 * dense core fills the window long before the radius, so the window's density suggests far more matches than
 * there are. That suggestion may only order the work; every number given must be the exact count, and the
 * count is left out only when the result truly has more than 100 matches.
 */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
@TestProfile(RadiusCountTest.CapOf100.class)
class RadiusCountTest {

    public static class CapOf100 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("incidentmap.paging.count-max", "100", "incidentmap.seed.enabled", "false");
        }
    }

    static final String ITEMS = "/collections/incidents/items";
    /** Southern Pacific, far from every other test's incidents and from each other. */
    static final double LAT = -55;
    static final double DENSE_ONLY = -120.5;
    static final double CORE_AND_RING = -125.5;
    static final double JUST_OVER = -130.5;
    static final double CLUSTER = -135.5;

    @Test
    void shouldCountExactlyWhateverTheNearestWindowSuggests() {
        store(DENSE_ONLY, 150, 0, 2_000);
        store(CORE_AND_RING, 70, 0, 1_000);
        store(CORE_AND_RING, 20, 15_000, 19_000);
        store(JUST_OVER, 70, 0, 1_000);
        store(JUST_OVER, 40, 15_000, 19_000);

        // 150 matches, all in the inscribed box: more than the cap, so no count on any page.
        JsonPath dense = page(DENSE_ONLY, "20km", 10);
        assertEquals(10, dense.getInt("numberReturned"));
        assertUncounted(dense);
        given().urlEncodingEnabled(false).get(dense.getString("links.find { it.rel == 'next' }.href"))
                .then().statusCode(200).body("numberReturned", equalTo(10)).body("$", not(hasKey("numberMatched")));

        // 90 matches, 20 of them on a ring mostly outside the inscribed box: counted exactly, on every page.
        JsonPath ring = page(CORE_AND_RING, "20km", 10);
        assertEquals(90, ring.getInt("numberMatched"));
        given().urlEncodingEnabled(false).get(ring.getString("links.find { it.rel == 'next' }.href"))
                .then().statusCode(200).body("numberMatched", equalTo(90));
        // The core alone within 5 km: 70.
        assertEquals(70, page(CORE_AND_RING, "5km", 10).getInt("numberMatched"));
        // A page large enough for the whole result counts it from the window itself.
        JsonPath whole = page(CORE_AND_RING, "20km", 100);
        assertEquals(90, whole.getInt("numberReturned"));
        assertEquals(90, whole.getInt("numberMatched"));

        // 110 matches, the ten over the cap on the ring: left out, never a wrong number.
        assertUncounted(page(JUST_OVER, "20km", 10));
        assertUncounted(page(JUST_OVER, "20km", 100));
        assertEquals(70, page(JUST_OVER, "5km", 10).getInt("numberMatched"));
    }

    @Test
    void shouldFindTheSamePageAndCountWhenTheCellCountsExpectTooFew() {
        // 100 incidents within 200 m: spread over their grid cell, the cell's count expects about one within 300 m.
        // The nearest 64 (a window for pages of 10) are stored first, so they are the first any scan of them reads.
        store(CLUSTER, 64, 0, 100);
        store(CLUSTER, 36, 150, 200);
        JsonPath all = page(CLUSTER, "300m", 100);
        assertEquals(100, all.getInt("numberMatched"));
        JsonPath first = page(CLUSTER, "300m", 10);
        assertEquals(100, first.getInt("numberMatched"));
        assertEquals(all.getList("features.id", Long.class).subList(0, 10), first.getList("features.id", Long.class));
        // Every later page too, to the last one, where nothing may be lost to a partial read of the matches.
        List<Long> paged = new ArrayList<>(first.getList("features.id", Long.class));
        String next = first.getString("links.find { it.rel == 'next' }.href");
        while (next != null) {
            JsonPath page = given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().jsonPath();
            assertEquals(100, page.getInt("numberMatched"));
            paged.addAll(page.getList("features.id", Long.class));
            next = page.getString("links.find { it.rel == 'next' }.href");
        }
        assertEquals(all.getList("features.id", Long.class), paged);
    }

    private static void store(double lon, int n, double minMetres, double maxMetres) {
        Incidents.storeRing(lon, LAT, n, minMetres, maxMetres, n * 31L + (long) lon);
    }

    private static void assertUncounted(JsonPath page) {
        assertFalse(page.getMap("$").containsKey("numberMatched"), "numberMatched given: " + page.get("numberMatched"));
    }

    private static JsonPath page(double lon, String radius, int limit) {
        return given().queryParam("near", lon + "," + LAT).queryParam("radius", radius).queryParam("limit", limit)
                .get(ITEMS).then().statusCode(200).extract().jsonPath();
    }
}
