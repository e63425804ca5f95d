package org.incidentmap.html;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.incidentmap.support.Browser;
import org.incidentmap.support.PostgisTestResource;
import org.incidentmap.support.SeedOnly;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks the HTML pages in headless Chromium from the landing page, as a reader clicking through would: every
 * link to the service answers 200, every page (with its small map) loads without a console error.
 */
@QuarkusTest
@TestProfile(SeedOnly.class)
@QuarkusTestResource(PostgisTestResource.class)
class HtmlLinksBrowserTest {

    static final int MOST_PAGES = 60;

    @TestHTTPResource("/")
    URL root;

    static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldLinkEveryPageToPagesThatExist() {
        String origin = root.toString().replaceFirst("/$", "");
        Deque<String> pages = new ArrayDeque<>(List.of(root + "?f=html"));
        Set<String> checked = new HashSet<>();
        int visited = 0;
        while (!pages.isEmpty() && visited < MOST_PAGES) {
            String page = pages.poll();
            browser.driver().get(page);
            visited++;
            browser.await("""
                    const done = arguments[arguments.length - 1];
                    const map = document.getElementById('page-map');
                    const wait = () => !map || map.dataset.ready ? done() : setTimeout(wait, 50);
                    wait();""");
            assertEquals(List.of(), browser.consoleErrors(), page);
            for (String link : (List<String>) browser.run(
                    "return [...document.querySelectorAll('a[href]')].map(a => a.href.replace(/#.*$/, ''))")) {
                if (!link.startsWith(origin) || !checked.add(link)) {
                    continue; // another site's (conformance classes, sources), or already checked
                }
                int status = given().urlEncodingEnabled(false).when().get(link).then().extract().statusCode();
                assertEquals(200, status, "the link to " + link + " on " + page);
                if (link.contains("f=html")) {
                    pages.add(link);
                }
            }
        }
        browser.screenshot("html-last-page");
        assertTrue(visited >= 15, "visited only " + visited + " pages");
    }
}
