package org.incidentmap.ogcapi;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;

/**
 * A response stream whose writes fail with {@link ClientGone} once the client has closed the connection. Vert.x drops
 * writes to a closed connection without an error unless its queue is full, so an export whose client left ran on to
 * its last row, holding an export slot and a database connection (a million rows: 6-8 s of answering 503 to the
 * retry). Meant under a buffer: it asks once per chunk it is handed.
 */
public final class ClientWatch extends FilterOutputStream {

    private final BooleanSupplier closed;

    /** Watches {@code response}; {@code closed} says whether the client has closed the connection. */
    public ClientWatch(OutputStream response, BooleanSupplier closed) {
        super(response);
        this.closed = closed;
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

    private void check() throws ClientGone {
        if (closed.getAsBoolean()) {
            throw new ClientGone();
        }
    }

    /** The client closed the connection: there is no one to answer. */
    public static final class ClientGone extends IOException {
        ClientGone() {
            super("the client closed the connection");
        }
    }
}
