package org.incidentmap.geo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * One JSON value built straight as UTF-8 bytes, then handed to a Jackson generator whole. Writing a feature value
 * by value through the generator spent a quarter of an export's writing thread in the generator's per-value
 * checks. The text is what Jackson's UTF-8 generator writes: the same escapes, numbers and no spaces.
 */
public final class JsonBytes {

    /** Buffers that grew past this (a large polygon) are dropped on {@link #clear()} rather than kept. */
    static final int MAX_KEPT = 64 << 10;
    private static final int INITIAL = 1 << 10;
    private static final byte[] NULL = ascii("null");
    private static final byte[] HEX = ascii("0123456789ABCDEF");
    /** Jackson's escape of each ASCII character: 0 for none, the letter after the backslash, or 'u' for \\u00XX. */
    private static final byte[] ESCAPES = new byte[128];

    static {
        Arrays.fill(ESCAPES, 0, 32, (byte) 'u');
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
    }

    /** Where numbers are written, last digit first: room for a long or a coordinate. */
    private final byte[] number = new byte[24];
    private final Raw raw = new Raw();
    /** The last two instants written, as quoted text; {@code recent} is the one used last. */
    private final QuotedInstant[] instants = {new QuotedInstant(), new QuotedInstant()};
    private int recent;
    private byte[] bytes = new byte[INITIAL];
    private int length;

    public JsonBytes() {
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * How JSON (as Jackson writes it) escapes an ASCII character: 0 for not at all, else the letter after the
     * backslash, 'u' meaning \\u00XX.
     */
    public static byte escapeOf(char ascii) {
        return ESCAPES[ascii];
    }

    /** The bytes of {@code "name":}, what {@link #field} writes. */
    public static byte[] name(String name) {
        return ascii('"' + name + "\":");
    }

    public void clear() {
        length = 0;
        if (bytes.length > MAX_KEPT) {
            bytes = new byte[INITIAL];
        }
    }

    public JsonBytes startObject() {
        return append('{');
    }

    public JsonBytes endObject() {
        return append('}');
    }

    public JsonBytes startArray() {
        return append('[');
    }

    public JsonBytes endArray() {
        return append(']');
    }

    /** Starts a member of an object: a comma unless it is the first, then {@code name}, from {@link #name}. */
    public JsonBytes field(byte[] name) {
        separate();
        return raw(name);
    }

    /** Starts an element of an array: a comma unless it is the first. */
    public JsonBytes element() {
        separate();
        return this;
    }

    /** Appends pre-encoded ASCII. */
    private JsonBytes raw(byte[] text) {
        room(text.length);
        System.arraycopy(text, 0, bytes, length, text.length);
        length += text.length;
        return this;
    }

    public JsonBytes nullValue() {
        return raw(NULL);
    }

    public JsonBytes number(long value) {
        if (value == Long.MIN_VALUE) {
            return append(Long.toString(value));
        }
        int start = number.length;
        long magnitude = Math.abs(value);
        do {
            number[--start] = (byte) ('0' + magnitude % 10);
            magnitude /= 10;
        } while (magnitude > 0);
        if (value < 0) {
            number[--start] = '-';
        }
        copy(number, start, number.length);
        return this;
    }

    /** A double as Jackson's fast writer (Schubfach) writes it. */
    public JsonBytes number(double value) {
        return append(NumberOutput.toString(value, true));
    }

    /** A coordinate rounded to 7 decimals, as {@link Decimal7} writes it. */
    public JsonBytes decimal7(double value) {
        if (!Decimal7.fits(value)) {
            return number(Math.round(value * 1e7) / 1e7);
        }
        copy(number, Decimal7.writeBefore(number, number.length, value), number.length);
        return this;
    }

    /**
     * An instant as an RFC 3339 string ({@link Rfc3339#format}), or null. The last two written are kept as text:
     * the rows of one import share their created_at and updated_at (the transaction's time), and a feature writes
     * its own occurred_at between them and the next feature's.
     */
    public JsonBytes instant(Instant t) {
        if (t == null) {
            return nullValue();
        }
        QuotedInstant kept = instants[recent];
        if (!t.equals(kept.instant)) {
            recent ^= 1;
            kept = instants[recent];
            if (!t.equals(kept.instant) && !kept.write(t)) {
                return string(t.toString());
            }
        }
        copy(kept.text, 0, kept.length);
        return this;
    }

    /** An instant and its text in quotes. */
    private static final class QuotedInstant {
        private final byte[] text = new byte[Rfc3339.MAX_CHARS + 2];
        private Instant instant;
        private int length;

        /** Keeps {@code t} and its text; false (nothing kept) when {@link Rfc3339#write} cannot write it. */
        boolean write(Instant t) {
            text[0] = '"';
            int end = Rfc3339.write(t, text, 1);
            if (end < 0) {
                return false;
            }
            text[end] = '"';
            length = end + 1;
            instant = t;
            return true;
        }
    }

    /** A JSON string of UTF-8 text, or null; non-ASCII bytes are copied as they are. */
    public JsonBytes string(byte[] utf8) {
        if (utf8 == null) {
            return nullValue();
        }
        room(utf8.length + 2);
        bytes[length++] = '"';
        int from = 0;
        int k = 0;
        while (k < utf8.length) {
            if (k + ByteWords.SIZE <= utf8.length && !mayNeedEscape(ByteWords.word(utf8, k))) {
                k += ByteWords.SIZE;
                continue;
            }
            for (int end = Math.min(k + ByteWords.SIZE, utf8.length); k < end; k++) {
                byte b = utf8[k];
                if (b >= 0 && ESCAPES[b] != 0) {
                    copy(utf8, from, k);
                    escape(b);
                    from = k + 1;
                }
            }
        }
        copy(utf8, from, utf8.length);
        return append('"');
    }

    /**
     * A JSON string, or null. As Jackson's UTF-8 generator does, characters outside the basic plane (surrogates)
     * are written as \\u escapes and the others as UTF-8.
     */
    public JsonBytes string(String text) {
        if (text == null) {
            return nullValue();
        }
        int n = text.length();
        room(n + 2);
        bytes[length++] = '"';
        for (int k = 0; k < n; k++) {
            char c = text.charAt(k);
            if (c < 0x80) {
                if (ESCAPES[c] != 0) {
                    escape(c);
                } else {
                    append(c);
                }
            } else if (Character.isSurrogate(c)) {
                unicodeEscape(c);
            } else {
                utf8(c);
            }
        }
        return append('"');
    }

    /** Writes the value into {@code out} at its current position, as if each part had been written there. */
    public void writeTo(JsonGenerator out) throws IOException {
        if (out instanceof UTF8JsonGenerator) {
            out.writeRawValue(raw);
        } else if (out instanceof TokenBuffer) {
            // A tree being built keeps raw text as an opaque value: read the value back and copy its tokens.
            try (JsonParser p = StrictJson.STREAMING.createParser(bytes, 0, length)) {
                p.nextToken();
                out.copyCurrentStructure(p);
            }
        } else {
            out.writeRawValue(toString());
        }
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private JsonBytes append(char c) {
        room(1);
        bytes[length++] = (byte) c;
        return this;
    }

    private JsonBytes append(String text) {
        int n = text.length();
        room(n);
        for (int k = 0; k < n; k++) {
            bytes[length++] = (byte) text.charAt(k);
        }
        return this;
    }

    private static boolean mayNeedEscape(long word) {
        return ByteWords.mayHoldBelow(word, ' ') || ByteWords.mayHold(word, '"') || ByteWords.mayHold(word, '\\');
    }

    private void separate() {
        int last = length == 0 ? '[' : bytes[length - 1];
        if (last != '{' && last != '[') {
            append(',');
        }
    }

    private void copy(byte[] from, int start, int end) {
        room(end - start);
        System.arraycopy(from, start, bytes, length, end - start);
        length += end - start;
    }

    private void escape(int c) {
        if (ESCAPES[c] == 'u') {
            unicodeEscape((char) c);
            return;
        }
        room(2);
        bytes[length++] = '\\';
        bytes[length++] = ESCAPES[c];
    }

    private void unicodeEscape(char c) {
        room(6);
        bytes[length++] = '\\';
        bytes[length++] = 'u';
        for (int shift = 12; shift >= 0; shift -= 4) {
            bytes[length++] = HEX[(c >> shift) & 0xF];
        }
    }

    private void utf8(char c) {
        room(3);
        if (c < 0x800) {
            bytes[length++] = (byte) (0xC0 | c >> 6);
        } else {
            bytes[length++] = (byte) (0xE0 | c >> 12);
            bytes[length++] = (byte) (0x80 | (c >> 6 & 0x3F));
        }
        bytes[length++] = (byte) (0x80 | (c & 0x3F));
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
        }
    }

    /** The value as the raw text Jackson's UTF-8 generator copies into its buffer (only the unquoted forms). */
    private final class Raw implements SerializableString {

        @Override
        public String getValue() {
            return JsonBytes.this.toString();
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + length > buffer.length) {
                return -1;
            }
            System.arraycopy(bytes, 0, buffer, offset, length);
            return length;
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return Arrays.copyOf(bytes, length);
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(bytes, 0, length);
            return length;
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (buffer.remaining() < length) {
                return -1;
            }
            buffer.put(bytes, 0, length);
            return length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            String text = getValue();
            if (offset + text.length() > buffer.length) {
                return -1;
            }
            text.getChars(0, text.length(), buffer, offset);
            return text.length();
        }

        // A raw JSON value is never written as a quoted string; these forms have no meaning for it.
        @Override
        public char[] asQuotedChars() {
            throw quoted();
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw quoted();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            throw quoted();
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            throw quoted();
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) {
            throw quoted();
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            throw quoted();
        }

        private UnsupportedOperationException quoted() {
            return new UnsupportedOperationException("a raw JSON value has no quoted form");
        }
    }
}
