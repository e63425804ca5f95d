package org.incidentmap.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/**
 * With every export or import slot taken (here: none configured), an export or a bulk import is refused with a 503
 * saying when to retry; single writes and queries are not held up.
 */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
@TestProfile(ExportBusyTest.NoSlots.class)
class ExportBusyTest {

    public static class NoSlots implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("incidentmap.export.max-concurrent", "0", "incidentmap.import.max-concurrent", "0",
                    "incidentmap.seed.enabled", "false");
        }
    }

    @Test
    void shouldAnswerBusyWithRetryAfter() {
        given().get("/collections/incidents/export").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "10")
                .body("detail", containsString("export"));
        // Queries are not exports: they still answer.
        given().get("/collections/incidents/items").then().statusCode(200);
    }

    @Test
    void shouldAnswerBusyToABulkImportButStoreASingleFeature() {
        given().contentType("application/geo+json")
                .body(Incidents.collection(List.of(Incidents.point("Queued", 140, -50), Incidents.point("Queued", 140, -50))))
                .post("/collections/incidents/items").then().statusCode(503).header("Retry-After", "10")
                .contentType("application/problem+json").body("detail", containsString("import"));
        given().contentType("application/geo+json").body(Incidents.point("Single", 140, -50))
                .post("/collections/incidents/items").then().statusCode(201);
    }
}
