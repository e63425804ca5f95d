package org.incidentmap.access;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.incidentmap.support.PostgisTestResource;
import org.incidentmap.support.TestIdentity;
import org.junit.jupiter.api.Test;

/** With incidentmap.reads.public=false, reading takes a token of any role; how to reach the service stays open. */
@QuarkusTest
@TestProfile(PrivateReadsTest.Private.class)
@QuarkusTestResource(PostgisTestResource.class)
class PrivateReadsTest {

    public static class Private implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("incidentmap.reads.public", "false");
        }
    }

    @Test
    void shouldAskReadersForAToken() {
        given().header("Authorization", TestIdentity.ANONYMOUS).when().get("/collections/incidents/items").then()
                .statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().header("Authorization", TestIdentity.ANONYMOUS).contentType("text/plain").body("POINT(35.78 35.51)")
                .when().post("/collections/incidents/search").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestIdentity.token("reader", "rita")).when()
                .get("/collections/incidents/items").then().statusCode(200);
        for (String open : new String[] {"/", "/conformance", "/api"}) {
            given().header("Authorization", TestIdentity.ANONYMOUS).when().get(open).then().statusCode(200);
        }
    }
}
