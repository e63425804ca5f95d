package org.incidentmap.cql2;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CQL2 filters on items (OGC API - Features Part 3) against PostGIS: one filter of each kind the conformance
 * classes name, in text and JSON, over three incidents stored in an area of their own.
 */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class Cql2FilterTest {

    private static final String AREA = "40.9,-61.1,41.3,-60.9";
    private static boolean seeded;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        Map<String, Object> alpha = Incidents.point("cql alpha", 41.0, -61.0);
        Map<String, Object> a = Incidents.properties(alpha);
        a.put("fatalities", 3);
        a.put("actors", List.of("Army", "Militia X"));
        a.put("admin1", "Latakia");
        a.put("admin2", "Jableh");
        a.put("location_name", "Ḥamā Road");
        a.put("occurred_at", "2025-03-01T10:00:00Z");
        Map<String, Object> beta = Incidents.point("cql beta", 41.2, -61.0);
        Map<String, Object> b = Incidents.properties(beta);
        b.put("category", "violence_against_civilians");
        b.put("sub_category", "attack");
        b.put("actors", List.of("Unknown gunmen"));
        b.put("admin2", "Latakia");
        b.put("occurred_at", "2025-03-05");
        b.put("occurred_until", "2025-03-07");
        Map<String, Object> gamma = Incidents.point("cql gamma", 41.1, -61.05);
        Map<String, Object> c = Incidents.properties(gamma);
        c.put("category", "protests");
        c.put("sub_category", "peaceful_protest");
        c.remove("fatalities");
        c.put("occurred_at", "2025-04-01T00:00:00Z");
        Incidents.create(alpha);
        Incidents.create(beta);
        Incidents.create(gamma);
        seeded = true;
    }

    private static List<String> titles(String filter, String... more) {
        var request = given().queryParam("bbox", AREA).queryParam("filter", filter);
        for (int i = 0; i < more.length; i += 2) {
            request.queryParam(more[i], more[i + 1]);
        }
        List<String> titles = request.when().get("/collections/incidents/items").then().statusCode(200)
                .extract().jsonPath().getList("features.properties.title");
        return titles == null ? List.of() : titles;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            fatalities >= 1                                                       | cql alpha
            fatalities > 2 AND admin2 = 'Jableh'                                  | cql alpha
            admin2 IN ('Jableh', 'Latakia')                                       | cql alpha, cql beta
            admin2 NOT IN ('Jableh')                                              | cql beta
            category = 'Battles' OR category = 'PROTESTS'                         | cql alpha, cql gamma
            title LIKE 'cql b%'                                                   | cql beta
            title NOT LIKE 'cql _eta'                                             | cql alpha, cql gamma
            CASEI(title) LIKE CASEI('CQL G%')                                     | cql gamma
            ACCENTI(location_name) = ACCENTI('Hama Road')                         | cql alpha
            fatalities BETWEEN 0 AND 2                                            | cql beta
            fatalities IS NULL                                                    | cql gamma
            fatalities IS NOT NULL                                                | cql alpha, cql beta
            NOT (fatalities > 0)                                                  | cql beta
            fatalities * 2 + 1 > 6                                                | cql alpha
            fatalities / 0 > 1                                                    | ``
            S_INTERSECTS(geometry, BBOX(40.95, -61.01, 41.05, -60.99))            | cql alpha
            S_INTERSECTS(geometry, POLYGON((41.15 -61.1, 41.25 -61.1, 41.25 -60.9, 41.15 -60.9, 41.15 -61.1))) | cql beta
            S_WITHIN(geometry, POLYGON((40.9 -61.1, 41.15 -61.1, 41.15 -60.9, 40.9 -60.9, 40.9 -61.1)))        | cql alpha, cql gamma
            S_DISJOINT(geometry, POINT(41 -61))                                   | cql beta, cql gamma
            S_EQUALS(geometry, POINT(41.2 -61))                                   | cql beta
            S_DWITHIN(geometry, POINT(41 -61), 9000)                              | cql alpha, cql gamma
            T_INTERSECTS(INTERVAL(occurred_at, occurred_until), INTERVAL('2025-03-06', '2025-03-31')) | cql beta
            T_BEFORE(occurred_at, DATE('2025-03-05'))                             | cql alpha
            T_AFTER(occurred_at, TIMESTAMP('2025-03-31T23:59:59Z'))               | cql gamma
            T_DURING(INTERVAL(occurred_at, occurred_until), INTERVAL('2025-03-02', '..')) | cql beta, cql gamma
            occurred_at >= DATE('2025-03-05')                                     | cql beta, cql gamma
            occurred_at = DATE('2025-03-01')                                      | cql alpha
            occurred_until > occurred_at                                          | cql beta
            A_CONTAINS(actors, ('Army'))                                          | cql alpha
            A_OVERLAPS(actors, ('Unknown gunmen', 'Nobody'))                      | cql beta
            A_CONTAINEDBY(actors, ('Army', 'Militia X', 'Police'))                | cql alpha, cql gamma
            A_EQUALS(actors, ())                                                  | cql gamma
            "admin2" = 'Jableh' and not fatalities < 3                            | cql alpha
            TRUE                                                                  | cql alpha, cql beta, cql gamma
            """)
    void shouldMatchWhatTheTextFilterSays(String filter, String expected) {
        assertMatches(filter, expected);
    }

    /**
     * A literal span of at most 31 days, or one open at its end, is looked up through the period's range index
     * (V12) before the relation is checked: the same answers, closed at both ends, whichever operand comes first.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            T_INTERSECTS(INTERVAL(occurred_at, occurred_until), INTERVAL('2025-02-20T00:00:00Z', '2025-03-01T10:00:00Z')) | cql alpha
            T_INTERSECTS(INTERVAL(occurred_at, occurred_until), TIMESTAMP('2025-03-01T10:00:00Z')) | cql alpha
            T_INTERSECTS(INTERVAL(occurred_at, occurred_until), DATE('2025-03-07'))                | cql beta
            T_INTERSECTS(INTERVAL(occurred_at, occurred_until), INTERVAL('2025-03-08', '2025-03-31')) | ``
            T_INTERSECTS(DATE('2025-04-01'), INTERVAL(occurred_at, occurred_until))                | cql gamma
            T_INTERSECTS(INTERVAL(occurred_at, occurred_until), INTERVAL('2025-03-06', '..'))      | cql beta, cql gamma
            T_INTERSECTS(INTERVAL(occurred_at, occurred_until), INTERVAL('2025-03-01', '2025-03-01')) | cql alpha
            T_INTERSECTS(INTERVAL(occurred_at, occurred_until), INTERVAL('2025-01-01', '2025-12-31')) | cql alpha, cql beta, cql gamma
            T_DURING(INTERVAL(occurred_at, occurred_until), INTERVAL('2025-03-04', '2025-03-09'))  | cql beta
            T_CONTAINS(INTERVAL(occurred_at, occurred_until), DATE('2025-03-06'))                  | cql beta
            T_DISJOINT(INTERVAL(occurred_at, occurred_until), INTERVAL('2025-03-01', '2025-03-07')) | cql gamma
            NOT (T_INTERSECTS(INTERVAL(occurred_at, occurred_until), DATE('2025-03-06')))          | cql alpha, cql gamma
            """)
    void shouldRelateThePeriodToShortSpansAsTheRangeIndexFindsThem(String filter, String expected) {
        assertMatches(filter, expected);
    }

    /** The filter matches the incidents whose titles {@code expected} lists (", " between them), and no others. */
    private static void assertMatches(String filter, String expected) {
        List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(", "));
        assertThat(titles(filter), containsInAnyOrder(want.toArray()));
    }

    @Test
    void shouldReadCql2Json() {
        String filter = """
                {"op": "and", "args": [
                  {"op": ">=", "args": [{"property": "fatalities"}, 1]},
                  {"op": "s_intersects", "args": [{"property": "geometry"},
                    {"type": "Polygon", "coordinates": [[[40.9, -61.1], [41.05, -61.1], [41.05, -60.9], [40.9, -61.1]]]}]},
                  {"op": "t_intersects", "args": [{"property": "occurred_at"},
                    {"interval": ["2025-02-01", ".."]}]},
                  {"op": "in", "args": [{"op": "casei", "args": [{"property": "admin2"}]}, ["jableh", "latakia"]]},
                  {"op": "a_contains", "args": [{"property": "actors"}, ["Army"]]}
                ]}""";
        assertThat(titles(filter, "filter-lang", "cql2-json"), equalTo(List.of("cql alpha")));
    }

    @Test
    void shouldReadGeometriesLatitudeFirstInEpsg4326() {
        assertThat(titles("S_INTERSECTS(geometry, POINT(-61 41.2))", "filter-crs",
                "http://www.opengis.net/def/crs/EPSG/0/4326"), equalTo(List.of("cql beta")));
    }

    @Test
    void shouldCountOnlyTheMatches() {
        given().queryParam("bbox", AREA).queryParam("filter", "admin2 IS NOT NULL").queryParam("limit", 1)
                .when().get("/collections/incidents/items").then().statusCode(200)
                .body("numberMatched", equalTo(2)).body("features.size()", equalTo(1));
        given().queryParam("by", "category").queryParam("bbox", AREA).queryParam("filter", "fatalities >= 0")
                .when().get("/collections/incidents/aggregate").then().statusCode(200)
                .body("groups.find { it.key == 'battles' }.incidents", equalTo(1))
                .body("groups.find { it.key == 'violence_against_civilians' }.incidents", equalTo(1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            fatalities >                                | at character 13: unexpected the end of the filter
            fatalities >= 1 AND                         | at character 20: unexpected the end of the filter
            size > 3                                    | 'size' is not a queryable of incidents; its queryables are geometry, title
            fatalities = 'many'                         | cannot compare 'fatalities' (number) with 'many' (text)
            geometry = POINT(1 2)                       | geometries are compared with spatial functions
            S_BUFFER(geometry, 3)                       | unknown function S_BUFFER; the functions are
            S_INTERSECTS(geometry, POINT(200 0))        | at character 24: the geometry POINT(200 0) is invalid
            S_DWITHIN(geometry, POINT(1 2), 5000000)    | S_DWITHIN's third argument is a distance in metres, more than 0 and at most 1000000
            T_AFTER(occurred_at, DATE('2025-02-30'))    | '2025-02-30' is not an RFC 3339 date-time
            T_DURING(occurred_at, INTERVAL('2025-03-10', '2025-03-09T23:00:00Z')) | at character 23: the interval starts after it ends
            title LIKE 3                                | LIKE compares text with a text pattern
            fatalities                                  | 'fatalities' is a number, not a condition
            title = 'a' ++ 'b'                          | at character 14: unexpected '+' (expecting {TRUE, FALSE, a WKT geometry
            """)
    void shouldRefuseAFilterSayingWhereAndWhy(String filter, String detail) {
        given().queryParam("filter", filter).when().get("/collections/incidents/items").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", startsWith("Invalid query parameter 'filter'"))
                .body("detail", containsString(detail));
    }

    @Test
    void shouldRefuseArithmeticTheDatabaseCannotEvaluate() {
        given().queryParam("bbox", AREA).queryParam("filter", "fatalities ^ 1000 > 1").when()
                .get("/collections/incidents/items").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("the database could not evaluate it: value out of range"));
    }

    @Test
    void shouldRefuseAFilterNestedTooDeeplyWithoutFailing() {
        for (String filter : List.of("(".repeat(300) + "TRUE" + ")".repeat(300), "fatalities" + " + 1".repeat(200)
                + " > 1", "-".repeat(500) + "1 = fatalities", "(".repeat(65) + "TRUE" + ")".repeat(65))) {
            given().queryParam("filter", filter).when().get("/collections/incidents/items").then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString("nests more than 64"));
        }
        assertThat(titles("(".repeat(30) + "fatalities > 2" + ")".repeat(30)), equalTo(List.of("cql alpha")));
    }

    @Test
    void shouldCountNestingAsTheGrammarReadsStringsBeforeParsing() {
        // A quote escaped inside a string ('\'') once hid every parenthesis after it from the check before parsing,
        // so the depth was found only after a full parse (1.35 s of CPU for 1,000 levels, 3.9 s for 5,000).
        for (String prefix : List.of("title = '\\'' AND ", "title = '''' AND ", "title = 'a(b' AND ")) {
            String filter = prefix + "(".repeat(5000) + "fatalities > 0" + ")".repeat(5000);
            int sixtyFifth = prefix.length() + 65;
            given().queryParam("filter", filter).when().get("/collections/incidents/items").then().statusCode(400)
                    .contentType("application/problem+json").body("detail",
                            containsString("at character " + sixtyFifth + ": the filter nests more than 64"));
        }
        given().queryParam("filter", "fatalities IN (" + "1,".repeat(15_000) + "2)").when()
                .get("/collections/incidents/items").then().statusCode(400)
                .body("detail", containsString("more than 20000 tokens"));
        assertThat(titles("title = '\\'' OR (fatalities > 2)"), equalTo(List.of("cql alpha")));
    }

    @Test
    void shouldReadGdalsDialect() {
        // What GDAL 3.6 sends for -where "title LIKE '%ALPHA' AND occurred_at < '2025-03-02'" (its LIKE ignores case).
        assertThat(titles("(title LIKE '%ALPHA') AND (occurred_at < '2025-03-02T')", "filter-lang", "cql-text"),
                equalTo(List.of("cql alpha")));
        assertThat(titles("title LIKE '%ALPHA'"), equalTo(List.of()));
    }

    @Test
    void shouldRefuseBadJsonAndUnknownLanguagesAndCrs() {
        given().queryParam("filter", "{\"op\": \"=\", \"args\": [{\"property\": \"fatalities\"}]}")
                .queryParam("filter-lang", "cql2-json").when().get("/collections/incidents/items").then()
                .statusCode(400).body("detail", containsString("at /: = takes 2 arguments, got 1"));
        given().queryParam("filter", "{\"op\": \"and\", \"args\": [true, {\"property\": \"size\"}]}")
                .queryParam("filter-lang", "cql2-json").when().get("/collections/incidents/items").then()
                .statusCode(400).body("detail", containsString("at /args/1: 'size' is not a queryable"));
        given().queryParam("filter", "TRUE").queryParam("filter-lang", "ecql").when()
                .get("/collections/incidents/items").then().statusCode(400)
                .body("detail", containsString("it reads cql2-text and cql2-json"));
        given().queryParam("filter", "TRUE").queryParam("filter-crs", "EPSG:3035").when()
                .get("/collections/incidents/items").then().statusCode(400)
                .body("detail", containsString("'EPSG:3035' is not a CRS of this service's filters"));
        given().queryParam("filter-lang", "cql2-text").when().get("/collections/incidents/items").then()
                .statusCode(400).body("detail", containsString("give 'filter' too"));
    }

    @Test
    void shouldFilterRegionsByTheirQueryables() {
        given().queryParam("filter", "id = 'latakia-governorate' AND S_INTERSECTS(geometry, POINT(35.78 35.52))")
                .when().get("/collections/regions/items").then().statusCode(200)
                .body("features.id", equalTo(List.of("latakia-governorate")));
        given().queryParam("filter", "fatalities > 1").when().get("/collections/regions/items").then()
                .statusCode(400).body("detail", containsString("'fatalities' is not a queryable of regions"));
    }

    @Test
    void shouldDescribeTheQueryablesAsJsonSchema() {
        given().when().get("/collections/incidents/queryables").then().statusCode(200)
                .contentType("application/schema+json")
                .body("$schema", equalTo("https://json-schema.org/draft/2020-12/schema"))
                .body("$id", containsString("/collections/incidents/queryables"))
                .body("properties.geometry.x-ogc-role", equalTo("primary-geometry"))
                .body("properties.occurred_at.format", equalTo("date-time"))
                .body("properties.category.enum", hasItem("battles"))
                .body("properties.actors.items.type", equalTo("string"));
        given().when().get("/collections/regions/queryables").then().statusCode(200)
                .body("properties.approximate.type", equalTo("boolean"));
        given().when().get("/collections/nothing/queryables").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/collections/incidents").then().statusCode(200)
                .body("links.rel", hasItem("http://www.opengis.net/def/rel/ogc/1.0/queryables"));
        given().when().get("/conformance").then().statusCode(200)
                .body("conformsTo", hasItem("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter"));
    }
}
