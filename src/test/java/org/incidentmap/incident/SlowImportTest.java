package org.incidentmap.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.incidentmap.support.TestIdentity;
import org.junit.jupiter.api.Test;

/**
 * An import large enough to go straight into the table (here: ten rows or more) is received whole before the table
 * is touched, so a sender that is slow to send it holds no lock: reads and single writes go on meanwhile (they used to
 * wait behind the import's DROP INDEX until their statement timeout, then get a 503). How large the body really is,
 * not what it declared, decides how it is loaded.
 */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
@TestProfile(LargeImportTest.LowThreshold.class)
class SlowImportTest {

    @TestHTTPResource("/")
    URI base;

    private static String feature(int i) {
        return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[160," + (-50 + i * 0.001)
                + "]},\"properties\":{\"title\":\"Slow " + i + "\",\"category\":\"battles\",\"occurred_at\":"
                + "\"2025-03-04\",\"sources\":[{\"name\":\"Reuters\"}]}}\n";
    }

    @Test
    void shouldAnswerReadsAndWritesWhileASlowSenderIsStillSendingALargeImport() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            body.append(feature(i));
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        int half = bytes.length * 7 / 10; // past the first batches the import reads ahead (200 features each)
        try (Socket slow = new Socket(base.getHost(), base.getPort())) {
            slow.setSoTimeout(30_000);
            OutputStream out = slow.getOutputStream();
            out.write(("POST /collections/incidents/items HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + TestIdentity.adminAuthorization() + "\r\nContent-Type: application/geo+json-seq\r\n"
                    + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes, 0, half);
            out.flush();
            Thread.sleep(1000); // the sender pauses half-way

            long started = System.nanoTime();
            given().queryParam("bbox", "159,-51,161,-49").get("/collections/incidents/items").then().statusCode(200)
                    .body("features.size()", equalTo(0));
            given().get("/collections/incidents/aggregate?by=category").then().statusCode(200);
            Incidents.create(Incidents.point("written meanwhile", 161.5, -50));
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            // Waiting behind a lock would have taken the statement timeout (10 s) and ended in a 503.
            assertTrue(tookMillis < 5_000, "reads and a write took " + tookMillis + " ms");

            out.write(bytes, half, bytes.length - half);
            out.flush();
            String status = new BufferedReader(new InputStreamReader(slow.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertTrue(status.startsWith("HTTP/1.1 201"), status);
        }
        given().queryParam("bbox", "159,-51,161,-49").queryParam("limit", 1000).get("/collections/incidents/items")
                .then().statusCode(200).body("features.size()", equalTo(1000));
    }
}
