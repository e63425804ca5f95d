package org.incidentmap.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/** Bulk imports: streamed, checked feature by feature, all or nothing, and upserted by external id. */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class ImportTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldImportACollectionAndASequence() {
        List<Map<String, Object>> features = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            features.add(Incidents.point("Collected " + i, 120 + i * 0.001, -45));
        }
        given().contentType("application/geo+json").body(Incidents.collection(features))
                .post("/collections/incidents/items").then().statusCode(201).contentType("application/json")
                .body("created", equalTo(300)).body("updated", equalTo(0));
        given().queryParam("bbox", "119.9,-45.1,120.4,-44.9").queryParam("limit", 1000)
                .get("/collections/incidents/items").then().body("numberReturned", equalTo(300));

        StringBuilder seq = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            seq.append('\u001e').append(json(Incidents.point("Sequenced " + i, 121 + i * 0.001, -45))).append('\n');
        }
        given().contentType("application/geo+json-seq").body(seq.toString().getBytes(StandardCharsets.UTF_8))
                .post("/collections/incidents/items").then().statusCode(201).body("created", equalTo(3));
        given().queryParam("bbox", "120.9,-45.1,121.1,-44.9").get("/collections/incidents/items")
                .then().body("features.properties.title", equalTo(List.of("Sequenced 0", "Sequenced 1", "Sequenced 2")));
    }

    @Test
    void shouldStoreNothingWhenOneRowOfAHundredThousandIsBad() {
        int before = Incidents.count();
        StringBuilder seq = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            Map<String, Object> f = Incidents.point("Bulk " + i, 122 + (i % 1000) * 0.0001, -45 + (i / 1000) * 0.0001);
            if (i == 50_000) {
                Incidents.properties(f).put("fatalities", -3);
            }
            seq.append('\u001e').append(json(f)).append('\n');
        }
        given().contentType("application/geo+json-seq").body(seq.toString().getBytes(StandardCharsets.UTF_8)).post("/collections/incidents/items")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].pointer", equalTo("#/50000/properties/fatalities"));
        assertEquals(before, Incidents.count(), "the 99,999 good rows were not stored either");
    }

    @Test
    void shouldRefuseMalformedJsonMidStreamAndStoreNothing() {
        int before = Incidents.count();
        String body = "{\"type\":\"FeatureCollection\",\"features\":[" + json(Incidents.point("Fine", 123, -45))
                + "," + json(Incidents.point("Cut", 123, -45)).substring(0, 40) + "]}";
        given().contentType("application/geo+json").body(body).post("/collections/incidents/items")
                .then().statusCode(400).body("detail", containsString("malformed JSON at line 1"));
        given().contentType("application/geo+json").body("{\"type\":\"FeatureCollection\",\"features\":["
                        + json(Incidents.point("Fine", 123, -45)) + "]} {}")
                .post("/collections/incidents/items").then().statusCode(400).body("detail", containsString("after"));
        given().contentType("application/geo+json").body("{\"type\":\"Feature\",\"type\":\"FeatureCollection\"}")
                .post("/collections/incidents/items").then().statusCode(400).body("detail", containsString("Duplicate"));
        assertEquals(before, Incidents.count());
    }

    @Test
    void shouldRefuseAnOversizedFeatureInsideACollection() {
        Map<String, Object> big = Incidents.point("Big", 123, -45);
        Incidents.properties(big).put("description", "x".repeat(11 * 1024 * 1024));
        String body = "{\"type\":\"FeatureCollection\",\"features\":[" + json(Incidents.point("Fine", 123, -45)) + ","
                + json(big) + "]}";
        given().contentType("application/geo+json").body(body).post("/collections/incidents/items")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("A single feature"));
    }

    @Test
    void shouldReadAcledCsvAndUpdateByEventIdOnAReimport() {
        String csv = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
                + "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
                + "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
                + "tags,timestamp\r\n"
                + "TST901,04 March 2025,2025,1,Political violence,Battles,Armed clash,Militia A,Militia B; Militia C,,"
                + "Police Forces,,,,,760,Middle East,Syria,Latakia,Jableh,,Tst Village,-45.5000,124.5000,2,Reuters; SANA,"
                + "International-National,\"Clash near a checkpoint, two killed.\",2,,1741000000\r\n"
                + "TST902,2025-03-06,2025,2,Political violence,Violence against civilians,Attack,Gunmen,,,Civilians,,,,"
                + "Civilian targeting,760,Middle East,Syria,Latakia,Qardaha,,Tst Town,-45.6,124.6,1,SANA,National,,1,,0\r\n";
        given().contentType("text/csv").body(csv).post("/collections/incidents/items")
                .then().statusCode(201).body("created", equalTo(2)).body("updated", equalTo(0));
        JsonNode first = byTitle("124.4,-45.7,124.7,-45.4", "Armed clash in Tst Village");
        assertEquals("battles", first.at("/properties/category").asText());
        assertEquals("armed_clash", first.at("/properties/sub_category").asText());
        assertEquals("2025-03-04T00:00:00Z", first.at("/properties/occurred_at").asText());
        assertEquals("day", first.at("/properties/time_precision").asText());
        assertEquals("[\"Militia A\",\"Militia B\",\"Militia C\",\"Police Forces\"]",
                first.at("/properties/actors").toString());
        assertEquals("[\"Reuters\",\"SANA\"]", first.at("/properties/sources").findValuesAsText("name").toString()
                .replace(", ", ",").replace("[", "[\"").replace("]", "\"]").replace(",", "\",\""));
        assertEquals("near", first.at("/properties/geo_precision").asText());
        assertEquals("TST901", first.at("/properties/external_id").asText());
        assertEquals("[124.5,-45.5]", first.at("/geometry/coordinates").toString());
        JsonNode second = byTitle("124.4,-45.7,124.7,-45.4", "Attack in Tst Town");
        assertEquals("week", second.at("/properties/time_precision").asText());
        assertEquals("violence_against_civilians", second.at("/properties/category").asText());

        // The same file again, with a corrected count: updated in place, nothing added.
        given().contentType("text/csv").body(csv.replace("two killed.\",2,", "three killed.\",3,"))
                .post("/collections/incidents/items").then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(2));
        JsonNode updated = byTitle("124.4,-45.7,124.7,-45.4", "Armed clash in Tst Village");
        assertEquals(first.get("id"), updated.get("id"));
        assertEquals(3, updated.at("/properties/fatalities").asInt());
        given().queryParam("bbox", "124.4,-45.7,124.7,-45.4").get("/collections/incidents/items")
                .then().body("numberReturned", equalTo(2));
    }

    @Test
    void shouldRefuseACsvRecordOfEndlessFieldsOrCharactersAndStoreNothing() {
        int before = Incidents.count();
        String header = "event_id_cnty,event_date,event_type,latitude,longitude,source\n";
        String row = "TST970,2025-03-04,Battles,-46,126,Reuters\n";
        // A million commas once became a million empty fields on the heap (10^9 exhausted it).
        given().contentType("text/csv").body(header + row + "TST971" + ",".repeat(1_000_000) + "\n")
                .post("/collections/incidents/items").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("#row=3")).body("detail", containsString("more than 500 fields"));
        String wide = ("\"" + "x".repeat(600_000) + "\",").repeat(20);
        given().contentType("text/csv").body(header + row + wide + "\n")
                .post("/collections/incidents/items").then().statusCode(400)
                .body("detail", containsString("a record is longer than 10000000 characters"));
        assertEquals(before, Incidents.count());
    }

    @Test
    void shouldNameTheRowAndColumnOfABadCsvCellAndRefuseRepeatedEventIds() {
        String header = "event_id_cnty,event_date,time_precision,event_type,sub_event_type,location,latitude,longitude,"
                + "source,fatalities\n";
        given().contentType("text/csv").body(header + "TST950,2025-03-04,1,Battles,Armed clash,A,-45,125,Reuters,0\n"
                        + "TST951,2025-03-04,1,Parades,,B,-45,125,Reuters,0\n"
                        + "TST952,2025-03-04,1,Battles,,C,-45,125,Reuters,many\n")
                .post("/collections/incidents/items").then().statusCode(400)
                .body("errors.pointer", equalTo(List.of("#row=3", "#row=4")))
                .body("errors[0].detail", containsString("column event_type"))
                .body("errors[1].detail", containsString("column fatalities"));
        given().contentType("text/csv").body(header + "TST960,2025-03-04,1,Battles,,A,-45,125,Reuters,0\n"
                        + "TST960,2025-03-05,1,Battles,,A,-45,125,Reuters,0\n")
                .post("/collections/incidents/items").then().statusCode(400)
                .body("detail", containsString("TST960"));
        given().queryParam("bbox", "124.9,-45.1,125.1,-44.9").get("/collections/incidents/items")
                .then().body("numberReturned", equalTo(0));
    }

    @Test
    void shouldGiveBackTheSameFeaturesAfterAnExportedCsvIsImported() throws Exception {
        String box = "125.9,-46.1,126.1,-45.9";
        List<Map<String, Object>> features = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> f = Incidents.point("Round trip " + i, 126 + i * 0.01, -46);
            Incidents.properties(f).put("actors", List.of("One, with comma", "Two \"quoted\"", "Three", "Four"));
            Incidents.properties(f).put("description", "Several lines,\nand \"quotes\".");
            Incidents.properties(f).put("occurred_at", "2025-03-0" + (i + 1) + "T06:30:00.5Z");
            Incidents.properties(f).put("sources", List.of(Map.of("name", "Reuters", "url", "https://example.org/r")));
            features.add(f);
        }
        features.get(1).put("geometry", Map.of("type", "Polygon", "coordinates",
                List.of(List.of(List.of(126.0, -46.0), List.of(126.05, -46.0), List.of(126.05, -45.95),
                        List.of(126.0, -46.0)))));
        Incidents.properties(features.get(2)).put("occurred_until", "2025-03-09");
        Incidents.properties(features.get(2)).put("time_precision", "week");
        Incidents.properties(features.get(3)).put("fatalities", null);
        Incidents.properties(features.get(3)).put("geo_precision", "region");
        given().contentType("application/geo+json").body(Incidents.collection(features))
                .post("/collections/incidents/items").then().statusCode(201);
        JsonNode before = JSON.readTree(given().queryParam("bbox", box).get("/collections/incidents/export").asString());
        String csv = given().queryParam("bbox", box).queryParam("f", "csv").get("/collections/incidents/export").asString();
        for (JsonNode f : before.get("features")) {
            given().delete("/collections/incidents/items/" + f.get("id").asText()).then().statusCode(204);
        }

        given().contentType("text/csv").body(csv).post("/collections/incidents/items")
                .then().statusCode(201).body("created", equalTo(4));
        JsonNode after = JSON.readTree(given().queryParam("bbox", box).get("/collections/incidents/export").asString());
        assertEquals(withoutServerFields(before.get("features")), withoutServerFields(after.get("features")));
    }

    private static List<JsonNode> withoutServerFields(JsonNode features) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode f : features) {
            ObjectNode copy = f.deepCopy();
            copy.remove("id");
            ((ObjectNode) copy.get("properties")).remove(List.of("created_at", "updated_at"));
            out.add(copy);
        }
        return out;
    }

    private static JsonNode byTitle(String bbox, String title) {
        try {
            JsonNode page = JSON.readTree(given().queryParam("bbox", bbox).get("/collections/incidents/items").asString());
            for (JsonNode f : page.get("features")) {
                if (f.at("/properties/title").asText().equals(title)) {
                    return f;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no incident titled " + title);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
