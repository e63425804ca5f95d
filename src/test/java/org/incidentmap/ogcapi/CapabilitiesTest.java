package org.incidentmap.ogcapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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
                .body("links.href", everyItem(startsWith("http")));
    }

    @Test
    void shouldServeAnOpenApi30DocumentDeclaringEveryItemsParameter() {
        String href = given().when().get("/").then().extract().jsonPath()
                .getString("links.find { it.rel == 'service-desc' }.href");
        JsonPath api = given().urlEncodingEnabled(false).when().get(href).then().statusCode(200)
                .contentType("application/vnd.oai.openapi+json;version=3.0").extract().jsonPath();
        assertThat(api.getString("openapi"), startsWith("3.0"));
        String items = "paths.'/collections/incidents/items'.get.parameters";
        // The items parameters, then each queryable but geometry and category (a parameter of its own already).
        assertThat(api.getList(items + ".name"), containsInAnyOrder("bbox", "datetime",
                "limit", "cursor", "crs", "bbox-crs", "properties", "skipGeometry", "offset", "filter", "filter-lang",
                "filter-crs", "near", "radius", "region", "intersects", "category", "fatalities_min", "sortby",
                "updated_after", "tombstones",
                "title", "description", "sub_category", "occurred_at", "occurred_until", "time_precision",
                "fatalities", "actors", "location_name", "admin1", "admin2", "geo_precision", "external_id"));
        assertThat(api.getList(items + ".style"), everyItem(equalTo("form")));
        assertThat(api.getList(items + ".explode"), everyItem(equalTo(false)));
        assertThat(api.getInt(items + ".find { it.name == 'limit' }.schema.maximum"),
                equalTo(ItemsParams.MAX_LIMIT));
        assertThat(api.getList("paths.'/collections/regions/items'.get.parameters.name"),
                containsInAnyOrder("bbox", "datetime", "limit", "cursor", "crs", "bbox-crs", "properties", "skipGeometry",
                        "offset", "filter", "filter-lang", "filter-crs", "sortby", "updated_after", "tombstones", "id", "name",
                        "kind",
                        "approximate"));
    }

    @Test
    void shouldServeTheApiDefinitionInTheFormatAskedFor() {
        // The OGC test suite appends f=application/json to the service-desc link, then tries f=json.
        given().urlEncodingEnabled(false).when().get("/api?f=application/json").then().statusCode(200)
                .contentType("application/vnd.oai.openapi+json;version=3.0").body("openapi", startsWith("3.0"));
        given().when().get("/api?f=json").then().statusCode(200).body("openapi", startsWith("3.0"));
        String yaml = given().when().get("/api?f=yaml").then().statusCode(200)
                .contentType("application/vnd.oai.openapi;version=3.0").extract().asString();
        assertThat(yaml, startsWith("---"));
        assertThat(yaml, containsString("servers:"));
    }

    @Test
    void shouldNameTheBaseUrlInServersSoPathsJoinToItWhateverUrlAClientWasGiven() {
        // The OGC test suite given ".../" built "//conformance" from a document without servers.
        given().when().get("/api").then().statusCode(200)
                .body("servers[0].url", equalTo(RestAssured.baseURI + ":" + RestAssured.port));
        given().when().get("/api?f=xml").then().statusCode(400).body("errors[0].parameter", equalTo("f"));
    }

    @Test
    void shouldDeclareOnlyImplementedConformanceClasses() {
        given().when().get("/conformance").then().statusCode(200)
                .body("conformsTo", containsInAnyOrder(
                        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
                        "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
                        "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update",
                        "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/optimistic-locking-etags",
                        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                        "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
                        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
                        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
                        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
                        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
                        "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
                        "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
                        "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
                        "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
                        "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
                        "http://www.opengis.net/spec/cql2/1.0/conf/accent-insensitive-comparison",
                        "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
                        "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
                        "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
                        "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions",
                        "http://www.opengis.net/spec/cql2/1.0/conf/array-functions",
                        "http://www.opengis.net/spec/cql2/1.0/conf/property-property",
                        "http://www.opengis.net/spec/cql2/1.0/conf/arithmetic"));
    }

    @Test
    void shouldComputeExtentsFromTheData() {
        JsonPath incidents = given().config(Incidents.DOUBLES).when().get("/collections/incidents")
                .then().statusCode(200).body("id", equalTo("incidents"))
                .body("links.find { it.rel == 'items' }.type", equalTo("application/geo+json"))
                .extract().jsonPath();
        List<Double> bbox = incidents.getList("extent.spatial.bbox[0]", Double.class);
        assertThat(bbox.get(0), lessThanOrEqualTo(35.783));
        assertThat(bbox.get(2), greaterThanOrEqualTo(36.0597));
        assertThat(incidents.getString("extent.temporal.interval[0][0]"),
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
                .body("detail", containsString("/nothing/here"));
    }

    @Test
    void shouldAnswerAWrongMethodWithA405Problem() {
        given().when().patch("/collections/incidents/items").then().statusCode(405)
                .contentType("application/problem+json").header("Allow", containsString("GET"));
        given().when().delete("/collections").then().statusCode(405)
                .contentType("application/problem+json").header("Allow", containsString("GET"));
    }

    @Test
    void shouldLetBrowserMapsOnAnyOriginReadFeaturesWithoutCredentials() {
        for (String origin : List.of("https://maps.example.org", "null")) {
            List<String> vary = given().header("Origin", origin).when().get("/collections/incidents/items?limit=1")
                    .then().statusCode(200).header("Access-Control-Allow-Origin", "*").extract().headers()
                    .getValues("Vary");
            assertTrue(vary.contains("Origin"), vary.toString()); // beside Vary: Accept (HTML or JSON)
            given().header("Origin", origin).header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "content-type")
                    .when().options("/collections/incidents/search")
                    .then().statusCode(204).header("Access-Control-Allow-Origin", "*")
                    .header("Access-Control-Allow-Headers", "content-type");
        }
    }

    @Test
    void shouldRefuseWritesFromPagesOnOriginsNotConfigured() {
        int before = Incidents.count();
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "DELETE")
                .when().options("/collections/incidents/items/1")
                .then().statusCode(403).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", (String) null);
        given().header("Origin", "null").contentType("application/geo+json")
                .body(Incidents.point("From a sandboxed page", 10, 10)).when().post("/collections/incidents/items")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("incidentmap.cors.write-origins"));
        assertEquals(before, Incidents.count());
    }

    @Test
    void shouldRefuseAHostItDoesNotAnswerToInsteadOfPuttingItInLinks() {
        given().header("Host", "evil.example").when().get("/collections")
                .then().statusCode(421).contentType("application/problem+json")
                .body("detail", containsString("incidentmap.http.hosts"));
        given().header("Host", "127.0.0.1:" + RestAssured.port).when().get("/")
                .then().statusCode(200).body("links[0].href", startsWith("http://127.0.0.1:"));
    }

    @Test
    void shouldCompressGeoJsonWhenTheClientAsks() {
        given().header("Accept-Encoding", "gzip").when().get("/collections/incidents/items")
                .then().statusCode(200).header("Content-Encoding", "gzip").body("type", equalTo("FeatureCollection"));
    }
}
