package org.incidentmap.ogcapi;

import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Something an HTTP exchange holds (an export slot, a live feed's place) and gives back exactly once, by whichever
 * comes first: the code that used it calling {@link #close}, or the end of the exchange (the response sent, the
 * connection closed, a failure). So a place taken for a body that is never written (HEAD: RESTEasy Reactive does not
 * run a StreamingOutput or subscribe a Multi for it; a client gone before the first byte; an exception before
 * streaming starts) still comes back.
 */
public final class ExchangePermit implements AutoCloseable {

    private final Runnable release;
    private final AtomicBoolean held = new AtomicBoolean(true);

    private ExchangePermit(Runnable release) {
        this.release = release;
    }

    /** Takes a permit of {@code permits} for {@code exchange}, or answers null when none is free. */
    public static ExchangePermit take(Semaphore permits, RoutingContext exchange) {
        return permits.tryAcquire() ? holdUntilEnd(permits::release, exchange) : null;
    }

    /** Runs {@code release} once: on {@link #close}, or at the end of {@code exchange}, whichever comes first. */
    public static ExchangePermit holdUntilEnd(Runnable release, RoutingContext exchange) {
        ExchangePermit permit = new ExchangePermit(release);
        try {
            exchange.addEndHandler(ended -> permit.close());
        } catch (RuntimeException e) {
            permit.close();
            throw e;
        }
        return permit;
    }

    /** Gives the permit back; later calls do nothing. */
    @Override
    public void close() {
        if (held.compareAndSet(true, false)) {
            release.run();
        }
    }
}
