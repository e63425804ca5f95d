package org.incidentmap.ogcapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/** numberMatched is exact when given, and left out when the result is larger than the count cap. */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
@TestProfile(CountCapTest.SmallCap.class)
class CountCapTest {

    public static class SmallCap implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("incidentmap.paging.count-max", "5", "incidentmap.seed.enabled", "false");
        }
    }

    static final String BOX = "-60.2,-50.2,-59.8,-49.8";

    @Test
    void shouldCountExactlyUpToTheCapAndLeaveTheCountOutAbove() {
        List<Map<String, Object>> features = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            features.add(Incidents.point("Counted " + i, -60 + i * 0.01, -50));
        }
        features.forEach(f -> Incidents.properties(f).put("fatalities", features.indexOf(f) < 4 ? 2 : 0));
        given().contentType("application/geo+json").body(Incidents.collection(features))
                .post("/collections/incidents/items").then().statusCode(201);

        // 8 matches, more than the cap of 5: a page of 2 says nothing of the total rather than a wrong number.
        given().queryParam("bbox", BOX).queryParam("limit", 2).get("/collections/incidents/items")
                .then().statusCode(200).body("numberReturned", equalTo(2)).body("$", not(hasKey("numberMatched")));
        // 4 matches: counted exactly, even though the page holds fewer.
        given().queryParam("bbox", BOX).queryParam("fatalities_min", 1).queryParam("limit", 2)
                .get("/collections/incidents/items")
                .then().statusCode(200).body("numberReturned", equalTo(2)).body("numberMatched", equalTo(4));
        // The whole result in one page needs no count, whatever the cap.
        given().queryParam("bbox", BOX).queryParam("limit", 100).get("/collections/incidents/items")
                .then().statusCode(200).body("numberReturned", equalTo(8)).body("numberMatched", equalTo(8));
    }
}
