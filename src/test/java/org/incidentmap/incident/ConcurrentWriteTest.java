package org.incidentmap.incident;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.incidentmap.support.Incidents;
import org.incidentmap.support.PostgisTestResource;
import org.junit.jupiter.api.Test;

/** Writes racing on one incident end in one winner and clean 404s, never a 500. */
@QuarkusTest
@QuarkusTestResource(PostgisTestResource.class)
class ConcurrentWriteTest {

    @Test
    void shouldLetOneOfSixConcurrentDeletesWinAndTellTheOthersItIsGone() throws Exception {
        for (int round = 0; round < 5; round++) {
            long id = Incidents.create(Incidents.point("Raced " + round, -25, 25));
            List<Integer> statuses = race(6, () -> given().delete("/collections/incidents/items/" + id).statusCode());
            assertEquals(1, statuses.stream().filter(s -> s == 204).count(), "one DELETE wins: " + statuses);
            assertEquals(5, statuses.stream().filter(s -> s == 404).count(), "the others find nothing: " + statuses);
        }
    }

    @Test
    void shouldAnswerAPutRacingADeleteWithoutA500() throws Exception {
        for (int round = 0; round < 10; round++) {
            long id = Incidents.create(Incidents.point("Raced PUT " + round, -25.5, 25.5));
            AtomicInteger turn = new AtomicInteger();
            List<Integer> statuses = race(2, new Callable<>() {
                @Override
                public Integer call() {
                    return turn.getAndIncrement() == 0
                            ? given().delete("/collections/incidents/items/" + id).statusCode()
                            : given().contentType("application/geo+json")
                                    .body(Incidents.point("Replaced", -25.5, 25.5))
                                    .put("/collections/incidents/items/" + id).statusCode();
                }
            });
            assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 204 || s == 404), statuses.toString());
            given().get("/collections/incidents/items/" + id).then().statusCode(404);
        }
    }

    /** Runs {@code n} calls of {@code call} released at the same moment; their results. */
    private static List<Integer> race(int n, Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
