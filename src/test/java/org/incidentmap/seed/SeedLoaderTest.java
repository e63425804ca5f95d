package org.incidentmap.seed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.incidentmap.incident.IncidentService;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/** Seeds are loaded once per database: loading again neither duplicates them nor restores a deleted one. */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class SeedLoaderTest {

    @Inject
    SeedLoader seeds;

    @Inject
    IncidentService incidents;

    private static List<Object> idsAt(String bbox) {
        return given().queryParam("bbox", bbox).when().get("/collections/incidents/items")
                .then().statusCode(200).extract().jsonPath().getList("features.id");
    }

    @Test
    void shouldNotDuplicateTheSeedsOnARestart() {
        int count = Incidents.count();
        seeds.load(); // what the next start does
        assertEquals(count, Incidents.count());
        assertEquals(2, idsAt("36.0,35.4,36.1,35.5").size(), "the two Qardaha seed incidents, once each");
    }

    @Test
    void shouldNotBringBackASeedAUserDeleted() {
        String area = "30.9,-51.1,31.1,-50.9";
        seeds.loadOnce("test-incidents.geojson", incidents::create);
        List<Object> loaded = idsAt(area);
        assertEquals(2, loaded.size());
        given().when().delete("/collections/incidents/items/" + loaded.get(0)).then().statusCode(204);

        seeds.loadOnce("test-incidents.geojson", incidents::create);

        assertEquals(List.of(loaded.get(1)), idsAt(area));
    }
}
