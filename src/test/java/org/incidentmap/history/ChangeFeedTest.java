package org.incidentmap.history;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.incidentmap.support.Regions;
import org.incidentmap.support.TestIdentity;
import org.junit.jupiter.api.Test;

/**
 * The change feed: every create, update and delete in commit order with the feature's state, as JSON pages that
 * resume from their position and as server-sent events that resume from Last-Event-ID, filtered by bbox and
 * properties.
 */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class ChangeFeedTest {

    @TestHTTPResource("/")
    URI base;

    private static JsonPath changes(String... paramsAndValues) {
        var request = given();
        for (int i = 0; i < paramsAndValues.length; i += 2) {
            request.queryParam(paramsAndValues[i], paramsAndValues[i + 1]);
        }
        return request.when().get("/collections/incidents/changes").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    @Test
    void shouldListChangesInAnAreaAndResumeFromTheirPosition() {
        String area = "-40.1,20.9,-39.9,21.1";
        long id = Incidents.create(Incidents.point("feed one", -40.0, 21.0));
        given().contentType("application/merge-patch+json").body(Map.of("properties", Map.of("fatalities", 4)))
                .when().patch("/collections/incidents/items/" + id).then().statusCode(200);
        JsonPath first = changes("bbox", area, "since", "0.0");
        assertThat(first.getList("changes.op"), equalTo(List.of("create", "update")));
        assertThat(first.getList("changes.id"), equalTo(List.of(String.valueOf(id), String.valueOf(id))));
        assertThat(first.getInt("changes[1].feature.fatalities"), equalTo(4));
        assertThat(first.getList("changes[1].changed"), equalTo(List.of("fatalities")));
        String position = first.getString("position");
        assertThat(changes("bbox", area, "since", position).getList("changes"), equalTo(List.of()));

        given().when().delete("/collections/incidents/items/" + id).then().statusCode(204);
        JsonPath later = changes("bbox", area, "since", position);
        assertThat(later.getList("changes.op"), equalTo(List.of("delete")));
        assertThat(later.getString("changes[0].feature.title"), equalTo("feed one"));
        assertThat(later.getString("changes[0].changed_by"), equalTo("test-admin"));
        JsonPath anonymous = given().header("Authorization", TestIdentity.ANONYMOUS).queryParam("bbox", area)
                .queryParam("since", position).when().get("/collections/incidents/changes").then().statusCode(200)
                .extract().jsonPath();
        assertThat(anonymous.getList("changes.op"), equalTo(List.of("delete")));
        assertThat(anonymous.getMap("changes[0]").containsKey("changed_by"), equalTo(false));
        String next = later.getString("links.find { it.rel == 'next' }.href");
        assertThat(given().urlEncodingEnabled(false).when().get(next).then().statusCode(200).extract().jsonPath()
                .getList("changes"), equalTo(List.of()));
    }

    @Test
    void shouldSpreadAnImportIntoOneChangePerFeatureAcrossPages() {
        String area = "-43.1,23.9,-42.9,24.1";
        String start = changes("since", "0", "limit", "1000").getString("position");
        List<Map<String, Object>> features = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            features.add(Incidents.point("feed import " + i, -43.0 + (i == 3 ? 10 : 0), 24.0));
        }
        given().contentType("application/geo+json").body(Incidents.collection(features))
                .when().post("/collections/incidents/items").then().statusCode(201).body("created", equalTo(5));
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(given().queryParam("filter", "title = 'feed import " + i + "'").when()
                    .get("/collections/incidents/items").then().extract().jsonPath().getInt("features[0].id"));
        }
        given().when().delete("/collections/incidents/items/" + ids.get(1)).then().statusCode(204);

        // One entry of the log holds the five creates: pages of two walk through it feature by feature; the one
        // deleted since shows only its delete, the one outside the area not at all.
        JsonPath first = changes("bbox", area, "since", start, "limit", "2");
        assertThat(first.getList("changes.id"), equalTo(List.of(ids.get(0).toString(), ids.get(2).toString())));
        assertThat(first.getList("changes.op"), equalTo(List.of("create", "create")));
        assertThat(first.getString("changes[1].feature.title"), equalTo("feed import 2"));
        assertThat(first.getString("position"), equalTo(first.getString("changes[1].position")));
        assertThat(first.getString("position"), org.hamcrest.Matchers.endsWith("." + ids.get(2)));
        JsonPath second = changes("bbox", area, "since", first.getString("position"), "limit", "2");
        assertThat(second.getList("changes.id"), equalTo(List.of(ids.get(4).toString(), ids.get(1).toString())));
        assertThat(second.getList("changes.op"), equalTo(List.of("create", "delete")));
        assertThat(changes("bbox", area, "since", second.getString("position")).getList("changes"),
                equalTo(List.of()));
        assertThat(changes("since", start, "limit", "10").getList("changes.id"), equalTo(List.of(
                ids.get(0).toString(), ids.get(2).toString(), ids.get(3).toString(), ids.get(4).toString(),
                ids.get(1).toString())));

        // A region's create is an entry of its own: created and deleted again, it shows as both, the create with
        // the region as created.
        String regions = given().queryParam("since", "0").queryParam("limit", "1000").when()
                .get("/collections/regions/changes").then().extract().jsonPath().getString("position");
        given().contentType("application/geo+json").body(Regions.square("feed-town", "Feed town", "town", -43.0,
                24.0, 0.1)).when().post("/collections/regions/items").then().statusCode(201);
        given().when().delete("/collections/regions/items/feed-town").then().statusCode(204);
        JsonPath region = given().queryParam("since", regions).when().get("/collections/regions/changes").then()
                .statusCode(200).extract().jsonPath();
        assertThat(region.getList("changes.op"), equalTo(List.of("create", "delete")));
        assertThat(region.getString("changes[0].feature.name"), equalTo("Feed town"));
        assertThat(region.getString("changes[1].feature.name"), equalTo("Feed town"));
    }

    @Test
    void shouldShowTheCreateOfARegionDeletedSinceToAFilteredMirror() {
        String area = "-44.1,25.9,-43.7,26.3";
        String start = given().queryParam("since", "0").queryParam("limit", "1000").when()
                .get("/collections/regions/changes").then().extract().jsonPath().getString("position");
        given().contentType("application/geo+json").body(Regions.square("feed-gone", "Feed gone", "town", -44.0,
                26.0, 0.1)).when().post("/collections/regions/items").then().statusCode(201);
        given().contentType("application/merge-patch+json").body(Map.of("properties", Map.of("name", "Feed renamed")))
                .when().patch("/collections/regions/items/feed-gone").then().statusCode(200);
        given().when().delete("/collections/regions/items/feed-gone").then().statusCode(204);
        // A mirror that follows this area, or towns only, catching up after the delete, still sees the create,
        // with the region as it was created (the next change's before), not a create without a state.
        for (Map<String, String> filter : List.of(Map.of("bbox", area), Map.of("bbox", area, "kind", "town"))) {
            JsonPath feed = given().queryParams(filter).queryParam("since", start).when()
                    .get("/collections/regions/changes").then().statusCode(200).extract().jsonPath();
            assertThat(feed.getList("changes.op"), equalTo(List.of("create", "update", "delete")));
            assertThat(feed.getString("changes[0].feature.name"), equalTo("Feed gone"));
            assertThat(feed.getString("changes[1].feature.name"), equalTo("Feed renamed"));
        }
    }

    @Test
    void shouldFilterByProperty() {
        String area = "-41.1,21.9,-40.9,22.1";
        Incidents.create(Incidents.point("feed battle", -41.0, 22.0));
        Map<String, Object> protest = Incidents.point("feed protest", -41.0, 22.0);
        Incidents.properties(protest).put("category", "protests");
        Incidents.properties(protest).put("sub_category", "peaceful_protest");
        Incidents.create(protest);
        assertThat(changes("bbox", area, "since", "0", "category", "Protests").getList("changes.feature.title"),
                equalTo(List.of("feed protest")));
        assertThat(changes("bbox", area, "since", "0", "fatalities", "0").getList("changes").size(), equalTo(2));
    }

    @Test
    void shouldRefuseBadParameters() {
        for (String[] bad : new String[][] {{"since", "yesterday"}, {"limit", "0"}, {"bbox", "1,2,3"},
            {"occurred_at", "2025-03-04"}, {"category", "parades"}, {"cursor", "x"}}) {
            given().queryParam(bad[0], bad[1]).when().get("/collections/incidents/changes").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].parameter", equalTo(bad[0]));
        }
        given().queryParam("kind", "town").queryParam("since", "0").when().get("/collections/regions/changes").then()
                .statusCode(200);
    }

    @Test
    void shouldStreamChangesLiveAndResumeFromLastEventId() throws Exception {
        String area = "-42.1,22.9,-41.9,23.1";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest live = HttpRequest.newBuilder(base.resolve("collections/incidents/changes?bbox=" + area))
                .header("Accept", "text/event-stream").header("Authorization", TestIdentity.adminAuthorization())
                .build();
        HttpResponse<java.io.InputStream> stream = http.send(live, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode(), equalTo(200));
        assertThat(stream.headers().firstValue("Content-Type").orElse(""), containsString("text/event-stream"));
        CompletableFuture<List<String>> events = CompletableFuture.supplyAsync(() -> read(stream, 2));
        long id = Incidents.create(Incidents.point("feed live", -42.0, 23.0));
        given().contentType("application/merge-patch+json").body(Map.of("properties", Map.of("fatalities", 1)))
                .when().patch("/collections/incidents/items/" + id).then().statusCode(200);
        List<String> got = events.get(20, TimeUnit.SECONDS);
        stream.body().close();
        assertThat(got.get(0), containsString("event:create"));
        assertThat(got.get(0), containsString("\"title\":\"feed live\""));
        assertThat(got.get(1), containsString("event:update"));

        // A client that saw only the create reconnects with its id and gets the update, then what came since.
        String createId = got.get(0).lines().filter(l -> l.startsWith("id:")).findFirst().orElseThrow().substring(3)
                .strip();
        given().when().delete("/collections/incidents/items/" + id).then().statusCode(204);
        HttpResponse<java.io.InputStream> again = http.send(HttpRequest.newBuilder(live.uri())
                .header("Accept", "text/event-stream").header("Last-Event-ID", createId).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        List<String> resumed = CompletableFuture.supplyAsync(() -> read(again, 2)).get(20, TimeUnit.SECONDS);
        again.body().close();
        assertThat(resumed.get(0), containsString("event:update"));
        assertThat(resumed.get(1), containsString("event:delete"));
        assertThat(JsonPath.from(data(resumed.get(1))).getString("feature.title"), equalTo("feed live"));
        // The first feed carried a token and sees authors; this one, without, sees the changes without them.
        assertThat(JsonPath.from(data(got.get(0))).get("changed_by"), equalTo("test-admin"));
        assertThat(JsonPath.from(data(resumed.get(0))).getMap("").containsKey("changed_by"), equalTo(false));
        assertThat(JsonPath.from(data(resumed.get(0))).get("nothing"), nullValue());
    }

    /** The first {@code n} events of a stream (comment lines skipped), each as its lines with spaces removed. */
    private static List<String> read(HttpResponse<java.io.InputStream> response, int n) {
        List<String> events = new ArrayList<>();
        StringBuilder event = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (event.length() > 0) {
                        events.add(event.toString());
                        event.setLength(0);
                    }
                    if (events.size() == n) {
                        break;
                    }
                } else if (!line.startsWith(":")) {
                    event.append(line.replaceFirst(": ?", ":")).append('\n');
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return events;
    }

    private static String data(String event) {
        return event.lines().filter(l -> l.startsWith("data:")).map(l -> l.substring(5)).findFirst().orElseThrow();
    }

}
