package org.incidentmap.overload;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.IntSupplier;
import org.incidentmap.ogcapi.ResponseBudget;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client that asks for a large page and never reads holds the room its page takes in the response budget, not
 * the heap: while it holds all of it (1 MB here), another large page is refused with a 503 at once and a small one
 * still answers; the room comes back when that client leaves, and HEAD never keeps any.
 */
@QuarkusTest
@TestProfile(SlowReadersTest.SmallBudget.class)
@QuarkusTestResource(PostgisTestResource.class)
class SlowReadersTest {

    /** Room for one large page. */
    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("incidentmap.http.response-budget", "1M", "incidentmap.seed.enabled", "false");
        }
    }

    static final String BOX = "150,-60,151,-59";
    static final int BUDGET_KB = 1024;
    private static boolean stored;

    @TestHTTPResource("/")
    URI base;

    @Inject
    ResponseBudget budget;

    /** 10,000 incidents with long descriptions: a page of them is some 25 MB, more than any socket buffers. */
    @BeforeEach
    void store() {
        if (stored) {
            return;
        }
        stored = true;
        StringBuilder seq = new StringBuilder();
        String notes = "n".repeat(2000);
        for (int i = 0; i < 10_000; i++) {
            seq.append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[")
                    .append(150 + (i % 100) * 0.01).append(',').append(-60 + (i / 100) * 0.01)
                    .append("]},\"properties\":{\"title\":\"Held ").append(i).append("\",\"description\":\"")
                    .append(notes).append("\",\"category\":\"battles\",\"occurred_at\":\"2025-03-04\",")
                    .append("\"sources\":[{\"name\":\"Reuters\"}]}}\n");
        }
        given().contentType("application/geo+json-seq").body(seq.toString().getBytes(StandardCharsets.UTF_8)).post("/collections/incidents/items")
                .then().statusCode(201);
    }

    @Test
    void shouldRefuseALargePageWhileAClientThatDoesNotReadHoldsTheBudget() throws Exception {
        try (Socket idle = new Socket()) {
            idle.setReceiveBufferSize(4096);
            idle.connect(new InetSocketAddress(base.getHost(), base.getPort()));
            idle.getOutputStream().write(("GET /collections/incidents/items?bbox=" + BOX + "&limit=10000 HTTP/1.1\r\n"
                    + "Host: localhost\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            waitUntil(() -> budget.freeKilobytes(), 0);

            given().queryParam("bbox", BOX).queryParam("limit", 1000).get("/collections/incidents/items").then()
                    .statusCode(503).contentType("application/problem+json").header("Retry-After", "2")
                    .body("detail", containsString("large pages"));
            given().queryParam("bbox", BOX).queryParam("limit", 5).get("/collections/incidents/items").then()
                    .statusCode(200);
        }
        waitUntil(() -> budget.freeKilobytes(), BUDGET_KB);
        given().queryParam("bbox", BOX).queryParam("limit", 1000).get("/collections/incidents/items").then()
                .statusCode(200);
    }

    @Test
    void shouldKeepNoRoomForHeadOrARefusedPage() throws Exception {
        for (int i = 0; i < 5; i++) {
            given().queryParam("bbox", BOX).queryParam("limit", 1000).head("/collections/incidents/items").then()
                    .statusCode(200);
            given().queryParam("bbox", "1,2").queryParam("limit", 1000).get("/collections/incidents/items").then()
                    .statusCode(400);
        }
        waitUntil(() -> budget.freeKilobytes(), BUDGET_KB);
        given().queryParam("bbox", BOX).queryParam("limit", 1000).get("/collections/incidents/items").then()
                .statusCode(200);
    }

    private static void waitUntil(IntSupplier value, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (value.getAsInt() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected, value.getAsInt());
    }
}
