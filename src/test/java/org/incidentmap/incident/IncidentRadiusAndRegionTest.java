package org.incidentmap.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/** Radius and region queries over the Latakia seed data (the seeds are loaded into the test database too). */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class IncidentRadiusAndRegionTest {

    static final String LATAKIA_CENTRE = "35.783,35.517";
    static final String QARDAHA_POLICE_STATION = "Police station attacked during clashes in Qardaha";
    static final String QARDAHA_SHOOTING = "Man shot dead in Qardaha as security personnel tried to enter a home";

    private static JsonPath items(String... paramsAndValues) {
        var request = given().config(Incidents.DOUBLES);
        for (int i = 0; i < paramsAndValues.length; i += 2) {
            request.queryParam(paramsAndValues[i], paramsAndValues[i + 1]);
        }
        return request.when().get("/collections/incidents/items")
                .then().statusCode(200).contentType("application/geo+json").extract().jsonPath();
    }

    @Test
    void shouldExcludeQardahaWithin20kmOfLatakia() {
        JsonPath page = items("near", LATAKIA_CENTRE, "radius", "20km");
        List<String> titles = page.getList("features.properties.title");
        assertThat(titles, allOf(not(hasItem(QARDAHA_POLICE_STATION)),
                not(hasItem(QARDAHA_SHOOTING)), hasItem("Two defence-ministry personnel killed in al-Datour")));
        assertThat(page.getList("features.properties.distance_m", Double.class),
                everyItem(lessThan(20_000.0)));
    }

    @Test
    void shouldIncludeQardahaWithin30kmAtAbout25km() {
        JsonPath page = items("near", LATAKIA_CENTRE, "radius", "30000");
        List<String> titles = page.getList("features.properties.title");
        assertThat(titles, hasItems(QARDAHA_POLICE_STATION, QARDAHA_SHOOTING));
        int station = titles.indexOf(QARDAHA_POLICE_STATION);
        double distance = page.getDouble("features[" + station + "].properties.distance_m");
        assertThat(distance, allOf(greaterThan(23_000.0), lessThan(28_000.0)));
    }

    @Test
    void shouldSortRadiusMatchesNearestFirst() {
        List<Double> distances = items("near", LATAKIA_CENTRE, "radius", "30km")
                .getList("features.properties.distance_m", Double.class);
        List<Double> sorted = distances.stream().sorted().toList();
        assertEquals(sorted, distances);
        assertEquals(0.0, distances.get(0), 0.01, "the province-level record sits at the city centre");
    }

    @Test
    void shouldMeasureRadiusInTrueMetres() {
        // 0.1 degree of longitude at 35.5 N is about 9.07 km on the ellipsoid, not 11.1 km (degrees at the equator).
        JsonPath page = items("near", "35.683,35.517", "radius", "9.5km");
        assertThat(page.getList("features.properties.title"),
                hasItem("Hit-and-run attacks on security patrols and checkpoints across Latakia province"));
        double d = page.getDouble("features[0].properties.distance_m");
        assertEquals(9070, d, 30);
    }

    @Test
    void shouldReturnOnlyQardahaIncidentsForRegionQardaha() {
        JsonPath page = items("region", "qardaha");
        assertThat(page.getList("features.properties.title"),
                containsInAnyOrder(QARDAHA_POLICE_STATION, QARDAHA_SHOOTING));
        assertEquals(2, page.getInt("numberMatched"));
    }

    @Test
    void shouldFindTheDatourPolygonAndPointInRegionDatour() {
        JsonPath page = items("region", "datour");
        assertThat(page.getList("features.properties.title"),
                containsInAnyOrder("Security operation in the Datour neighbourhood of Latakia",
                        "Two defence-ministry personnel killed in al-Datour"));
    }

    @Test
    void shouldCombineRegionWithCategoryAndFatalities() {
        JsonPath page = items("region", "latakia-governorate", "category", "violence_against_civilians,riots",
                "fatalities_min", "1");
        assertThat(page.getList("features.properties.title"), equalTo(List.of(QARDAHA_SHOOTING)));
    }

    @Test
    void shouldRejectAnUnknownRegion() {
        given().queryParam("region", "atlantis").when().get("/collections/incidents/items")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("region"));
    }
}
