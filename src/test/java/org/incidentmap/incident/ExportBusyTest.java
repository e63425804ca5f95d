package org.incidentmap.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/** With every export slot taken (here: none configured), an export is refused with a 503 saying when to retry. */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
@TestProfile(ExportBusyTest.NoSlots.class)
class ExportBusyTest {

    public static class NoSlots implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("incidentmap.export.max-concurrent", "0", "incidentmap.seed.enabled", "false");
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
}
