package org.incidentmap.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/**
 * What GDAL, QGIS and ACLED users send and read: day spans whose end every client reads as that day, GDAL's
 * {@code 2025-03-01T/..} datetime bounds, ACLED's category labels. Each test stores its incidents in its own area.
 */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class ClientInteropTest {

    private static JsonPath items(String... paramsAndValues) {
        var request = given();
        for (int i = 0; i < paramsAndValues.length; i += 2) {
            request.queryParam(paramsAndValues[i], paramsAndValues[i + 1]);
        }
        return request.when().get("/collections/incidents/items").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldWriteTheEndOfADaySpanInWholeSecondsAndStillMatchTheWholeDay() {
        Map<String, Object> span = Incidents.point("interop day span", 131.0, -51.0);
        Incidents.properties(span).put("occurred_at", "2025-03-01");
        Incidents.properties(span).put("occurred_until", "2025-03-05");
        long id = Incidents.create(span);

        String until = given().get("/collections/incidents/items/" + id).then().statusCode(200)
                .extract().path("properties.occurred_until");
        assertThat(until, equalTo("2025-03-05T23:59:59Z"));
        String area = "130.9,-51.1,131.1,-50.9";
        assertThat(items("bbox", area, "datetime", "2025-03-05T23:59:59.5Z").getList("features.id", Long.class),
                equalTo(List.of(id)));
        assertThat(items("bbox", area, "datetime", "2025-03-06").getList("features"), equalTo(List.of()));
    }

    @Test
    void shouldKeepASpanEndUnchangedWhenAFetchedFeatureIsSentBack() {
        Map<String, Object> span = Incidents.point("interop round trip", 131.0, -52.0);
        Incidents.properties(span).put("occurred_at", "2025-03-01T06:00:00Z");
        Incidents.properties(span).put("occurred_until", "2025-03-01T08:30:00Z");
        long id = Incidents.create(span);
        String fetched = given().get("/collections/incidents/items/" + id).then().extract().asString();

        given().contentType("application/geo+json").body(fetched).put("/collections/incidents/items/" + id)
                .then().statusCode(200);

        String area = "130.9,-52.1,131.1,-51.9";
        assertThat(items("bbox", area).getString("features[0].properties.occurred_until"),
                equalTo("2025-03-01T08:30:00Z"));
        // The end covers its whole second, before the round trip and after it.
        assertThat(items("bbox", area, "datetime", "2025-03-01T08:30:00.5Z/..").getList("features.id", Long.class),
                equalTo(List.of(id)));
    }

    @Test
    void shouldReadADateFollowedByABareTAsThatDate() {
        Map<String, Object> early = Incidents.point("interop 28 February", 131.0, -53.0);
        Incidents.properties(early).put("occurred_at", "2025-02-28T12:00:00Z");
        Map<String, Object> late = Incidents.point("interop 1 March", 131.0, -53.0);
        Incidents.properties(late).put("occurred_at", "2025-03-01T00:00:00Z");
        Incidents.create(early);
        Incidents.create(late);

        assertThat(items("bbox", "130.9,-53.1,131.1,-52.9", "datetime", "2025-03-01T/..")
                .getList("features.properties.title"), equalTo(List.of("interop 1 March")));
        assertThat(items("bbox", "130.9,-53.1,131.1,-52.9", "datetime", "../2025-02-28T")
                .getList("features.properties.title"), equalTo(List.of("interop 28 February")));
    }

    @Test
    void shouldAcceptAcledLabelsWhereverACategoryIsNamed() {
        Map<String, Object> clash = Incidents.point("interop labelled", 131.0, -54.0);
        Incidents.properties(clash).put("category", "Explosions/Remote violence");
        Incidents.properties(clash).put("sub_category", "Air/drone strike");
        long id = Incidents.create(clash);

        JsonPath stored = given().get("/collections/incidents/items/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(stored.getString("properties.category"), equalTo("explosions_remote_violence"));
        assertThat(stored.getString("properties.sub_category"), equalTo("air_drone_strike"));
        String area = "130.9,-54.1,131.1,-53.9";
        assertThat(items("bbox", area, "category", "EXPLOSIONS/REMOTE VIOLENCE,Battles").getList("features.id",
                Long.class), equalTo(List.of(id)));
        assertThat(items("bbox", area, "category", "Battles").getList("features"), equalTo(List.of()));
        given().queryParam("category", "Skirmishes").get("/collections/incidents/items").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("'Skirmishes' is not a category"));
    }
}
