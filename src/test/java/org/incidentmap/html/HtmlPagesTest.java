package org.incidentmap.html;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTML pages for people (OGC API - Features "html"), chosen by f=html or by a browser's Accept header. */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class HtmlPagesTest {

    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @ParameterizedTest
    @ValueSource(strings = {"/", "/conformance", "/collections", "/collections/incidents", "/collections/regions",
        "/collections/incidents/items", "/collections/regions/items", "/collections/regions/items/qardaha"})
    void shouldServeEveryPageAsHtmlToBrowsersAndWithFHtml(String page) {
        given().accept(BROWSER_ACCEPT).when().get(page).then().statusCode(200)
                .contentType(startsWith("text/html")).header("Vary", containsString("Accept"))
                .body(containsString("<link rel=\"alternate\" type=\"application/"));
        given().queryParam("f", "html").when().get(page).then().statusCode(200)
                .contentType(startsWith("text/html")).body(containsString("</html>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/conformance", "/collections", "/collections/incidents",
        "/collections/incidents/items", "/collections/regions/items/qardaha"})
    void shouldKeepJsonForProgramsAndForFJson(String page) {
        given().when().get(page).then().statusCode(200).contentType(not(startsWith("text/html")));
        given().accept("*/*").when().get(page).then().statusCode(200).contentType(not(startsWith("text/html")));
        given().accept(BROWSER_ACCEPT).queryParam("f", "json").when().get(page).then().statusCode(200)
                .contentType(not(startsWith("text/html")));
    }

    @Test
    void shouldLinkEveryJsonDocumentToItsHtmlAlternate() {
        // The html conformance class: each JSON document names its HTML twin, which is served.
        for (String path : List.of("/collections", "/collections/incidents/items?limit=2",
                "/collections/regions/items/latakia")) {
            String html = given().when().get(path).then().statusCode(200).extract().jsonPath()
                    .getString("links.find { it.rel == 'alternate' && it.type == 'text/html' }.href");
            assertTrue(html != null && html.contains("f=html"), path + " links " + html);
            given().urlEncodingEnabled(false).when().get(html).then().statusCode(200)
                    .contentType(startsWith("text/html"));
        }
    }

    @Test
    void shouldTakeFGeoJsonOnFeaturesAndKeepTheOtherParameters() {
        given().queryParam("f", "geojson").queryParam("limit", 1).when().get("/collections/incidents/items").then()
                .statusCode(200).contentType("application/geo+json").body("numberReturned", equalTo(1))
                .body("links.find { it.rel == 'next' }.href", not(containsString("f=")));
        given().queryParam("f", "html").queryParam("limit", 1).when().get("/collections/incidents/items").then()
                .statusCode(200).body(containsString("1 shown")).body(containsString("rel=\"next\""))
                .body(containsString("f=html"));
    }

    @Test
    void shouldLinkThePagesToEachOther() {
        given().queryParam("f", "html").when().get("/").then()
                .body(containsString("/collections?f=html\""))
                .body(containsString("/conformance?f=html\""))
                .body(containsString("/map/\""));
        given().queryParam("f", "html").when().get("/collections/regions/items").then()
                .body(containsString("/collections/regions/items/qardaha?f=html\""))
                .body(containsString("data-features=\""));
    }

    @Test
    void shouldShowAnIncidentsPropertiesAsTextEscaped() {
        Map<String, Object> f = Incidents.point("<script>alert('x')</script> & co", 36.5, 35.1);
        Incidents.properties(f).put("sources", List.of(Map.of("name", "SANA", "url", "https://sana.sy/a")));
        long id = Incidents.create(f);
        String page = given().queryParam("f", "html").when().get("/collections/incidents/items/" + id).then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co")
                || page.contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; co"), page);
        assertFalse(page.contains("<script>alert"), page);
        assertTrue(page.contains("<a href=\"https://sana.sy/a\""), page);
    }

    @Test
    void shouldShowADeletedIncidentAsDeletedAndLinkItsHistory() {
        String since = java.time.Instant.now().minusSeconds(1).toString();
        long id = Incidents.create(Incidents.point("soon deleted", 36.6, 35.2));
        given().when().delete("/collections/incidents/items/" + id).then().statusCode(204);
        String page = given().queryParam("f", "html").queryParam("updated_after", since)
                .queryParam("tombstones", "true").queryParam("bbox", "36.5,35.1,36.7,35.3").when()
                .get("/collections/incidents/items").then().statusCode(200).extract().asString();
        assertTrue(page.contains("/collections/incidents/items/" + id + "/history\""), page);
        assertTrue(page.contains("<td>deleted 20"), page);
        assertTrue(page.contains(" by test-admin</td>"), page);
        assertFalse(page.contains("/collections/incidents/items/" + id + "?f=html"), page);
    }

    @Test
    void shouldRefuseAnUnknownFormatAsAProblem() {
        given().queryParam("f", "xml").when().get("/collections").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].parameter", equalTo("f"));
        given().queryParam("f", "html").queryParam("f", "json").when().get("/collections").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void shouldKeepErrorsProblemsEvenForBrowsers() {
        given().accept(BROWSER_ACCEPT).when().get("/collections/incidents/items/999999999").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
