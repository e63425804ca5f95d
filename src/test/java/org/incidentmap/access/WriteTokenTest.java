package org.incidentmap.access;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/** With a write token configured, only requests carrying it may change data; reading stays open. */
@QuarkusTest
@TestProfile(WriteTokenTest.WithToken.class)
@QuarkusTestResource(PostgisTestResource.class)
class WriteTokenTest {

    public static class WithToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("incidentmap.write-token", "s3cret-token");
        }
    }

    @Test
    void shouldRefuseWritesWithoutTheTokenAndStoreNothing() {
        int before = Incidents.count();
        given().contentType("application/geo+json").body(Incidents.point("no token", -33.0, 13.0))
                .when().post("/collections/incidents/items")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().header("Authorization", "Bearer wrong").contentType("application/geo+json")
                .body(Incidents.point("wrong token", -33.0, 13.0))
                .when().post("/collections/incidents/items").then().statusCode(401);
        assertEquals(before, Incidents.count());
    }

    @Test
    void shouldAllowWritesWithTheToken() {
        long id = given().header("Authorization", "Bearer s3cret-token").contentType("application/geo+json")
                .body(Incidents.point("with token", -33.1, 13.1))
                .when().post("/collections/incidents/items").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        given().when().delete("/collections/incidents/items/" + id).then().statusCode(401);
        given().header("Authorization", "Bearer s3cret-token").when().delete("/collections/incidents/items/" + id)
                .then().statusCode(204);
    }

    @Test
    void shouldKeepReadsAndSearchesOpen() {
        given().when().get("/collections/incidents/items").then().statusCode(200);
        given().contentType("text/plain").body("POINT(35.783 35.517)").when().post("/collections/incidents/search")
                .then().statusCode(200);
    }
}
