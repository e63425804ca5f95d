package org.incidentmap.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.incidentmap.support.TestIdentity;
import org.junit.jupiter.api.Test;

/** Secure by default: a service given no key to check tokens with refuses every write and says how to enable them. */
@QuarkusTest
@TestProfile(NoSigningKeyTest.NoKey.class)
class NoSigningKeyTest {

    public static class NoKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // NONE is smallrye-jwt's word for no key (an empty value is refused once the property is known).
            return Map.of("mp.jwt.verify.publickey.location", "NONE");
        }

        /** The database only: not the test key every other test class is given. */
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgisTestResource.class));
        }
    }

    @Test
    void shouldRefuseWritesAndSayHowToEnableThem() {
        given().header("Authorization", TestIdentity.ANONYMOUS).contentType("application/geo+json")
                .body(Incidents.point("no key", -33.0, 13.0)).when().post("/collections/incidents/items").then()
                .statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("src/ops/tokens.sh keys"))
                .body("detail", containsString("mp.jwt.verify.publickey.location"));
        given().header("Authorization", TestIdentity.ANONYMOUS).when().get("/collections/incidents/items").then()
                .statusCode(200);
    }
}
