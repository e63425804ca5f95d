package org.incidentmap.ogcapi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/**
 * Requests refused before they reach a resource (a target or headers too long, a broken percent-encoding, a
 * matrix parameter) still get an RFC 9457 problem body. Sent over a raw socket: HTTP clients refuse to send
 * most of them.
 */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class HttpLayerErrorsTest {

    @TestHTTPResource("/")
    URI base;

    private String exchange(String requestHead) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String get(String target, String extraHeaders) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders + "Connection: close\r\n\r\n";
    }

    private static void assertProblem(String response, int status) {
        assertTrue(response.startsWith("HTTP/1.1 " + status), response.lines().findFirst().orElse(""));
        assertTrue(response.contains("application/problem+json"), response);
        assertTrue(response.contains("\"status\":" + status), response);
    }

    @Test
    void shouldAnswerATooLongTargetWithA414Problem() throws Exception {
        String response = exchange(get("/collections/incidents/items?intersects=" + "x".repeat(70_000), ""));
        assertProblem(response, 414);
        assertTrue(response.contains("/collections/incidents/search"), response);
    }

    @Test
    void shouldRefuseAnAbsoluteFormTargetNamingAnotherHost() throws Exception {
        String response = exchange(get("http://evil.example/collections", ""));
        assertProblem(response, 421);
        assertTrue(response.contains("evil.example"), response);
        assertProblem(exchange(get("http://evil.example:" + base.getPort() + "/collections/incidents/items/1", "")),
                421);
        // The service's own host in absolute form is answered, and its links name that host.
        String own = exchange(get("http://localhost:" + base.getPort() + "/collections?f=json", ""));
        assertTrue(own.startsWith("HTTP/1.1 200"), own.lines().findFirst().orElse(""));
        assertTrue(own.contains("\"href\":\"http://localhost/collections\""), own);
    }

    @Test
    void shouldAnswerTooLargeHeadersWithA431Problem() throws Exception {
        assertProblem(exchange(get("/collections", "X-Padding: " + "p".repeat(40_000) + "\r\n")), 431);
    }

    @Test
    void shouldAnswerATargetThatIsNotAUriWithA400Problem() throws Exception {
        assertProblem(exchange(get("/collections/incidents/items?bbox=%%%", "")), 400);
        assertProblem(exchange(get("/collections/incidents/items?bbox={1}", "")), 400);
        assertProblem(exchange(get("/collections/incidents/items?region=%C3%28", "")), 400);
        assertProblem(exchange(get("/collections/regions/items/%FF", "")), 400);
    }

    @Test
    void shouldRefuseAMatrixParameterRatherThanDropIt() throws Exception {
        String response = exchange("DELETE /collections/incidents/items/1;x=1 HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertProblem(response, 400);
        assertTrue(response.contains("matrix"), response);
    }
}
