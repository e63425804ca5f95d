package org.incidentmap.geo;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Tests eight bytes of text at once for ASCII characters that need escaping or quoting, so that long text is
 * scanned a word at a time and copied whole when, as usual, it holds none. A test may say yes for a byte next to
 * a match (a borrow), never no for a match: callers look at the bytes of a word that says yes one by one.
 */
public final class ByteWords {

    /** Bytes per word. */
    public static final int SIZE = Long.BYTES;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteWords() {
    }

    /** The eight bytes of {@code bytes} from {@code at}. */
    public static long word(byte[] bytes, int at) {
        return (long) WORDS.get(bytes, at);
    }

    /** Whether a byte of {@code word} may be {@code c} (ASCII). */
    public static boolean mayHold(long word, char c) {
        long x = word ^ (ONES * c);
        return ((x - ONES) & ~x & HIGHS) != 0;
    }

    /** Whether a byte of {@code word} may be below {@code c} (ASCII, at most 0x80). */
    public static boolean mayHoldBelow(long word, char c) {
        return ((word - ONES * c) & ~word & HIGHS) != 0;
    }
}
