package org.incidentmap.ogcapi;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.problem.ProblemException;

/**
 * The bytes of response bodies the service holds for clients at once ({@code incidentmap.http.response-budget}).
 * A page is read, written and held until its client has taken it; a client that asks for large pages and never
 * reads holds all of that, and a few hundred such clients exhausted a 256 MB heap (OutOfMemoryError, 500s, an event
 * loop stalled for seconds). Each large page reserves its estimated size before its rows are read and gives it back
 * when its body is written or its exchange ends; one that finds no room soon is refused with a 503, so memory stays
 * bounded and threads are not parked behind clients that do not read. Small answers need no reservation.
 */
@ApplicationScoped
public class ResponseBudget {

    /** A page's estimated size per feature, before its rows are read: generous for the points most are. */
    static final long BYTES_PER_FEATURE = 2048;
    /** Pages estimated below this never wait: the probe of a map or a monitor always gets its answer. */
    static final long SMALL = 64 << 10;
    private static final int KB = 1024;

    private final Semaphore kilobytes;
    private final int totalKilobytes;
    private final long waitMillis;

    @Inject
    CurrentVertxRequest request;

    /** How long a client may take nothing before it counts as gone: the connection's idle timeout. */
    @ConfigProperty(name = "quarkus.http.idle-timeout")
    Duration stall;

    @Inject
    public ResponseBudget(ServiceConfig config) {
        this.totalKilobytes = (int) Math.min(Integer.MAX_VALUE, config.http().responseBudget().asLongValue() / KB);
        this.kilobytes = new Semaphore(totalKilobytes);
        this.waitMillis = config.http().responseBudgetWait().toMillis();
    }

    /**
     * Reserves room for a page of at most {@code features} features for the current exchange; close the answer
     * when the body is written (it is given back at the exchange's end otherwise). A 503 when there is no room.
     */
    public ExchangePermit reservePage(int features) {
        long bytes = features * BYTES_PER_FEATURE;
        if (bytes < SMALL) {
            return ExchangePermit.holdUntilEnd(() -> { }, request.getCurrent());
        }
        int wanted = (int) Math.min(totalKilobytes, bytes / KB);
        try {
            if (!kilobytes.tryAcquire(wanted, waitMillis, TimeUnit.MILLISECONDS)) {
                throw ProblemException.busy("The service holds as many large pages as it can for clients still "
                        + "reading them; retry shortly, or ask for a smaller limit.", 2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.busy("The service is stopping.", 2);
        }
        return ExchangePermit.holdUntilEnd(() -> kilobytes.release(wanted), request.getCurrent());
    }

    /**
     * The body of the current exchange's response, written at its client's pace ({@link ClientWatch}); capture it
     * where the request is handled, use it where the body is written.
     */
    public Paced paced() {
        HttpServerResponse response = request.getCurrent().response();
        Duration limit = stall;
        return out -> new ClientWatch(out, response, limit);
    }

    /** Wraps a response's body stream so that it is written at its client's pace. */
    @FunctionalInterface
    public interface Paced {
        OutputStream wrap(OutputStream out);
    }

    /** Kilobytes free now, for tests and health. */
    public int freeKilobytes() {
        return kilobytes.availablePermits();
    }
}
