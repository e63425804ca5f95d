package org.incidentmap.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/**
 * An export slot comes back on every path an exchange can take: HEAD (answered without running an export), a client
 * that leaves before the first byte, a parameter refused after parsing. Two slots are configured (the default), so
 * one lost slot in each of a few requests would leave every later export refused with a 503.
 */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class ExportSlotsTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void shouldAnswerHeadWithGetsHeadersAndKeepEveryExportSlot() {
        for (int i = 0; i < 10; i++) {
            given().queryParam("f", "csv").head("/collections/incidents/export").then().statusCode(200)
                    .contentType(startsWith("text/csv")).header("Content-Disposition", containsString("incidents.csv"))
                    .body(emptyString());
        }
        given().head("/collections/incidents/export?bbox=1,2").then().statusCode(400);
        exportAnswers();
    }

    @Test
    void shouldFreeTheSlotOfAClientGoneBeforeTheFirstByte() throws Exception {
        for (int i = 0; i < 10; i++) {
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET /collections/incidents/export HTTP/1.1\r\nHost: localhost\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        }
        // The server learns of each close on its own time: allow it a few seconds.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (given().get("/collections/incidents/export").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        exportAnswers();
    }

    @Test
    void shouldFreeTheSlotOfAnExportRefusedForItsParameters() {
        for (int i = 0; i < 10; i++) {
            given().queryParam("region", "no-such-region").get("/collections/incidents/export").then()
                    .statusCode(400);
            given().queryParam("max_features", "-1").get("/collections/incidents/export").then().statusCode(400);
        }
        exportAnswers();
    }

    private static void exportAnswers() {
        for (int i = 0; i < 3; i++) {
            given().queryParam("f", "csv").get("/collections/incidents/export").then().statusCode(200)
                    .body(startsWith("event_id_cnty,"));
        }
    }
}
