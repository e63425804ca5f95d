package org.incidentmap.cql2;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.incidentmap.support.Regions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Queryables as query parameters (OGC API - Features Part 3): {@code admin2=Jableh} is {@code admin2 = 'Jableh'}
 * on items, search, export, counts and tiles, typed as the queryable is, for incidents and regions alike.
 */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class QueryableParametersTest {

    private static final String AREA = "160.9,-70.1,161.1,-69.9";
    private static boolean seeded;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        Object[][] rows = {{"qp jableh dead", "Jableh", 2, "day", "2025-03-04", "Syrian Ministry of Defence personnel"},
            {"qp jableh none", "Jableh", 0, "week", "2025-02-24", "Police forces of Syria"},
            {"qp latakia dead", "Latakia", 2, "day", "2025-03-05", "Syrian Ministry of Defence personnel"}};
        for (Object[] row : rows) {
            Map<String, Object> f = Incidents.point((String) row[0], 161.0, -70.0);
            Map<String, Object> p = Incidents.properties(f);
            p.put("admin2", row[1]);
            p.put("fatalities", row[2]);
            p.put("time_precision", row[3]);
            p.put("occurred_at", row[4]);
            p.put("actors", List.of(row[5], "Assad loyalist militia remnants"));
            Incidents.create(f);
        }
        seeded = true;
    }

    private static RequestSpecification in(String... paramsAndValues) {
        RequestSpecification request = given().queryParam("bbox", AREA);
        for (int i = 0; i < paramsAndValues.length; i += 2) {
            request.queryParam(paramsAndValues[i], paramsAndValues[i + 1]);
        }
        return request;
    }

    private static List<String> titles(String... paramsAndValues) {
        return in(paramsAndValues).when().get("/collections/incidents/items").then().statusCode(200).extract()
                .jsonPath().getList("features.collect { it.properties.title }");
    }

    @Test
    void shouldKeepTheIncidentsWhosePropertyEqualsTheParameter() {
        assertThat(titles("admin2", "Jableh"), containsInAnyOrder("qp jableh dead", "qp jableh none"));
        assertThat(titles("admin2", "Jableh", "fatalities", "2"), equalTo(List.of("qp jableh dead")));
        assertThat(titles("time_precision", "week"), equalTo(List.of("qp jableh none")));
        assertThat(titles("admin2", "Tartus"), empty());
        // The same answer as the filter it stands for, and both together narrow each other.
        assertThat(titles("admin2", "Jableh"), equalTo(titles("filter", "admin2 = 'Jableh'")));
        assertThat(titles("admin2", "Latakia", "filter", "fatalities > 1"), equalTo(List.of("qp latakia dead")));
    }

    @Test
    void shouldReadEachValueAsItsQueryablesType() {
        assertThat(titles("occurred_at", "2025-03-04"), equalTo(List.of("qp jableh dead")));
        assertThat(titles("occurred_at", "2025-03-05T00:00:00Z"), equalTo(List.of("qp latakia dead")));
        assertThat(titles("actors", "Police forces of Syria"), equalTo(List.of("qp jableh none")));
        assertThat(titles("actors", "Assad loyalist militia remnants").size(), equalTo(3));
        assertThat(titles("fatalities", "2.0").size(), equalTo(2));
    }

    @Test
    void shouldRefuseAValueThatIsNotOfTheQueryablesType() {
        for (String[] bad : new String[][] {{"fatalities", "two", "not a number"},
            {"occurred_at", "yesterday", "2025-03-04"}, {"time_precision", "hourly", "hourly"}}) {
            in(bad[0], bad[1]).when().get("/collections/incidents/items").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].parameter", equalTo(bad[0])).body("detail", containsString(bad[2]));
        }
        given().queryParam("approximate", "maybe").when().get("/collections/regions/items").then().statusCode(400)
                .body("errors[0].parameter", equalTo("approximate"));
        // A name that is neither a parameter nor a queryable is still refused, and the message lists both.
        given().queryParam("admin3", "x").when().get("/collections/incidents/items").then().statusCode(400)
                .body("detail", containsString("the queryables")).body("detail", containsString("admin2"));
        // The geometry is not a parameter: bbox, intersects and filter are.
        given().queryParam("geometry", "POINT(1 2)").when().get("/collections/incidents/items").then()
                .statusCode(400);
    }

    @Test
    void shouldApplyToSearchExportCountsAndTilesAsToItems() {
        String posted = "POLYGON((160.9 -70.1, 161.1 -70.1, 161.1 -69.9, 160.9 -69.9, 160.9 -70.1))";
        assertThat(given().queryParam("admin2", "Jableh").contentType("text/plain").body(posted).when()
                .post("/collections/incidents/search").then().statusCode(200).extract().jsonPath()
                .getList("features.properties.title"), containsInAnyOrder("qp jableh dead", "qp jableh none"));
        String seq = in("admin2", "Latakia", "f", "geojsonseq").when().get("/collections/incidents/export").then()
                .statusCode(200).extract().asString();
        assertThat(seq.lines().filter(l -> !l.isBlank()).count(), equalTo(1L));
        JsonPath counts = in("admin2", "Jableh", "by", "category").when().get("/collections/incidents/aggregate")
                .then().statusCode(200).extract().jsonPath();
        assertThat(counts.getInt("total.incidents"), equalTo(2));
        given().queryParam("admin2", "Jableh").when().get("/collections/incidents/tiles/WebMercatorQuad/0/0/0")
                .then().statusCode(200);
        given().queryParam("admin2", "Nowhere").when().get("/collections/incidents/tiles/WebMercatorQuad/0/0/0")
                .then().statusCode(204);
    }

    @Test
    void shouldFilterRegionsByTheirQueryablesToo() {
        given().contentType("application/geo+json").body(Regions.square("qp-town", "Qp Town", "town", 162.0, -71.0,
                0.1)).when().post("/collections/regions/items").then().statusCode(201);
        given().contentType("application/geo+json").body(Regions.square("qp-city", "Qp City", "city", 162.2, -71.0,
                0.1)).when().post("/collections/regions/items").then().statusCode(201);
        List<String> ids = given().queryParam("bbox", "161.9,-71.1,162.4,-70.8").queryParam("kind", "city").when()
                .get("/collections/regions/items").then().statusCode(200).extract().jsonPath().getList("features.id");
        assertThat(ids, equalTo(List.of("qp-city")));
        assertThat(given().queryParam("name", "Qp Town").queryParam("approximate", "true").when()
                .get("/collections/regions/items").then().statusCode(200).extract().jsonPath()
                .getList("features.id"), equalTo(List.of("qp-town")));
    }

    @Test
    void shouldDeclareTheParametersInTheApiDefinition() {
        JsonPath api = given().when().get("/api").then().statusCode(200).extract().jsonPath();
        String items = "paths.'/collections/incidents/items'.get.parameters";
        assertThat(api.getList(items + ".name"), hasItem("admin2"));
        assertThat(api.getList(items + ".name"), not(hasItem("geometry")));
        assertThat(api.getList(items + ".findAll { it.name == 'category' }").size(), equalTo(1));
        assertThat(api.getList(items + ".find { it.name == 'time_precision' }.schema.enum"), hasItem("week"));
        assertThat(api.getString(items + ".find { it.name == 'fatalities' }.schema.type"), equalTo("integer"));
        assertThat(api.getList("paths.'/collections/regions/items'.get.parameters.name"), hasItem("kind"));
        assertThat(given().when().get("/conformance").then().extract().jsonPath().getList("conformsTo"),
                hasItem("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters"));
    }
}
