package org.incidentmap.incident;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Free text as PostgreSQL sends it: UTF-8 bytes. Exports and pages copy the bytes into JSON and CSV as they are;
 * decoding each value to a String and encoding it back was a quarter of an export's CPU. Decoded only when a
 * String is asked for, then kept.
 */
public final class Utf8Text {

    private final byte[] bytes;
    private String text;

    private Utf8Text(byte[] bytes, String text) {
        this.bytes = bytes;
        this.text = text;
    }

    /** The text of a column's raw value (valid UTF-8, as the driver's client encoding guarantees), or null. */
    static Utf8Text ofUtf8(byte[] bytes) {
        return bytes == null ? null : new Utf8Text(bytes, null);
    }

    static Utf8Text of(String text) {
        return text == null ? null : new Utf8Text(text.getBytes(StandardCharsets.UTF_8), text);
    }

    /** The UTF-8 bytes; callers only read them. */
    byte[] bytes() {
        return bytes;
    }

    /** The length in bytes, what the text weighs in memory (about; a String holds one byte per ASCII char). */
    int length() {
        return bytes.length;
    }

    @Override
    public String toString() {
        if (text == null) {
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Utf8Text t && Arrays.equals(bytes, t.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
