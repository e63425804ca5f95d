package org.incidentmap.incident;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Semaphore;
import org.incidentmap.problem.ProblemException;

/**
 * An import's body, received whole before the database sees it when it may be loaded straight into the table (a
 * large one drops and rebuilds the table's indexes, holding a lock every reader waits for). Received first, into a
 * temporary file, that lock lasts as long as the database takes to load the rows, never as long as a client takes
 * to send them: a sender declaring 2 GB and trickling a byte a minute no longer holds every reader up. How large the
 * body really is, not what it declared, then decides how it is loaded. Smaller bodies stream straight through.
 */
final class ReceivedBody implements AutoCloseable {

    private final InputStream stream;
    private final long receivedBytes;
    private final Path file;
    private final Semaphore receiving;

    private ReceivedBody(InputStream stream, long receivedBytes, Path file, Semaphore receiving) {
        this.stream = stream;
        this.receivedBytes = receivedBytes;
        this.file = file;
        this.receiving = receiving;
    }

    /**
     * The body {@code sent}, which declares {@code declaredBytes} (-1 when it does not): received into a file first
     * when it declares at least {@code receiveFirstAt} bytes, else read as it comes. Bodies received first take a
     * place of {@code receiving} (a 503 when none is free), so that the disk holds a bounded number of them.
     */
    static ReceivedBody of(InputStream sent, long declaredBytes, long receiveFirstAt, Semaphore receiving) {
        if (declaredBytes < receiveFirstAt) {
            return new ReceivedBody(sent, -1, null, null);
        }
        if (!receiving.tryAcquire()) {
            throw ProblemException.busy("Every import slot is in use; imports run a few at a time. Retry shortly.",
                    10);
        }
        Path file = null;
        try {
            file = Files.createTempFile("incidentmap-import-", ".body");
            long received = Files.copy(sent, file, StandardCopyOption.REPLACE_EXISTING);
            return new ReceivedBody(new BufferedInputStream(Files.newInputStream(file), 1 << 16), received, file,
                    receiving);
        } catch (IOException | RuntimeException e) {
            delete(file);
            receiving.release();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new UncheckedIOException("reading the request body failed", (IOException) e);
        }
    }

    /** The body to read. */
    InputStream stream() {
        return stream;
    }

    /** The bytes received, when the body was received first; else -1 (it is then loaded through staging). */
    long receivedBytes() {
        return receivedBytes;
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // only a temporary file's reader: nothing was lost
            }
            delete(file);
            receiving.release();
        }
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
