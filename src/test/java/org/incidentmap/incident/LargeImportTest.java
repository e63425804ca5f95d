package org.incidentmap.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/**
 * Imports at least as large as the table take the other road (straight into the table, indexes built again at
 * the end); here every import of ten rows or more does, so that it is tried on small data.
 */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
@TestProfile(LargeImportTest.LowThreshold.class)
class LargeImportTest {

    public static class LowThreshold implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("incidentmap.import.rebuild-at-least", "10", "incidentmap.seed.enabled", "false");
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Test
    void shouldLoadStraightIntoTheTableKeepTheIndexesAndUpdateByExternalId() throws Exception {
        List<String> indexes = indexes();
        given().contentType("application/geo+json-seq").body(sequence(40, -1, "A")).post("/collections/incidents/items")
                .then().statusCode(201).body("created", equalTo(40));
        assertEquals(indexes, indexes(), "the indexes are built again");
        assertEquals(40, count());
        // The log has one create per feature, all in one entry.
        assertEquals(Map.of("create", 40L), logged());
        assertEquals(List.of(40L), createdPerEntry());

        // A bad row: nothing stored, and the indexes dropped for the load are back (the whole load rolled back).
        given().contentType("application/geo+json-seq").body(sequence(60, 30, "B")).post("/collections/incidents/items")
                .then().statusCode(400).body("errors[0].pointer", equalTo("#/30/properties/fatalities"));
        assertEquals(indexes, indexes());
        assertEquals(40, count());
        assertEquals(Map.of("create", 40L), logged());

        // The same external ids again (and 20 new ones): 40 updated in place, 20 added.
        given().contentType("application/geo+json-seq").body(sequence(60, -1, "C")).post("/collections/incidents/items")
                .then().statusCode(201).body("created", equalTo(20)).body("updated", equalTo(40));
        assertEquals(60, count());
        given().queryParam("bbox", "129.9,-50.1,131,-49.9").queryParam("limit", 100).get("/collections/incidents/items")
                .then().body("features.findAll { it.properties.title.startsWith('C ') }.size()", equalTo(60));
        assertEquals(indexes, indexes());
        // The copies merged onto stored incidents leave no create or delete behind.
        assertEquals(Map.of("create", 60L, "update", 40L), logged());
        assertEquals(List.of(40L, 20L), createdPerEntry());
        // Merged onto stored ones only: the import's entry of creates goes with them.
        given().contentType("application/geo+json-seq").body(sequence(60, -1, "M")).post("/collections/incidents/items")
                .then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(60));
        assertEquals(Map.of("create", 60L, "update", 100L), logged());
        assertEquals(List.of(40L, 20L), createdPerEntry());

        // An external id twice in one file is refused.
        String twice = new String(sequence(12, -1, "D"), StandardCharsets.UTF_8).replace("\"EXT11\"", "\"EXT10\"");
        given().contentType("application/geo+json-seq").body(twice.getBytes(StandardCharsets.UTF_8)).post("/collections/incidents/items")
                .then().statusCode(400).body("detail", containsString("EXT10"));
        assertEquals(60, count());

        // And single writes after an import are logged as ever.
        Incidents.create(Incidents.point("one more", 131, -50));
        assertEquals(Map.of("create", 61L, "update", 100L), logged());
        assertEquals(List.of(40L, 20L, 1L), createdPerEntry());
    }

    /** How many changes of incidents the log holds, by operation, one per feature (ranges spread out). */
    private Map<String, Long> logged() throws Exception {
        Map<String, Long> ops = new java.util.TreeMap<>();
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT op, count(*) FROM change_log_features WHERE collection = 'incidents' GROUP BY op")) {
            while (rs.next()) {
                ops.put(rs.getString(1), rs.getLong(2));
            }
        }
        return ops;
    }

    /** How many incidents each create entry of the log holds, in order. */
    private List<Long> createdPerEntry() throws Exception {
        List<Long> sizes = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT (SELECT sum(upper(r) - lower(r)) FROM unnest(feature_ids) r) FROM change_log"
                        + " WHERE collection = 'incidents' AND op = 'create' ORDER BY seq")) {
            while (rs.next()) {
                sizes.add(rs.getLong(1));
            }
        }
        return sizes;
    }

    /** {@code n} features with external ids EXT0..EXTn-1, titled "{prefix} i"; feature {@code bad} is invalid. */
    private static byte[] sequence(int n, int bad, String prefix) throws Exception {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Map<String, Object> f = Incidents.point(prefix + " " + i, 130 + i * 0.001, -50);
            Incidents.properties(f).put("external_id", "EXT" + i);
            if (i == bad) {
                Incidents.properties(f).put("fatalities", -1);
            }
            out.append('\u001e').append(JSON.writeValueAsString(f)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private List<String> indexes() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'incident' ORDER BY indexname")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private long count() throws Exception {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM incident")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
