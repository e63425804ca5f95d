package org.incidentmap.ogcapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A long answer whose client has left stops: the writer fails, and the reader feeding it stops reading. */
class ClientWatchTest {

    @Test
    void shouldPassWritesOnWhileTheClientIsThere() throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try (OutputStream out = new ClientWatch(response, () -> false)) {
            out.write('[');
            out.write("1,2".getBytes(StandardCharsets.US_ASCII), 0, 3);
            out.write(']');
        }
        assertArrayEquals("[1,2]".getBytes(StandardCharsets.US_ASCII), response.toByteArray());
    }

    @Test
    void shouldStopAnEndlessCopyOnceTheClientHasClosedTheConnection() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        AtomicLong read = new AtomicLong();
        // The client leaves after its third chunk.
        OutputStream connection = new OutputStream() {
            private int chunks;

            @Override
            public void write(int b) {
                throw new AssertionError("chunks come whole");
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (++chunks == 3) {
                    closed.set(true);
                }
            }
        };
        OutputStream response = new BufferedOutputStream(new ClientWatch(connection, closed::get), 1 << 16);
        FeatureSink<String> sink = new FeatureSink<>() {
            @Override
            public void write(String item) throws IOException {
                response.write(item.getBytes(StandardCharsets.US_ASCII));
            }

            @Override
            public void finish() throws IOException {
                response.flush();
            }
        };
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            // Rows without end: only the client's leaving stops them (a failure, not a hang, if it does not).
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(ClientWatch.ClientGone.class,
                    () -> ReadAhead.copy(executor, out -> {
                        while (true) {
                            out.accept("{\"id\":" + read.incrementAndGet() + "}\n");
                        }
                    }, sink, 100)));
            long stoppedAt = read.get();
            assertTrue(stoppedAt > 0, "rows were read");
            // The reader ran on the executor's one thread: a task after it runs only once the reader has returned.
            assertEquals(stoppedAt, executor.submit(read::get).get(10, TimeUnit.SECONDS), "the reader stopped");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void shouldWaitWhileTheClientReadsNothingAndGoOnWhenItReadsAgain() throws Exception {
        AtomicBoolean full = new AtomicBoolean(true);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        OutputStream out = new ClientWatch(sent, () -> false, full::get, Duration.ofSeconds(30), () -> { });
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            var written = writer.submit(() -> {
                out.write("chunk".getBytes(StandardCharsets.US_ASCII), 0, 5);
                return null;
            });
            Thread.sleep(200);
            assertEquals(0, sent.size(), "nothing is produced while the queue is full");
            full.set(false);
            written.get(5, TimeUnit.SECONDS);
            assertEquals("chunk", sent.toString(StandardCharsets.US_ASCII));
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void shouldGiveUpOnAClientThatReadsNothingForTheStallLimit() {
        AtomicBoolean closedByUs = new AtomicBoolean();
        OutputStream out = new ClientWatch(new ByteArrayOutputStream(), closedByUs::get, () -> true,
                Duration.ofMillis(300), () -> closedByUs.set(true));
        IOException gone = assertThrows(ClientWatch.ClientGone.class, () -> out.write(new byte[8], 0, 8));
        assertTrue(gone.getMessage().contains("read nothing"), gone.getMessage());
        assertTrue(closedByUs.get(), "the connection is closed");
    }
}
