package org.incidentmap.ogcapi;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Reads items on another thread while the calling thread writes the ones already read, so that decoding rows
 * and encoding output run on two cores at once. Batches are handed over through a short queue: the reader never
 * gets more than a few batches ahead, so memory stays constant however many items there are.
 */
public final class ReadAhead {

    /** Reads every item and hands each to {@code out}. */
    @FunctionalInterface
    public interface Reader<T> {
        void read(Consumer<T> out) throws Exception;
    }

    private static final Object END = new Object();
    private static final int QUEUED_BATCHES = 4;

    private ReadAhead() {
    }

    /** Runs {@code reader} on {@code executor} and writes what it reads to {@code sink}, then finishes the sink. */
    public static <T> void copy(Executor executor, Reader<T> reader, FeatureSink<T> sink, int batchSize)
            throws IOException {
        copy(executor, reader, sink, batchSize, item -> 0, 1);
    }

    /**
     * As {@link #copy(Executor, Reader, FeatureSink, int)}, a batch also ending when its items weigh
     * {@code batchWeight} by {@code weight}, so that memory stays bounded when items are large.
     */
    public static <T> void copy(Executor executor, Reader<T> reader, FeatureSink<T> sink, int batchSize,
            ToLongFunction<T> weight, long batchWeight) throws IOException {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        Handover handover = new Handover(queue);
        CompletableFuture<Void> reading = CompletableFuture.runAsync(
                () -> handover.run(reader, batchSize, weight, batchWeight), executor);
        try {
            drain(queue, sink);
            sink.finish();
        } finally {
            handover.cancelled = true;
            queue.clear();
            reading.join();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void drain(BlockingQueue<Object> queue, FeatureSink<T> sink) throws IOException {
        while (true) {
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for rows");
            }
            if (next == END) {
                return;
            }
            if (next instanceof RuntimeException failure) {
                throw failure; // a refusal of the input (a problem) reaches the client as it is
            }
            if (next instanceof Throwable failure) {
                throw new IOException("reading the items failed", failure);
            }
            for (T item : (List<T>) next) {
                sink.write(item);
            }
        }
    }

    /** The reading side: fills batches and queues them, and stops when the writing side has given up. */
    private static final class Handover {
        private final BlockingQueue<Object> queue;
        private volatile boolean cancelled;

        Handover(BlockingQueue<Object> queue) {
            this.queue = queue;
        }

        <T> void run(Reader<T> reader, int batchSize, ToLongFunction<T> weight, long batchWeight) {
            List<List<T>> batch = new ArrayList<>(List.of(new ArrayList<>(batchSize)));
            long[] weighed = {0};
            try {
                reader.read(item -> {
                    batch.get(0).add(item);
                    weighed[0] += weight.applyAsLong(item);
                    if (batch.get(0).size() == batchSize || weighed[0] >= batchWeight) {
                        put(batch.get(0));
                        batch.set(0, new ArrayList<>(batchSize));
                        weighed[0] = 0;
                    }
                });
                put(batch.get(0));
                put(END);
            } catch (Cancelled e) {
                // the writer stopped (the client went away): nothing to report
            } catch (Exception e) {
                try {
                    put(e);
                } catch (Cancelled ignored) {
                    // nobody is listening any more
                }
            }
        }

        private void put(Object item) {
            try {
                while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    if (cancelled) {
                        throw new Cancelled();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Cancelled();
            }
        }
    }

    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }
}
