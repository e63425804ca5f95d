package org.incidentmap.ogcapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/**
 * OGC API - Features Part 2: features answered in CRS84, EPSG:4326 (latitude first) or EPSG:3857, a bbox read in
 * any of them, Content-Crs naming the CRS of the answer. The probe incident lies at 10 E, 45 N, where Web
 * Mercator's coordinates are known: x = 1,113,194.908 m, y = 5,621,521.486 m.
 */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class CrsTest {

    private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    private static final String EPSG_4326 = "http://www.opengis.net/def/crs/EPSG/0/4326";
    private static final String EPSG_3857 = "http://www.opengis.net/def/crs/EPSG/0/3857";

    private static long probe() {
        return Incidents.create(Incidents.point("crs probe", 10.0, 45.0));
    }

    @Test
    void shouldAnswerTheFeatureInTheCrsAskedFor() {
        long id = probe();
        String item = "/collections/incidents/items/" + id;
        given().config(Incidents.DOUBLES).when().get(item).then().statusCode(200)
                .header("Content-Crs", "<" + CRS84 + ">").body("geometry.coordinates", equalTo(List.of(10.0, 45.0)));
        given().config(Incidents.DOUBLES).queryParam("crs", EPSG_4326).when().get(item).then().statusCode(200)
                .header("Content-Crs", "<" + EPSG_4326 + ">").body("geometry.coordinates", equalTo(List.of(45.0, 10.0)));
        given().config(Incidents.DOUBLES).queryParam("crs", EPSG_3857).when().get(item).then().statusCode(200)
                .header("Content-Crs", "<" + EPSG_3857 + ">")
                .body("geometry.coordinates[0]", closeTo(1_113_194.908, 0.01))
                .body("geometry.coordinates[1]", closeTo(5_621_521.486, 0.01));
    }

    @Test
    void shouldReadABboxInItsCrs() {
        long id = probe();
        String items = "/collections/incidents/items";
        given().queryParam("bbox", "44.9,9.9,45.1,10.1").queryParam("bbox-crs", EPSG_4326)
                .queryParam("crs", EPSG_4326).when().get(items).then().statusCode(200)
                .header("Content-Crs", "<" + EPSG_4326 + ">").body("features.id", hasItems((int) id));
        given().queryParam("bbox", "1100000,5600000,1120000,5630000").queryParam("bbox-crs", EPSG_3857)
                .when().get(items).then().statusCode(200).header("Content-Crs", "<" + CRS84 + ">")
                .body("features.id", hasItems((int) id));
        given().queryParam("bbox", "9.9,44.9,10.1,45.1").queryParam("bbox-crs", "[EPSG:4326]").when().get(items)
                .then().statusCode(200).body("features.findAll { it.id == " + id + " }.size()", equalTo(0));
    }

    @Test
    void shouldListItsCrsAndRefuseOthers() {
        given().when().get("/collections/incidents").then().statusCode(200)
                .body("crs", equalTo(List.of(CRS84, EPSG_4326, EPSG_3857))).body("storageCrs", equalTo(CRS84));
        given().when().get("/collections/regions").then().statusCode(200).body("crs", hasItems(EPSG_3857));
        given().queryParam("crs", "http://www.opengis.net/def/crs/EPSG/0/32637").when()
                .get("/collections/incidents/items").then().statusCode(400)
                .body("detail", containsString("is not a CRS of this service"));
        given().queryParam("bbox-crs", EPSG_4326).when().get("/collections/incidents/items").then().statusCode(400)
                .body("detail", containsString("give 'bbox' too"));
        given().queryParam("crs", EPSG_4326).when().get("/collections/incidents/export").then().statusCode(400);
        given().queryParam("crs", EPSG_4326).queryParam("by", "category").when()
                .get("/collections/incidents/aggregate").then().statusCode(400);
        given().queryParam("crs", EPSG_4326).queryParam("f", "json").when()
                .get("/collections/regions/items").then().statusCode(200)
                .header("Content-Crs", "<" + EPSG_4326 + ">");
    }
}
