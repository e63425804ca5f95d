package org.incidentmap.ogcapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/** Landing page, conformance, collections and the API definition, as OGC API clients read them. */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class CapabilitiesTest {

    @Test
    void shouldLinkTheLandingPageToEverythingAClientNeeds() {
        given().when().get("/").then().statusCode(200).contentType("application/json")
                .body("links.rel", hasItems("self", "service-desc", "conformance", "data"))
                .body("links.find { it.rel == 'service-desc' }.type",
                        equalTo("application/vnd.oai.openapi+json;version=3.0"))
                .body("links.href", org.hamcrest.Matchers.everyItem(startsWith("http")));
    }

    @Test
    void shouldServeAnOpenApi30DocumentDeclaringEveryItemsParameter() {
        String href = given().when().get("/").then().extract().jsonPath()
                .getString("links.find { it.rel == 'service-desc' }.href");
        JsonPath api = given().urlEncodingEnabled(false).when().get(href).then().statusCode(200)
                .contentType("application/vnd.oai.openapi+json;version=3.0").extract().jsonPath();
        org.hamcrest.MatcherAssert.assertThat(api.getString("openapi"), startsWith("3.0"));
        String items = "paths.'/collections/incidents/items'.get.parameters";
        org.hamcrest.MatcherAssert.assertThat(api.getList(items + ".name"), containsInAnyOrder("bbox", "datetime",
                "limit", "cursor", "near", "radius", "region", "intersects", "category", "fatalities_min"));
        org.hamcrest.MatcherAssert.assertThat(api.getList(items + ".style"), org.hamcrest.Matchers.everyItem(equalTo("form")));
        org.hamcrest.MatcherAssert.assertThat(api.getList(items + ".explode"), org.hamcrest.Matchers.everyItem(equalTo(false)));
        org.hamcrest.MatcherAssert.assertThat(api.getInt(items + ".find { it.name == 'limit' }.schema.maximum"),
                equalTo(ItemsParams.MAX_LIMIT));
        org.hamcrest.MatcherAssert.assertThat(api.getList("paths.'/collections/regions/items'.get.parameters.name"),
                containsInAnyOrder("bbox", "datetime", "limit", "cursor"));
    }

    @Test
    void shouldDeclareOnlyImplementedConformanceClasses() {
        given().when().get("/conformance").then().statusCode(200)
                .body("conformsTo", containsInAnyOrder(
                        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30"));
    }

    @Test
    void shouldComputeExtentsFromTheData() {
        JsonPath incidents = given().config(Incidents.DOUBLES).when().get("/collections/incidents")
                .then().statusCode(200).body("id", equalTo("incidents"))
                .body("links.find { it.rel == 'items' }.type", equalTo("application/geo+json"))
                .extract().jsonPath();
        List<Double> bbox = incidents.getList("extent.spatial.bbox[0]", Double.class);
        org.hamcrest.MatcherAssert.assertThat(bbox.get(0), lessThanOrEqualTo(35.783));
        org.hamcrest.MatcherAssert.assertThat(bbox.get(2), org.hamcrest.Matchers.greaterThanOrEqualTo(36.0597));
        org.hamcrest.MatcherAssert.assertThat(incidents.getString("extent.temporal.interval[0][0]"),
                lessThanOrEqualTo("2025-02-18T00:00:00Z"));

        given().when().get("/collections").then().statusCode(200)
                .body("collections.id", containsInAnyOrder("incidents", "regions"))
                .body("collections.find { it.id == 'regions' }.extent.temporal", equalTo(null));
    }

    @Test
    void shouldAnswerUnknownCollectionsAndPathsWith404Problems() {
        given().when().get("/collections/attacks").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/collections/attacks/items").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/nothing/here").then().statusCode(404).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("/nothing/here"));
    }

    @Test
    void shouldAnswerAWrongMethodWithA405Problem() {
        given().when().patch("/collections/incidents/items").then().statusCode(405)
                .contentType("application/problem+json");
    }
}
