package org.incidentmap.history;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.incidentmap.ogcapi.ChangeLogRetention;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/**
 * With a retention set, the change log forgets entries older than it; a mirror whose position, or a sync whose
 * updated_after, lies before what was forgotten is told to resync (410) and where to resume, and one inside the
 * window is served.
 */
@QuarkusTest
@TestProfile(RetentionTest.ShortRetention.class)
@QuarkusTestResource(PostgisTestResource.class)
class RetentionTest {

    public static class ShortRetention implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("incidentmap.history.retention", "3s", "incidentmap.seed.enabled", "false");
        }
    }

    @Inject
    ChangeLogRetention retention;

    @Inject
    DataSource dataSource;

    @Test
    void shouldForgetOldChangesAndTellMirrorsBehindThemToResync() throws Exception {
        Instant before = Instant.now();
        long old = Incidents.create(Incidents.point("kept briefly", -45.0, 30.0));
        given().contentType("application/merge-patch+json").body(Map.of("properties", Map.of("fatalities", 2)))
                .when().patch("/collections/incidents/items/" + old).then().statusCode(200);
        long gone = Incidents.create(Incidents.point("deleted early", -45.0, 30.0));
        given().when().delete("/collections/incidents/items/" + gone).then().statusCode(204);
        String early = position("SELECT xid::text || '.' || seq FROM change_log WHERE feature_id = '" + gone + "'");

        Thread.sleep(3500);
        long recent = Incidents.create(Incidents.point("recent", -45.0, 30.0));
        retention.prune();

        given().when().get("/collections/incidents/items/" + old + "/history").then().statusCode(200)
                .body("changes", equalTo(List.of()));
        given().when().get("/collections/incidents/items/" + recent + "/history").then().statusCode(200)
                .body("changes.op", equalTo(List.of("create")));
        String resume = null;
        for (String since : List.of("0", early)) {
            String detail = given().queryParam("since", since).when().get("/collections/incidents/changes").then()
                    .statusCode(410).contentType("application/problem+json").body("detail", containsString("Resync"))
                    .extract().jsonPath().getString("detail");
            Matcher at = Pattern.compile("since=([0-9.]+)").matcher(detail);
            assertTrue(at.find(), detail);
            resume = at.group(1);
        }
        // Where the answer says to resume is served, and what comes after it arrives.
        given().queryParam("since", resume).when().get("/collections/incidents/changes").then().statusCode(200);
        given().queryParam("updated_after", before.toString()).queryParam("tombstones", "true").when()
                .get("/collections/incidents/items").then().statusCode(410)
                .body("detail", containsString("tombstones"));
        given().queryParam("updated_after", Instant.now().minusSeconds(1).toString()).queryParam("tombstones", "true")
                .when().get("/collections/incidents/items").then().statusCode(200);
    }

    private String position(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
