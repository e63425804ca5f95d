package org.incidentmap.ogcapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/** properties=, skipGeometry= and offset= on items (incidents and regions), in an area of their own. */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class FeatureShapeTest {

    private static final String AREA = "160.9,-71.01,161.1,-70.99";

    @Test
    void shouldAnswerOnlyThePropertiesAskedForAndNoGeometryWhenSkipped() {
        Incidents.create(Incidents.point("shape only", 161.0, -71.0));
        JsonPath page = given().queryParam("bbox", AREA).queryParam("properties", "title,fatalities")
                .queryParam("skipGeometry", "true").when().get("/collections/incidents/items").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Object> properties = page.getMap("features[0].properties");
        assertThat(properties, equalTo(Map.of("title", "shape only", "fatalities", 0)));
        assertThat(page.get("features[0].geometry"), nullValue());
        assertThat(page.getString("features[0].type"), equalTo("Feature"));
        given().queryParam("properties", "name").queryParam("skipGeometry", "false").when()
                .get("/collections/regions/items/latakia").then().statusCode(400); // items only, not a single item
        given().queryParam("properties", "kind").when().get("/collections/regions/items").then().statusCode(200)
                .body("features[0].properties.keySet()", equalTo(java.util.Set.of("kind")))
                .body("features[0].geometry", not(nullValue()));
    }

    @Test
    void shouldRefuseUnknownPropertiesAndSkipGeometryValues() {
        given().queryParam("properties", "title,colour").when().get("/collections/incidents/items").then()
                .statusCode(400).body("detail", containsString("'colour' is not a property of these features"));
        given().queryParam("skipGeometry", "yes").when().get("/collections/incidents/items").then()
                .statusCode(400).body("detail", containsString("neither true nor false"));
        given().queryParam("properties", "title").queryParam("by", "category").when()
                .get("/collections/incidents/aggregate").then().statusCode(400);
    }

    @Test
    void shouldPageByOffsetAsOwsLibDoesAndLinkTheNextPageByCursor() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(Incidents.create(Incidents.point("offset " + i, 161.0, -70.95)));
        }
        String area = "160.9,-70.96,161.1,-70.94";
        JsonPath second = given().queryParam("bbox", area).queryParam("limit", 2).queryParam("offset", 2).when()
                .get("/collections/incidents/items").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("features.id", Long.class), equalTo(ids.subList(2, 4)));
        assertThat(second.getInt("numberMatched"), equalTo(5));
        String next = second.getString("links.find { it.rel == 'next' }.href");
        assertThat(next, not(containsString("offset=")));
        assertThat(given().urlEncodingEnabled(false).when().get(next).then().statusCode(200).extract().jsonPath()
                .getList("features.id", Long.class), equalTo(ids.subList(4, 5)));
        given().queryParam("offset", -1).when().get("/collections/incidents/items").then().statusCode(400);
        given().queryParam("offset", 1).queryParam("near", "161,-70.95").queryParam("radius", "1km").when()
                .get("/collections/incidents/items").then().statusCode(400)
                .body("detail", containsString("nearest-first pages go by their next links"));
        given().queryParam("offset", 1).when().get("/collections/regions/items").then().statusCode(200);
    }
}
