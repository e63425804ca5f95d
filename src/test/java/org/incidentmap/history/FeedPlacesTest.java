package org.incidentmap.history;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.incidentmap.ogcapi.ChangeFeed;
import org.incidentmap.support.PostgisTestResource;
import org.incidentmap.support.TestIdentity;
import org.junit.jupiter.api.Test;

/**
 * One client cannot take every live feed place: with the defaults (100 places, 20 a client), a client that opens
 * 100 feeds gets 20 and a 429 for each other, and a client from another address, or with a token, still gets one.
 * Feeds are opened over raw sockets, from two loopback addresses, and held open while the others try.
 */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class FeedPlacesTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    ChangeFeed feed;

    @Test
    void shouldLeaveRoomForAnotherClientWhenOneOpensAHundredFeeds() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            int opened = 0;
            int refused = 0;
            for (int i = 0; i < 100; i++) {
                Socket s = connect("127.0.0.1", null);
                held.add(s);
                String status = statusLine(s);
                if (status.startsWith("HTTP/1.1 200")) {
                    opened++;
                } else {
                    assertTrue(status.startsWith("HTTP/1.1 429"), status);
                    refused++;
                }
            }
            assertEquals(20, opened);
            assertEquals(80, refused);

            Socket other = connect("127.0.0.2", null);
            held.add(other);
            assertTrue(statusLine(other).startsWith("HTTP/1.1 200"), "a second address opens a feed");
            Socket withToken = connect("127.0.0.1", TestIdentity.adminAuthorization());
            held.add(withToken);
            assertTrue(statusLine(withToken).startsWith("HTTP/1.1 200"), "a token's holder is a client of its own");

            Socket again = connect("127.0.0.1", null);
            held.add(again);
            String answer = head(again);
            assertTrue(answer.startsWith("HTTP/1.1 429"), answer);
            assertTrue(answer.contains("application/problem+json") && answer.contains("Retry-After: 10"), answer);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
        waitForNoFeed(); // closed feeds give their places back
    }

    @Test
    void shouldAnswerHeadOnTheLiveFeedWithoutKeepingAPlace() throws Exception {
        waitForNoFeed();
        for (int i = 0; i < 30; i++) {
            given().accept("text/event-stream").head("/collections/incidents/changes").then().statusCode(200);
        }
        waitForNoFeed();
    }

    private Socket connect(String from, String authorization) throws IOException {
        Socket s = new Socket(InetAddress.getByName(base.getHost()), base.getPort(), InetAddress.getByName(from), 0);
        s.setSoTimeout(10_000);
        String request = "GET /collections/incidents/changes HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: text/event-stream\r\n" + (authorization == null ? "" : "Authorization: " + authorization
                + "\r\n") + "\r\n";
        s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
        return s;
    }

    /** The status line and headers of the answer. */
    private static String head(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder head = new StringBuilder();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            head.append(line).append('\n');
        }
        return head.toString();
    }

    private void waitForNoFeed() throws InterruptedException {
    }

    private static String statusLine(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        return in.readLine();
    }
}
