package org.incidentmap.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/** With incidentmap.writes.require-if-match, a PUT, PATCH or DELETE without If-Match is a 428 and changes nothing. */
@QuarkusTest
@TestProfile(RequiredIfMatchTest.RequireIfMatch.class)
@QuarkusTestResource(PostgisTestResource.class)
class RequiredIfMatchTest {

    public static class RequireIfMatch implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("incidentmap.writes.require-if-match", "true");
        }
    }

    @Test
    void shouldRequireIfMatchOnEveryChangeOfAFeature() {
        long id = Incidents.create(Incidents.point("Guarded", 36.2, 35.3));
        String path = "/collections/incidents/items/" + id;
        Map<String, Object> replacement = Incidents.point("Unseen change", 36.2, 35.3);
        given().contentType("application/geo+json").body(replacement).when().put(path).then().statusCode(428)
                .contentType("application/problem+json").body("detail", containsString("If-Match"));
        given().contentType("application/merge-patch+json").body("{\"properties\": {\"fatalities\": 1}}").when()
                .patch(path).then().statusCode(428);
        given().when().delete(path).then().statusCode(428);
        given().when().delete("/collections/regions/items/qardaha").then().statusCode(428);
        String tag = given().when().get(path).then().extract().header("ETag");
        given().header("If-Match", tag).when().delete(path).then().statusCode(204);
    }
}
