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
import java.util.List;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vector tiles of the incidents: single incidents when zoomed in, clusters below, filters, ETags, errors. */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class IncidentTileTest {

    static final String TILES = "/collections/incidents/tiles/WebMercatorQuad/";
    /** Where the seeded Datour incidents are. */
    static final double DATOUR_LON = 35.80;
    static final double DATOUR_LAT = 35.54;

    static int column(double lon, int z) {
        return (int) Math.floor((lon + 180) / 360 * (1 << z));
    }

    static int row(double lat, int z) {
        double phi = Math.toRadians(lat);
        return (int) Math.floor((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2 * (1 << z));
    }

    static String tilePath(int z, double lon, double lat) {
        return TILES + z + "/" + row(lat, z) + "/" + column(lon, z);
    }

    static List<Map<String, Object>> features(Response response) {
        return MvtReader.read(response.asByteArray()).getOrDefault("incidents", List.of());
    }

    static long total(List<Map<String, Object>> clusters) {
        return clusters.stream().mapToLong(f -> ((Number) f.get("count")).longValue()).sum();
    }

    @Test
    void shouldCarrySingleIncidentsWithWhatAPopupNeedsWhenZoomedIn() {
        Response r = given().when().get(tilePath(14, DATOUR_LON, DATOUR_LAT)).then().statusCode(200)
                .contentType("application/vnd.mapbox-vector-tile").extract().response();
        List<Map<String, Object>> features = features(r);
        assertTrue(features.stream().anyMatch(f -> String.valueOf(f.get("title")).contains("Datour")), features.toString());
        for (Map<String, Object> f : features) {
            assertEquals(1L, f.get("count"));
            assertTrue(f.containsKey("$id") && f.containsKey("category") && f.containsKey("occurred_at"), f.toString());
        }
    }

    @Test
    void shouldSayHowManyIncidentsStackAtOneSpot() {
        // The two seeded Qardaha incidents share one point; the Datour one is alone at its own.
        List<Map<String, Object>> qardaha = features(given().when().get(tilePath(15, 36.0597, 35.4572)).then()
                .statusCode(200).extract().response());
        List<Map<String, Object>> stacked = qardaha.stream()
                .filter(f -> String.valueOf(f.get("title")).contains("Qardaha")).toList();
        assertEquals(2, stacked.size(), qardaha.toString());
        assertTrue(stacked.stream().allMatch(f -> Long.valueOf(2).equals(f.get("at_point"))), stacked.toString());
        assertTrue(stacked.stream().allMatch(f -> "2025-02-26T00:00:00Z".equals(f.get("occurred_at"))),
                stacked.toString());
        List<Map<String, Object>> datour = features(given().when().get(tilePath(15, 35.80, 35.54)).then()
                .statusCode(200).extract().response());
        assertTrue(datour.stream().filter(f -> String.valueOf(f.get("title")).startsWith("Two defence"))
                .allMatch(f -> Long.valueOf(1).equals(f.get("at_point"))), datour.toString());
    }

    @Test
    void shouldClusterEveryIncidentOfTheWorldIntoTheFirstTile() {
        int all = given().queryParam("bbox", "-180,-85.05,180,85.05").queryParam("limit", 1)
                .when().get("/collections/incidents/items").then().extract().jsonPath().getInt("numberMatched");
        List<Map<String, Object>> clusters = features(given().when().get(TILES + "0/0/0").then().statusCode(200)
                .extract().response());
        assertEquals(all, total(clusters));
        assertTrue(clusters.stream().allMatch(f -> f.containsKey("fatalities") && f.containsKey("category")));
    }

    @Test
    void shouldApplyTheItemsFilters() {
        int battles = given().queryParam("bbox", "-180,-85.05,180,85.05").queryParam("category", "battles")
                .queryParam("limit", 1).when().get("/collections/incidents/items").then().extract().jsonPath()
                .getInt("numberMatched");
        List<Map<String, Object>> clusters = features(given().queryParam("category", "battles")
                .when().get(TILES + "0/0/0").then().statusCode(200).extract().response());
        assertEquals(battles, total(clusters));
        assertTrue(clusters.stream().allMatch(f -> "battles".equals(f.get("category"))));
    }

    @Test
    void shouldClusterFromTheRowsWhenAFilterTheCellsDoNotKeepIsGiven() {
        int march = given().queryParam("bbox", "-180,-85.05,180,85.05").queryParam("datetime", "2025-03-01/2025-03-31")
                .queryParam("limit", 1).when().get("/collections/incidents/items").then().extract().jsonPath()
                .getInt("numberMatched");
        assertEquals(march, total(features(given().queryParam("datetime", "2025-03-01/2025-03-31")
                .when().get(TILES + "0/0/0").then().statusCode(200).extract().response())));
    }

    @Test
    void shouldKeepTheLowZoomClustersInStepWithEveryWrite() {
        long before = total(features(given().when().get(TILES + "0/0/0").then().extract().response()));
        String south = TILES + "2/2/1"; // lon -90..0, lat -66.5..0
        long southBefore = given().when().get(south).then().extract().statusCode() == 204 ? 0
                : total(features(given().when().get(south).then().extract().response()));
        Map<String, Object> probe = Incidents.point("Cell probe", 100.5, 40.5);
        long id = Incidents.create(probe);
        try {
            assertEquals(before + 1, total(features(given().when().get(TILES + "0/0/0").then().extract().response())));
            probe.put("geometry", Map.of("type", "Point", "coordinates", List.of(-45.0, -30.0)));
            given().contentType("application/geo+json").body(probe).when().put("/collections/incidents/items/" + id)
                    .then().statusCode(200);
            assertEquals(southBefore + 1, total(features(given().when().get(south).then().statusCode(200)
                    .extract().response())));
            assertEquals(before + 1, total(features(given().when().get(TILES + "0/0/0").then().extract().response())));
        } finally {
            given().delete("/collections/incidents/items/" + id).then().statusCode(204);
        }
        assertEquals(before, total(features(given().when().get(TILES + "0/0/0").then().extract().response())));
    }

    @Test
    void shouldAnswerAnEmptyTileWith204() {
        given().when().get(tilePath(12, -150.0, -50.0)).then().statusCode(204);
    }

    @Test
    void shouldLetAMapRevalidateAnUnchangedTileAndSeeAChangedOne() {
        String path = tilePath(14, DATOUR_LON, DATOUR_LAT);
        String etag = given().when().get(path).then().statusCode(200).header("Cache-Control", "no-cache")
                .extract().header("ETag");
        given().header("If-None-Match", etag).when().get(path).then().statusCode(304);
        long id = Incidents.create(Incidents.point("Tile probe", DATOUR_LON, DATOUR_LAT));
        try {
            String changed = given().header("If-None-Match", etag).when().get(path).then().statusCode(200)
                    .extract().header("ETag");
            assertNotEquals(etag, changed);
        } finally {
            given().delete("/collections/incidents/items/" + id).then().statusCode(204);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "23/0/0, 404", "1/2/0, 404", "1/0/2, 404", "a/0/0, 400", "1/-1/0, 400", "0/0/0?limit=5, 400",
        "0/0/0?bbox=0%2C0%2C1%2C1, 400", "0/0/0?category=skirmish, 400", "0/0/0?region=nowhere, 400",
        "0/0/0?colour=red, 400"})
    void shouldRefuseWhatIsNotATileWithAProblem(String tail, int status) {
        given().urlEncodingEnabled(false).when().get(TILES + tail).then().statusCode(status)
                .contentType("application/problem+json");
    }

    @Test
    void shouldDescribeTheTilesetAndOfferTileJsonCarryingTheFilters() {
        given().queryParam("category", "battles").when().get("/collections/incidents/tiles/WebMercatorQuad")
                .then().statusCode(200).body("dataType", equalTo("vector"))
                .body("tileMatrixSetURI", equalTo("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad"))
                .body("links.href", hasItem(containsString("/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}?category=battles")));
        given().queryParam("category", "battles").when().get("/collections/incidents/tiles/WebMercatorQuad/tilejson.json")
                .then().statusCode(200).body("tilejson", equalTo("3.0.0"))
                .body("tiles[0]", containsString("/WebMercatorQuad/{z}/{y}/{x}?category=battles"))
                .body("vector_layers[0].id", equalTo("incidents"));
        given().when().get("/collections/incidents/tiles").then().statusCode(200)
                .body("tilesets[0].dataType", equalTo("vector"));
        given().when().get("/collections/incidents/tiles/WorldCRS84Quad").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
