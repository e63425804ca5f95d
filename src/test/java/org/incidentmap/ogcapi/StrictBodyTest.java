package org.incidentmap.ogcapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.incidentmap.support.TestIdentity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Bodies are read strictly: one JSON value with no key twice, a declared Content-Type, and a PUT keeps its id. */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class StrictBodyTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    private static String feature() {
        try {
            return JSON.writeValueAsString(Incidents.point("Strict", -20, 20));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"}}garbage", "{}", " {\"type\":\"Feature\"}", "[]", "x"})
    void shouldRefuseAnythingAfterTheFeature(String tail) {
        int before = Incidents.count();
        given().contentType("application/geo+json").body(feature() + tail).post("/collections/incidents/items")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/geo+json").body(feature() + tail).put("/collections/incidents/items/1")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.not(containsString("jackson")));
        given().contentType("application/geo+json").body("{\"type\":\"Point\",\"coordinates\":[1,2]}" + tail)
                .post("/collections/incidents/search").then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, Incidents.count());
    }

    @Test
    void shouldRefuseAKeyGivenTwice() {
        int before = Incidents.count();
        String twice = feature().replaceFirst("\\{", "{\"type\":\"FeatureCollection\",");
        given().contentType("application/geo+json").body(twice).post("/collections/incidents/items")
                .then().statusCode(400).body("detail", containsString("Duplicate field 'type'"));
        given().contentType("application/geo+json").body(twice).put("/collections/regions/items/datour")
                .then().statusCode(400).body("detail", containsString("Duplicate"));
        assertEquals(before, Incidents.count());
    }

    @Test
    void shouldRefuseAWriteWithoutContentType() throws Exception {
        int before = Incidents.count();
        HttpResponse<String> none = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                base.resolve("collections/incidents/items")).header("Authorization", TestIdentity.adminAuthorization()).POST(HttpRequest.BodyPublishers.ofString(feature())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(415, none.statusCode());
        assertTrue(none.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(none.body().contains("Content-Type"));
        given().contentType("").body(feature().getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/collections/incidents/items").then().statusCode(415);
        assertEquals(before, Incidents.count());
    }

    @Test
    void shouldRefuseAPutWhoseBodyNamesAnotherFeature() throws Exception {
        long id = Incidents.create(Incidents.point("Kept", -20.5, 20.5));
        String other = JSON.writeValueAsString(Incidents.point("Moved", -20.5, 20.5)).replaceFirst("\\{",
                "{\"id\":" + (id + 1000) + ",");
        given().contentType("application/geo+json").body(other).put("/collections/incidents/items/" + id)
                .then().statusCode(400).body("errors[0].pointer", org.hamcrest.Matchers.equalTo("#/id"));
        given().get("/collections/incidents/items/" + id).then().body("properties.title",
                org.hamcrest.Matchers.equalTo("Kept"));
        String same = other.replace("\"id\":" + (id + 1000), "\"id\":" + id);
        given().contentType("application/geo+json").body(same).put("/collections/incidents/items/" + id)
                .then().statusCode(200);
    }
}
