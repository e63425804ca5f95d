package org.incidentmap.incident;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/** The collection's extent follows every write: it grows with an insert and shrinks back after a delete. */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class IncidentExtentTest {

    @Test
    void shouldGrowWithAnOutlyingIncidentAndShrinkWhenItIsDeleted() {
        Map<String, Object> outlier = Incidents.point("Outlier far south, long ago", 12.5, -89.25);
        Incidents.properties(outlier).put("occurred_at", "1901-02-03");
        long id = Incidents.create(outlier);

        JsonPath grown = collection();
        assertEquals(-89.25, grown.getDouble("extent.spatial.bbox[0][1]"), 1e-9);
        assertEquals("1901-02-03T00:00:00Z", grown.getString("extent.temporal.interval[0][0]"));

        given().delete("/collections/incidents/items/" + id).then().statusCode(204);
        JsonPath shrunk = collection();
        assertNotEquals(-89.25, shrunk.getDouble("extent.spatial.bbox[0][1]"), 1e-9);
        assertNotEquals("1901-02-03T00:00:00Z", shrunk.getString("extent.temporal.interval[0][0]"));

        // Moving an incident out to the edge by replacing it grows the extent too.
        long moved = Incidents.create(Incidents.point("Moved later", 36.0, 35.5));
        Map<String, Object> replacement = Incidents.point("Moved later", 12.5, -89.5);
        given().contentType("application/geo+json").body(replacement)
                .put("/collections/incidents/items/" + moved).then().statusCode(200);
        assertEquals(-89.5, collection().getDouble("extent.spatial.bbox[0][1]"), 1e-9);
        given().delete("/collections/incidents/items/" + moved).then().statusCode(204);
    }

    private static JsonPath collection() {
        return given().config(Incidents.DOUBLES).get("/collections/incidents").then().statusCode(200)
                .extract().jsonPath();
    }
}
