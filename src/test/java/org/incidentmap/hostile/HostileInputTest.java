package org.incidentmap.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.incidentmap.support.TestIdentity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hostile request of {@link HostileCases} (several hundred, over every parameter, path, body field and
 * header) gets a 4xx with an RFC 9457 problem body, and leaves every stored row as it was.
 */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class HostileInputTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static long existingId;

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    static Stream<HostileCases.Case> cases() {
        return HostileCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldAnswerAProblemAndStoreNothing(HostileCases.Case c) throws Exception {
        if (existingId == 0) {
            existingId = Incidents.create(Incidents.point("Target of hostile writes", -45.5, -30.5));
        }
        String path = c.path().replace(HostileCases.EXISTING, String.valueOf(existingId));
        String before = fingerprint();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (c.contentType() != null && !c.contentType().isEmpty()) {
            request.header("Content-Type", c.contentType());
        }
        // As an administrator, so that each write is refused for what it sends, not for who sends it.
        request.header("Authorization", TestIdentity.adminAuthorization());
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        String where = c.method() + " " + path + " -> " + status + " " + response.body();
        if (c.status() != 0) {
            assertEquals(c.status(), status, where);
        } else {
            assertTrue(status >= 400 && status < 500, where);
        }
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), where);
        assertTrue(response.body().contains("\"status\":" + status), where);
        assertEquals(before, fingerprint(), "stored rows changed: " + where);
    }

    /** Counts and the latest change of both tables: equal before and after means nothing was stored. */
    private String fingerprint() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') "
                        + "FROM incident) || ' ' || (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') "
                        + "FROM region)")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
