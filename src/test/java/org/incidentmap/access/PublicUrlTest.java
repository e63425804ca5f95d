package org.incidentmap.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/** With a public URL configured, links and Location use it whatever Host or forwarding headers a client sends. */
@QuarkusTest
@TestProfile(PublicUrlTest.BehindAProxy.class)
@QuarkusTestResource(PostgisTestResource.class)
class PublicUrlTest {

    static final String PUBLIC = "https://maps.example.org/incidents/";

    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("incidentmap.http.public-url", PUBLIC);
        }
    }

    @Test
    void shouldBuildEveryLinkFromThePublicUrl() {
        given().header("Host", "evil.example").header("X-Forwarded-Host", "evil.example").when().get("/")
                .then().statusCode(200).body("links.href", everyItem(startsWith(PUBLIC)));
        given().when().get("/collections/incidents/items?limit=1&bbox=-180,-90,180,90")
                .then().statusCode(200).body("links.href", everyItem(startsWith(PUBLIC + "collections/incidents")));
        given().contentType("application/geo+json").body(Incidents.point("Linked publicly", -33.3, -44.4))
                .when().post("/collections/incidents/items")
                .then().statusCode(201).header("Location", startsWith(PUBLIC + "collections/incidents/items/"));
    }
}
