package org.incidentmap.fault;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.incidentmap.support.FaultCluster;
import org.incidentmap.support.TestIdentity;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped abruptly under write load, then started again: meanwhile every request gets an answer within
 * a bounded time, a 503 problem with Retry-After and never a 500; readiness says DOWN; the service recovers by
 * itself; and every write it acknowledged (201) is in the database afterwards.
 */
@QuarkusTest
@TestProfile(DatabaseCrashTest.OwnCluster.class)
class DatabaseCrashTest {

    /** A durable cluster of this test's own, which it crashes; not the throwaway one the other tests share. */
    public static class OwnCluster implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FaultCluster.class), new TestResourceEntry(TestIdentity.class));
        }
    }

    /** What one write got: its status, how long it took, the id it created (201). */
    record Outcome(int status, long millis, String body, String retryAfter, String contentType, long nanoTime) {
    }

    /** The longest a request may wait for an answer while the database is gone (pool wait 5 s, then 503). */
    static final long MAX_MILLIS = 12_000;

    @TestHTTPResource("/")
    URI base;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldAnswer503WhileTheDatabaseIsDownRecoverAndLoseNoAcknowledgedWrite() throws Exception {
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        for (int w = 0; w < 4; w++) {
            int writer = w;
            writers.submit(() -> {
                for (int n = 0; writing.get(); n++) {
                    Outcome o = post("crash test " + writer + "-" + n);
                    outcomes.add(o);
                    if (o.status() == 201) {
                        acknowledged.add(o.body().replaceAll("(?s).*?\"id\":([0-9]+).*", "$1"));
                    }
                }
                return null;
            });
        }
        Thread.sleep(2_000);
        long crashed = System.nanoTime();
        FaultCluster.crash();
        List<Integer> readiness = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread.sleep(1_000);
            readiness.add(http.send(HttpRequest.newBuilder(base.resolve("q/health/ready")).timeout(Duration.ofSeconds(
                    15)).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        FaultCluster.restart();
        long restarted = System.nanoTime();
        long ready = waitUntilReady();
        Thread.sleep(2_000);
        writing.set(false);
        writers.shutdown();
        assertEquals(true, writers.awaitTermination(30, TimeUnit.SECONDS));

        List<Outcome> unexpected = outcomes.stream().filter(o -> o.status() != 201 && !(o.status() == 503
                && o.retryAfter() != null && o.contentType().startsWith("application/problem+json"))).toList();
        assertThat("answers other than 201 or a 503 problem with Retry-After", unexpected, empty());
        assertThat(outcomes.stream().mapToLong(Outcome::millis).max().orElse(0), lessThan(MAX_MILLIS));
        assertThat("503s while the database was down", outcomes.stream().filter(o -> o.status() == 503).count(),
                greaterThan(0L));
        assertThat("writes stored after the restart", outcomes.stream().filter(o -> o.status() == 201
                && o.nanoTime() > ready).count(), greaterThan(0L));
        assertThat("readiness while the database was down", readiness.contains(503), org.hamcrest.Matchers.is(true));
        List<String> lost = acknowledged.stream().filter(id -> given().when().get("/collections/incidents/items/" + id)
                .then().extract().statusCode() != 200).toList();
        assertThat("acknowledged writes lost", lost, empty());
        System.out.printf("crash test: %d writes, %d acknowledged, %d answered 503, 0 lost; down %.1f s, ready %.1f s "
                + "after the restart%n", outcomes.size(), acknowledged.size(),
                outcomes.stream().filter(o -> o.status() == 503).count(), (restarted - crashed) / 1e9,
                (ready - restarted) / 1e9);
    }

    private Outcome post(String title) {
        String feature = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[-44,25]},"
                + "\"properties\":{\"title\":\"" + title + "\",\"category\":\"battles\",\"occurred_at\":\"2025-03-04\","
                + "\"sources\":[{\"name\":\"Reuters\"}]}}";
        long started = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("collections/incidents/items"))
                    .timeout(Duration.ofMillis(MAX_MILLIS)).header("Content-Type", "application/geo+json")
                    .header("Authorization", TestIdentity.adminAuthorization())
                    .POST(HttpRequest.BodyPublishers.ofString(feature)).build(), HttpResponse.BodyHandlers.ofString());
            return new Outcome(r.statusCode(), (System.nanoTime() - started) / 1_000_000, r.body(),
                    r.headers().firstValue("Retry-After").orElse(null),
                    r.headers().firstValue("Content-Type").orElse(""), System.nanoTime());
        } catch (java.io.IOException e) {
            return new Outcome(-1, (System.nanoTime() - started) / 1_000_000, e.toString(), null, "", System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-2, 0, "interrupted", null, "", System.nanoTime());
        }
    }

    /** Polls readiness until it is UP again; returns when (System.nanoTime). */
    private long waitUntilReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (http.send(HttpRequest.newBuilder(base.resolve("q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return System.nanoTime();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not become ready within 60 s of the database's restart");
    }
}
