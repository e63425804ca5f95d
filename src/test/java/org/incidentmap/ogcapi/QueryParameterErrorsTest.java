package org.incidentmap.ogcapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad query parameter gets a 400 problem that names it. */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class QueryParameterErrorsTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "bbox|35.7,35.4,36.1",
        "bbox|35.7,35.6,36.1,35.4",
        "bbox|a,b,c,d",
        "bbox|35.7,-95,36.1,35.4",
        "datetime|yesterday",
        "datetime|2025-03-05/2025-03-01",
        "datetime|../..",
        "datetime|2025-02-30",
        "datetime|+999999999-01-01T00:00:00Z/..",
        "datetime|2025-03-01/P300000Y",
        "datetime|2025-03-01/P9999999999Y",
        "datetime|P300000Y/2025-03-01",
        "datetime|9999-12-31/P1D",
        "limit|0",
        "limit|-3",
        "limit|ten",
        "limit|2.5",
        "limit|0000000000",
        "limit|00",
        "radius|0",
        "radius|-5km",
        "radius|1001km",
        "radius|far",
        "near|35.7",
        "near|35.7,91",
        "category|skirmish",
        "category|battles,",
        "fatalities_min|-1",
        "intersects|POLYGON((0 0, 1 1))",
        "intersects|{\"type\":\"Point\"}",
        "cursor|%%%",
        "cursor|bm9wZQ",
        "cursor|aTotNQ",
        "cursor|aTorNQ",
        "cursor|ZDpOYU46NQ",
        "colour|red",
    })
    void shouldRejectWith400NamingTheParameter(String parameter, String value) {
        var request = given().queryParam(parameter, value);
        if (parameter.equals("radius")) {
            request.queryParam("near", "35.783,35.517");
        }
        if (parameter.equals("near")) {
            request.queryParam("radius", "5km");
        }
        request.when().get("/collections/incidents/items")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].parameter", equalTo(parameter))
                .body("errors[0].detail", not(emptyOrNullString()));
    }

    @ParameterizedTest(name = "regions cursor {0}")
    @CsvSource({"WCBZ", "JTAw", "aTox"})
    void shouldRejectARegionsCursorThisServiceCouldNotHaveMade(String cursor) {
        given().queryParam("cursor", cursor).when().get("/collections/regions/items")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("cursor"));
    }

    @ParameterizedTest(name = "{0} alone")
    @CsvSource({"near,35.783;35.517,radius", "radius,25km,near"})
    void shouldRequireNearAndRadiusTogether(String given, String value, String missing) {
        given().queryParam(given, value.replace(';', ',')).when().get("/collections/incidents/items")
                .then().statusCode(400).body("errors[0].parameter", equalTo(missing));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/collections/regions/items?category=battles", "/collections?limit=3", "/conformance?f=xml",
        "/collections/incidents/items?bbox=1,2,3,4&bbox=1,2,3,4"})
    void shouldRejectUndeclaredOrRepeatedParametersEverywhere(String url) {
        given().urlEncodingEnabled(false).when().get(url).then().statusCode(400).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0}=")
    @CsvSource({"bbox", "datetime", "category", "limit"})
    void shouldTreatAnEmptyValueAsAbsent(String parameter) {
        int all = given().when().get("/collections/incidents/items").then().extract().jsonPath().getInt("numberMatched");
        given().urlEncodingEnabled(false).when().get("/collections/incidents/items?" + parameter + "=")
                .then().statusCode(200).body("numberMatched", equalTo(all));
    }
}
