package org.incidentmap.tile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incidentmap.support.PostgisTestResource;
import org.incidentmap.support.Regions;
import org.junit.jupiter.api.Test;

/** Vector tiles of the regions: outlines with their names, ETags that change with a region, documents. */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class RegionTileTest {

    static final String TILES = "/collections/regions/tiles/WebMercatorQuad/";

    static String tilePath(int z, double lon, double lat) {
        return TILES + z + "/" + IncidentTileTest.row(lat, z) + "/" + IncidentTileTest.column(lon, z);
    }

    static List<Map<String, Object>> regions(Response r) {
        return MvtReader.read(r.asByteArray()).getOrDefault("regions", List.of());
    }

    @Test
    void shouldCarryTheOutlinesOfTheRegionsInATile() {
        Response r = given().when().get(tilePath(9, 35.9, 35.5)).then().statusCode(200)
                .contentType(VectorTile.MEDIA_TYPE).extract().response();
        List<Object> names = regions(r).stream().map(f -> f.get("name")).toList();
        assertTrue(names.containsAll(List.of("Latakia Governorate", "Qardaha")), names.toString());
        Map<String, Object> qardaha = regions(r).stream().filter(f -> "qardaha".equals(f.get("id"))).findFirst()
                .orElseThrow();
        assertEquals("town", qardaha.get("kind"));
        assertEquals(true, qardaha.get("approximate"));
    }

    @Test
    void shouldAnswer204WhereNoRegionIs() {
        given().when().get(tilePath(9, -150, -40)).then().statusCode(204);
    }

    @Test
    void shouldChangeTheTilesEtagWhenARegionChanges() {
        Map<String, Object> square = Regions.square("tile-test-square", "Tile test square", "test", 100, 10, 0.5);
        given().contentType("application/geo+json").body(square).when().post("/collections/regions/items").then()
                .statusCode(201);
        String path = tilePath(8, 100.2, 10.2);
        String before = given().when().get(path).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", before).when().get(path).then().statusCode(304);
        Map<String, Object> renamed = new HashMap<>(square);
        renamed.put("properties", Map.of("name", "Renamed square", "kind", "test", "approximate", true));
        given().contentType("application/geo+json").body(renamed).when()
                .put("/collections/regions/items/tile-test-square").then().statusCode(200);
        Response after = given().header("If-None-Match", before).when().get(path).then().statusCode(200).extract()
                .response();
        assertNotEquals(before, after.header("ETag"));
        assertEquals("Renamed square", regions(after).get(0).get("name"));
    }

    @Test
    void shouldDescribeTheTilesetAndTileJson() {
        given().when().get("/collections/regions/tiles").then().statusCode(200)
                .body("tilesets[0].dataType", equalTo("vector"));
        given().when().get("/collections/regions/tiles/WebMercatorQuad/tilejson.json").then().statusCode(200)
                .body("tiles[0]", containsString("/collections/regions/tiles/WebMercatorQuad/{z}/{y}/{x}"))
                .body("vector_layers.id", hasItem("regions"));
        given().when().get("/collections/regions").then()
                .body("links.rel", hasItem("http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector"));
        given().when().get("/collections/regions/tiles/WorldCRS84Quad").then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("category", "battles").when().get(TILES + "3/2/4").then().statusCode(400);
        // f=json where JSON is all there is (as OGC clients add it); no other format, and none on a tile.
        given().queryParam("f", "json").when().get("/collections/regions/tiles").then().statusCode(200);
        given().queryParam("f", "html").when().get("/collections/regions/tiles").then().statusCode(400);
        given().queryParam("f", "json").when().get(TILES + "3/2/4").then().statusCode(400);
    }
}
