package org.incidentmap.map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.incidentmap.ogcapi.ChangeFeed;
import org.incidentmap.support.Browser;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.incidentmap.support.SeedOnly;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web map in headless Chromium, over a database holding the seed only (five incidents around Latakia):
 * what it draws is counted through MapLibre's own API (queryRenderedFeatures once the map is idle), never by
 * waiting a fixed time. Screenshots land in target/browser/.
 */
@QuarkusTest
@TestProfile(SeedOnly.class)
@QuarkusTestResource(PostgisTestResource.class)
class MapPageBrowserTest {

    /** Zoom 12, where tiles carry single incidents: Latakia city (three seeded incidents) and Qardaha (two). */
    static final String LATAKIA_VIEW = "#map=12/35.53/35.79";
    static final double QARDAHA_LON = 36.0597;
    static final double QARDAHA_LAT = 35.4572;
    static final String QARDAHA_VIEW = "#map=12/" + QARDAHA_LAT + "/" + QARDAHA_LON;

    /** Waits for the page's set-up, then for the map to be idle, and returns what it draws. */
    static final String RENDERED = """
            const done = arguments[arguments.length - 1];
            const m = window.incidentMap;
            m.ready.then(() => m.idle()).then(() => {
              const features = m.rendered();
              done({
                ids: [...new Set(features.filter(f => f.id !== undefined && f.properties.title).map(f => f.id))],
                stacks: features.filter(f => f.properties.at_point > 1).map(f => f.properties.at_point),
                clustered: features.filter(f => !f.properties.title).map(f => f.properties.count)
              });
            }).catch(e => done({error: String(e)}));
            """;

    @Inject
    ChangeFeed feeds;

    @TestHTTPResource("/map/")
    URL mapPage;

    static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @AfterEach
    void noConsoleErrors() {
        assertEquals(List.of(), browser.consoleErrors());
    }

    Map<String, Object> open(String fragment) {
        browser.driver().get("about:blank"); // a new fragment alone would not reload the page
        browser.driver().get(mapPage + fragment);
        return rendered();
    }

    Map<String, Object> rendered() {
        Map<String, Object> result = Browser.map(browser.await(RENDERED));
        assertTrue(!result.containsKey("error"), String.valueOf(result.get("error")));
        return result;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> result, String key) {
        return (List<Object>) result.get(key);
    }

    @Test
    void shouldDrawEverySeededIncidentAndTheStackAtQardaha() {
        Map<String, Object> latakia = open(LATAKIA_VIEW);
        browser.screenshot("map-latakia");
        assertEquals(3, list(latakia, "ids").size(), latakia.toString());
        Map<String, Object> qardaha = open(QARDAHA_VIEW);
        browser.screenshot("map-qardaha");
        assertEquals(2, list(qardaha, "ids").size(), qardaha.toString());
        assertEquals(List.of(2L, 2L), list(qardaha, "stacks"));
        String status = browser.driver().findElement(By.id("status")).getText();
        assertTrue(status.startsWith("5 incidents match"), status);
    }

    @Test
    void shouldClusterThemWhenZoomedOut() {
        Map<String, Object> shown = open("#map=6/35.5/36");
        browser.screenshot("map-clusters");
        assertEquals(List.of(), list(shown, "ids"));
        long total = list(shown, "clustered").stream().mapToLong(n -> ((Number) n).longValue()).sum();
        assertEquals(5, total, shown.toString());
    }

    @Test
    void shouldNarrowToTheTimeRangeAndCategoriesChosenAndKeepThemInTheUrl() {
        Map<String, Object> shown = open(LATAKIA_VIEW);
        assertEquals(3, list(shown, "ids").size(), shown.toString());
        browser.run("""
                for (const [id, value] of [['from', '2025-02-26'], ['to', '2025-02-26']]) {
                  const input = document.getElementById(id);
                  input.value = value;
                  input.dispatchEvent(new Event('change'));
                }""");
        shown = rendered();
        browser.screenshot("map-time-range");
        // Only the hit-and-run attacks (reported over two weeks up to 4 March) were going on that day.
        assertEquals(1, list(shown, "ids").size(), shown.toString());
        String url = browser.driver().getCurrentUrl();
        assertTrue(url.contains("from=2025-02-26") && url.contains("to=2025-02-26"), url);

        browser.driver().findElement(By.cssSelector("#categories input[value=battles]")).click();
        shown = rendered();
        assertEquals(0, list(shown, "ids").size(), shown.toString());
        String shared = browser.driver().getCurrentUrl();
        assertTrue(shared.contains("category=") && !shared.contains("battles"), shared);

        // The shared URL opens the same filters (on any view): at Qardaha, the two incidents of 26 February.
        String fragment = shared.substring(shared.indexOf('#')).replaceFirst("map=[^&]*", QARDAHA_VIEW.substring(1));
        shown = open(fragment);
        assertEquals(2, list(shown, "ids").size(), shown.toString());
        assertEquals("2025-02-26", browser.driver().findElement(By.id("from")).getAttribute("value"));
        assertTrue(!browser.driver().findElement(By.cssSelector("#categories input[value=battles]")).isSelected());
    }

    @Test
    void shouldListTheNearestIncidentsWithTheirDistances() {
        open(LATAKIA_VIEW);
        new Select(browser.driver().findElement(By.id("radius"))).selectByValue("5km");
        browser.driver().findElement(By.id("radius-tool")).click();
        clickOnMap(35.783, 35.517);
        browser.await("""
                const done = arguments[arguments.length - 1];
                const wait = () => document.querySelectorAll('#nearest li[data-id]').length ? done() : setTimeout(wait, 50);
                wait();""");
        List<WebElement> items = browser.driver().findElements(By.cssSelector("#nearest li[data-id]"));
        int expected = given().queryParam("near", "35.783,35.517").queryParam("radius", "5km").when()
                .get("/collections/incidents/items").then().statusCode(200).extract().jsonPath()
                .getInt("numberMatched");
        assertEquals(expected, items.size());
        assertTrue(items.get(0).getText().contains("Hit-and-run"), items.get(0).getText());
        assertTrue(items.get(0).getText().matches("(?s).*\\((\\d+ m|[\\d.]+ km)\\)$"), items.get(0).getText());
        String url = browser.driver().getCurrentUrl();
        assertTrue(url.matches(".*near=35\\.78\\d*,35\\.51\\d*&radius=5km.*"), url); // the clicked pixel's position

        // A listed incident opens its popup.
        items.get(0).click();
        browser.await("""
                const done = arguments[arguments.length - 1];
                const wait = () => document.querySelector('.maplibregl-popup .entry')
                    ? incidentMap.idle().then(() => done()) : setTimeout(wait, 50);
                wait();""");
        browser.screenshot("map-nearest");
        String popup = browser.driver().findElement(By.cssSelector(".maplibregl-popup")).getText();
        assertTrue(popup.contains("Hit-and-run"), popup);
    }

    @Test
    void shouldOpenAPopupListingEveryIncidentAtTheClickedPoint() {
        open("#map=15/" + QARDAHA_LAT + "/" + QARDAHA_LON);
        clickOnMap(QARDAHA_LON, QARDAHA_LAT);
        browser.await("""
                const done = arguments[arguments.length - 1];
                const wait = () => document.querySelector('.maplibregl-popup .entry') ? done() : setTimeout(wait, 50);
                wait();""");
        browser.screenshot("map-popup");
        List<WebElement> entries = browser.driver().findElements(By.cssSelector(".maplibregl-popup .entry"));
        assertEquals(2, entries.size());
        String text = browser.driver().findElement(By.cssSelector(".maplibregl-popup")).getText();
        assertTrue(text.contains("Police station attacked") && text.contains("Man shot dead"), text);
        assertTrue(text.contains("week of 2025-02-26 (week precision)"), text);
        assertTrue(text.contains("Sources") && text.contains("Reuters"), text);
    }

    @Test
    void shouldShadeRegionsByTheirCounts() {
        open(QARDAHA_VIEW);
        @SuppressWarnings("unchecked")
        Map<String, Object> qardaha = (Map<String, Object>) browser.run("""
                const f = incidentMap.map.querySourceFeatures('regions').find(r => r.properties.name === 'Qardaha');
                return f ? f.properties : null;""");
        assertEquals(2L, ((Number) qardaha.get("incidents")).longValue(), String.valueOf(qardaha));
    }

    @Test
    void shouldDrawAnIncidentAddedWhileThePageIsOpen() {
        String view = "#map=12/30.0/40.0";
        assertEquals(0, list(open(view), "ids").size());
        long id = Incidents.create(Incidents.point("added while the map is open", 40.0, 30.0));
        try {
            // The change feed tells the page, which redraws a second later.
            assertEquals(Boolean.TRUE, browser.await(TOLD_OF, 1));
            assertEquals(List.of(id), list(rendered(), "ids"));
        } finally {
            given().when().delete("/collections/incidents/items/" + id).then().statusCode(204);
        }
        // And when it is removed again (heard here, so that no later page redraws for it while it is tested).
        assertEquals(Boolean.TRUE, browser.await(TOLD_OF, 2));
        assertEquals(List.of(), list(rendered(), "ids"));
    }

    @Test
    void shouldLetGoOfItsFeedWhenLeft() throws InterruptedException {
        // A page kept for the back button used to keep its feed: six of them took every connection the browser
        // gives a host, and the next map waited for its tiles.
        open(LATAKIA_VIEW);
        assertEquals(1, openFeedsWithin(1));
        browser.driver().get("about:blank");
        assertEquals(0, openFeedsWithin(0));
        browser.driver().navigate().back();
        assertEquals(1, openFeedsWithin(1), "a page shown again follows the feed again");
        browser.driver().get("about:blank");
        assertEquals(0, openFeedsWithin(0));
    }

    /** The service's open live feeds, once they are {@code expected} or after 10 s. */
    int openFeedsWithin(int expected) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (feeds.openFeeds() != expected && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        return feeds.openFeeds();
    }

    /** Waits until the page has heard of arguments[0] changes, then for the redraw that follows a second later. */
    static final String TOLD_OF = """
            const done = arguments[arguments.length - 1];
            const started = Date.now();
            const wait = () => incidentMap.changes() >= arguments[0] ? setTimeout(() => done(true), 1500)
                : Date.now() - started > 15000 ? done(false) : setTimeout(wait, 200);
            wait();""";

    /** Clicks the map's canvas where [lon, lat] is drawn, as a user would. */
    void clickOnMap(double lon, double lat) {
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) browser.run(
                "const p = incidentMap.map.project([arguments[0], arguments[1]]); return {x: p.x, y: p.y};", lon, lat);
        WebElement canvas = browser.driver().findElement(By.cssSelector("#map canvas"));
        int x = (int) Math.round(((Number) p.get("x")).doubleValue() - canvas.getSize().getWidth() / 2.0);
        int y = (int) Math.round(((Number) p.get("y")).doubleValue() - canvas.getSize().getHeight() / 2.0);
        new Actions(browser.driver()).moveToElement(canvas, x, y).click().perform();
    }
}
