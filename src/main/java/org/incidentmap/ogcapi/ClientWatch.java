package org.incidentmap.ogcapi;

import io.vertx.core.http.HttpServerResponse;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A response stream that goes at its client's pace and stops when the client has gone. Before each chunk it waits
 * while the connection's write queue is full (the client is not reading), so an answer is produced no faster than it
 * is taken and never piles up in memory: without this, the framework queued a whole page for a client that read
 * nothing (a few hundred such clients exhausted the heap). Writes fail with {@link ClientGone} once the client has
 * closed the connection, or has taken nothing for the stall limit; Vert.x drops writes to a closed connection
 * without an error unless its queue is full, so an export whose client left ran on to its last row, holding an
 * export slot and a database connection (a million rows: 6-8 s of answering 503 to the retry). Meant under a buffer:
 * it asks once per chunk it is handed.
 */
public final class ClientWatch extends FilterOutputStream {

    /** Longest pause between two looks at a full write queue. */
    private static final long MAX_PAUSE_MILLIS = 20;

    private final BooleanSupplier closed;
    private final BooleanSupplier queueFull;
    private final long stallNanos;
    /** Closes the connection of a client that stopped reading, so that it holds nothing more. */
    private final Runnable giveUp;

    /** Watches {@code response}; {@code closed} says whether the client has closed the connection. */
    public ClientWatch(OutputStream response, BooleanSupplier closed) {
        this(response, closed, () -> false, Duration.ZERO, () -> { });
    }

    /**
     * Watches {@code out}, the body of {@code response}: waits while its write queue is full, at most {@code stall}
     * at a time before the client counts as gone.
     */
    public ClientWatch(OutputStream out, HttpServerResponse response, Duration stall) {
        this(out, response::closed, response::writeQueueFull, stall, response::close);
    }

    ClientWatch(OutputStream out, BooleanSupplier closed, BooleanSupplier queueFull, Duration stall,
            Runnable giveUp) {
        super(out);
        this.closed = closed;
        this.queueFull = queueFull;
        this.stallNanos = stall.toNanos();
        this.giveUp = giveUp;
    }

    @Override
    public void write(int b) throws IOException {
        check();
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        check();
        out.write(b, off, len);
    }

    private void check() throws IOException {
        if (closed.getAsBoolean()) {
            throw new ClientGone("the client closed the connection");
        }
        if (!queueFull.getAsBoolean()) {
            return;
        }
        // Polled rather than told by a drain handler: the framework may own the response's one drain handler.
        long since = System.nanoTime();
        long pause = 1;
        while (queueFull.getAsBoolean()) {
            if (closed.getAsBoolean()) {
                throw new ClientGone("the client closed the connection");
            }
            if (System.nanoTime() - since > stallNanos) {
                giveUp.run();
                throw new ClientGone("the client read nothing for " + Duration.ofNanos(stallNanos).toSeconds() + " s");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClientGone("the service is stopping");
            }
            pause = Math.min(MAX_PAUSE_MILLIS, 2 * pause);
        }
    }

    /** The client closed the connection, or stopped reading: there is no one to answer. */
    public static final class ClientGone extends IOException {
        ClientGone(String why) {
            super(why);
        }
    }
}
