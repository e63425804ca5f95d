package org.incidentmap.count;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.incidentmap.support.Regions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Counts by category, region, admin area and period, over incidents of their own (June 1991, off the coast of
 * Mauritania) so that other tests' incidents do not change them.
 */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class IncidentCountTest {

    static final String COUNTS = "/collections/incidents/aggregate";
    static final String JUNE_1991 = "1991-06-01/1991-06-30";
    static final String FIRST_WEEK = "1991-06-03/1991-06-09";
    static final String ZONE = "count-test-zone";

    private static boolean stored;

    @BeforeEach
    void store() {
        if (stored) {
            return;
        }
        stored = true;
        given().contentType("application/geo+json").body(Regions.square(ZONE, "Count test zone", "test", -20, 19, 1))
                .when().post("/collections/regions/items").then().statusCode(201);
        incident("battles", "1991-06-03", 2, "Nouadhibou", -19.5, 19.5);
        incident("battles", "1991-06-05", 3, "Nouadhibou", -19.4, 19.5);
        incident("riots", "1991-06-05", 0, null, -19.3, 19.5);
        incident("protests", "1991-06-20", 1, "Nouadhibou", -18.5, 19.5); // outside the zone
    }

    static void incident(String category, String day, int fatalities, String admin1, double lon, double lat) {
        Map<String, Object> f = Incidents.point("Counted " + category + " " + day, lon, lat);
        Map<String, Object> p = Incidents.properties(f);
        p.put("category", category);
        p.put("sub_category", null);
        p.put("occurred_at", day);
        p.put("fatalities", fatalities);
        p.put("admin1", admin1);
        Incidents.create(f);
    }

    static JsonPath counts(String by, String datetime) {
        return given().queryParam("by", by).queryParam("datetime", datetime).when().get(COUNTS).then()
                .statusCode(200).contentType("application/json").extract().jsonPath();
    }

    @Test
    void shouldCountByCategoryLargestFirstWithTheTotal() {
        JsonPath json = counts("category", JUNE_1991);
        assertEquals(List.of("battles", "protests", "riots"), json.getList("groups.key"));
        assertEquals(List.of(2, 1, 1), json.getList("groups.incidents"));
        assertEquals(List.of(5, 1, 0), json.getList("groups.fatalities"));
        assertEquals(4, json.getInt("total.incidents"));
        assertEquals(6, json.getInt("total.fatalities"));
    }

    @Test
    void shouldListEveryDayOfTheAskedWeekEmptyDaysIncluded() {
        JsonPath json = counts("day", FIRST_WEEK);
        assertEquals(List.of("1991-06-03", "1991-06-04", "1991-06-05", "1991-06-06", "1991-06-07", "1991-06-08",
                "1991-06-09"), json.getList("groups.key"));
        assertEquals(List.of(1, 0, 2, 0, 0, 0, 0), json.getList("groups.incidents"));
        assertEquals(List.of(2, 0, 3, 0, 0, 0, 0), json.getList("groups.fatalities"));
    }

    @Test
    void shouldKeyWeeksTheIsoWayAndMonthsByYearAndMonth() {
        JsonPath weeks = counts("week", JUNE_1991);
        assertEquals(List.of("1991-W22", "1991-W23", "1991-W24", "1991-W25", "1991-W26"),
                weeks.getList("groups.key"));
        assertEquals(List.of(0, 3, 0, 1, 0), weeks.getList("groups.incidents"));
        assertEquals("1991-06-03", weeks.getString("groups[1].first_day"));
        assertEquals("1991-06-09", weeks.getString("groups[1].last_day"));
        JsonPath months = counts("month", JUNE_1991);
        assertEquals(List.of("1991-06"), months.getList("groups.key"));
        assertEquals("1991-06-30", months.getString("groups[0].last_day"));
    }

    @Test
    void shouldCountByAdminAreaWithUnknownLast() {
        JsonPath json = counts("admin1", JUNE_1991);
        assertEquals(List.of("Nouadhibou"), json.getList("groups.key").subList(0, 1));
        assertEquals(List.of(3, 1), json.getList("groups.incidents"));
        assertNull(json.getString("groups[1].key"));
    }

    @Test
    void shouldCountEveryRegionIncludingEmptyOnesWithoutATotal() {
        JsonPath json = counts("region", JUNE_1991);
        assertEquals(3, json.getInt("groups.find { it.key == '" + ZONE + "' }.incidents"));
        assertEquals("Count test zone", json.getString("groups.find { it.key == '" + ZONE + "' }.name"));
        assertEquals(0, json.getInt("groups.find { it.key == 'qardaha' }.incidents"));
        assertNull(json.get("total"));
    }

    @Test
    void shouldGiveTheRegionsAsGeoJsonForAChoropleth() {
        given().queryParam("by", "region").queryParam("datetime", JUNE_1991).queryParam("category", "battles")
                .accept("application/geo+json").when().get(COUNTS).then().statusCode(200)
                .contentType("application/geo+json").body("type", equalTo("FeatureCollection"))
                .body("features.find { it.id == '" + ZONE + "' }.properties.incidents", equalTo(2))
                .body("features.find { it.id == '" + ZONE + "' }.properties.fatalities", equalTo(5))
                .body("features.find { it.id == '" + ZONE + "' }.geometry.type", equalTo("Polygon"))
                .body("features.find { it.id == 'datour' }.properties.incidents", equalTo(0))
                .body("links.rel", hasItems("self", "alternate"));
    }

    @Test
    void shouldWriteCsv() {
        String csv = given().queryParam("by", "day").queryParam("datetime", "1991-06-03/1991-06-04")
                .queryParam("f", "csv").when().get(COUNTS).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertEquals("day,first_day,last_day,incidents,fatalities\r\n1991-06-03,1991-06-03,1991-06-03,1,2\r\n"
                + "1991-06-04,1991-06-04,1991-06-04,0,0\r\n", csv);
    }

    @Test
    void shouldCountCategoriesKeptPerCellAsTheRowsDo() {
        // Without filters (or with categories only) counts come from the tiles' cells; with a bbox over the whole
        // world, from the rows: both must agree.
        for (String category : new String[] {null, "battles,riots"}) {
            JsonPath cells = given().queryParam("by", "category").queryParams(category == null ? Map.of()
                    : Map.of("category", category)).when().get(COUNTS).then().statusCode(200).extract().jsonPath();
            JsonPath rows = given().queryParam("by", "category").queryParam("bbox", "-180,-90,180,90")
                    .queryParams(category == null ? Map.of() : Map.of("category", category))
                    .when().get(COUNTS).then().statusCode(200).extract().jsonPath();
            assertEquals(rows.getList("groups"), cells.getList("groups"));
        }
    }

    @Test
    void shouldTakeTheFiltersOfItems() {
        JsonPath json = given().queryParam("by", "category").queryParam("near", "-19.5,19.5")
                .queryParam("radius", "25km").queryParam("fatalities_min", 1).when().get(COUNTS).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(Map.of("key", "battles", "incidents", 2, "fatalities", 5)), json.getList("groups"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"datetime=1991-06-01", "by=", "by=day&by=week", "by=year", "by=category&f=geojson", "by=day&f=xml", "by=day&limit=10",
            "by=day&cursor=aTo1", "by=day&datetime=1991-01-01/2991-01-01", "by=region&region=nowhere",
            "by=category&bogus=1"})
    void shouldRefuseWhatItCannotCount(String query) {
        given().when().get(COUNTS + "?" + query).then().statusCode(400)
                .contentType("application/problem+json").body("detail", notNullValue());
    }

    @Test
    void shouldAnswer406ToAnAcceptItCannotMeet() {
        given().queryParam("by", "day").accept("image/png").when().get(COUNTS).then().statusCode(406)
                .contentType("application/problem+json");
    }
}
