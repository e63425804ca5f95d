package org.incidentmap.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.incidentmap.support.TestIdentity;
import org.junit.jupiter.api.Test;

/** An import larger than incidentmap.import.max-size is a 413 problem whether or not it declares its length. */
@QuarkusTest
@TestProfile(ImportSizeTest.SmallImports.class)
@QuarkusTestResource(PostgisTestResource.class)
class ImportSizeTest {

    public static class SmallImports implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("incidentmap.import.max-size", "20K");
        }
    }

    @TestHTTPResource("/collections/incidents/items")
    URI items;

    private static byte[] sequence(int features) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < features; i++) {
            body.append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[-20,").append(10 + i * 0.001)
                    .append("]},\"properties\":{\"title\":\"Sized ").append(i).append("\",\"category\":\"battles\",")
                    .append("\"occurred_at\":\"2025-03-04\",\"sources\":[{\"name\":\"Reuters\"}]}}\n");
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(items)
                .header("Authorization", TestIdentity.adminAuthorization()).header("Content-Type", "application/geo+json-seq").POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldRefuseAChunkedImportPastTheLimitWithAProblemAndStoreNothing() throws Exception {
        int before = Incidents.count();
        byte[] large = sequence(400); // ~60 KB
        HttpResponse<String> chunked = post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large)));
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertTrue(chunked.body().contains("incidentmap") || chunked.body().contains("at most 20480 bytes"), chunked.body());
        HttpResponse<String> declared = post(HttpRequest.BodyPublishers.ofByteArray(large));
        assertEquals(413, declared.statusCode(), declared.body());
        assertEquals(before, Incidents.count());
        assertEquals(201, post(HttpRequest.BodyPublishers.ofByteArray(sequence(10))).statusCode());
    }
}
