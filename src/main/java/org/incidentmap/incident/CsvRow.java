package org.incidentmap.incident;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.incidentmap.geo.Decimal7;
import org.incidentmap.geo.JsonBytes;
import org.incidentmap.geo.Rfc3339;

/**
 * One CSV row built straight as UTF-8 bytes, each field quoted when RFC 4180 asks (a comma, a quote or a line
 * break in it). Numbers, times and JSON are written into the row as they are formatted: building them as Strings
 * first, then scanning and copying those, was most of a CSV export's writing thread. Quoting can look at bytes
 * alone: in UTF-8 no byte of a multi-byte character is an ASCII one. Text fields are guarded against formulas
 * ({@link SpreadsheetFormulas}); numbers, times and coordinates are not text and are written as they are.
 */
final class CsvRow {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    /** Room for a long or a date, written into the row in place. */
    private static final int NUMBER_CHARS = 20;
    /** The bytes that make a field need quotes, by unsigned value: a table costs no branch per byte of text. */
    private static final boolean[] SPECIAL = new boolean[256];

    static {
        for (char c : new char[] {',', '"', '\n', '\r'}) {
            SPECIAL[c] = true;
        }
    }

    private byte[] bytes = new byte[2048];
    private int length;

    void clear() {
        length = 0;
    }

    /** Appends a text field, guarded against formulas; null is an empty field. */
    void field(String value) {
        if (value == null) {
            return;
        }
        if (SpreadsheetFormulas.needsGuard(value)) {
            field(("'" + value).getBytes(StandardCharsets.UTF_8));
            return;
        }
        int n = value.length();
        room(n);
        int start = length;
        for (int k = 0; k < n; k++) {
            char c = value.charAt(k);
            if (c >= 0x80 || SPECIAL[c]) {
                length = start;
                field(value.getBytes(StandardCharsets.UTF_8));
                return;
            }
            bytes[length++] = (byte) c;
        }
    }

    /** Appends a field whose bytes {@code encoded} may hold, as {@link #encoded} made them; null is empty. */
    void field(String value, Map<String, byte[]> encoded) {
        byte[] field = value == null ? null : encoded.get(value);
        if (field == null) {
            field(value);
        } else {
            room(field.length);
            System.arraycopy(field, 0, bytes, length, field.length);
            length += field.length;
        }
    }

    /** The bytes {@link #field(String)} appends for {@code value}. */
    static byte[] encoded(String value) {
        CsvRow row = new CsvRow();
        row.field(value);
        return Arrays.copyOf(row.bytes, row.length);
    }

    /** Appends a text field, guarded against formulas; null is an empty field. */
    void field(Utf8Text value) {
        if (value == null) {
            return;
        }
        byte[] stored = value.bytes();
        byte[] utf8 = stored;
        if (SpreadsheetFormulas.needsGuard(k -> k < stored.length ? stored[k] : -1)) {
            // Rare: a copy with the guard in front, so that quotes, when needed, enclose it too.
            utf8 = new byte[stored.length + 1];
            utf8[0] = '\'';
            System.arraycopy(stored, 0, utf8, 1, stored.length);
        }
        field(utf8);
    }

    /** Copies the text while looking for a byte that asks for quotes; starts again quoted at the first one. */
    private void field(byte[] utf8) {
        int n = utf8.length;
        room(2 * n + 2);
        byte[] out = bytes;
        int at = length;
        for (int k = 0; k < n; k++) {
            byte b = utf8[k];
            if (SPECIAL[b & 0xFF]) {
                quoted(utf8);
                return;
            }
            out[at++] = b;
        }
        length = at;
    }

    private void quoted(byte[] utf8) {
        byte[] out = bytes;
        int at = length;
        out[at++] = '"';
        for (byte b : utf8) {
            out[at++] = b;
            if (b == '"') {
                out[at++] = '"';
            }
        }
        out[at++] = '"';
        length = at;
    }

    /** Appends a whole number. */
    void number(long value) {
        if (value == Long.MIN_VALUE) {
            ascii(Long.toString(value));
            return;
        }
        room(NUMBER_CHARS);
        long magnitude = Math.abs(value);
        int digits = 1;
        for (long rest = magnitude / 10; rest > 0; rest /= 10) {
            digits++;
        }
        if (value < 0) {
            bytes[length++] = '-';
        }
        int at = length + digits;
        length = at;
        do {
            bytes[--at] = (byte) ('0' + magnitude % 10);
            magnitude /= 10;
        } while (magnitude > 0);
    }

    /** Appends ASCII text that needs no quotes (a separator within a field, a keyword). */
    void ascii(String text) {
        int n = text.length();
        room(n);
        for (int k = 0; k < n; k++) {
            bytes[length++] = (byte) text.charAt(k);
        }
    }

    /** Appends a coordinate as {@link Decimal7#text} writes it. */
    void decimal7(double value) {
        if (!Decimal7.fits(value)) {
            ascii(Decimal7.text(value));
            return;
        }
        room(2 * Decimal7.MAX_CHARS);
        int end = length + 2 * Decimal7.MAX_CHARS;
        int start = Decimal7.writeBefore(bytes, end, value);
        System.arraycopy(bytes, start, bytes, length, end - start);
        length += end - start;
    }

    /** Appends an instant as {@link Rfc3339#format} writes it; null is an empty field. */
    void instant(Instant t) {
        if (t == null) {
            return;
        }
        room(Rfc3339.MAX_CHARS);
        int end = Rfc3339.write(t, bytes, length);
        if (end < 0) {
            ascii(t.toString());
        } else {
            length = end;
        }
    }

    /** Appends a date as {@link LocalDate#toString()} writes it. */
    void date(LocalDate date) {
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            ascii(date.toString());
            return;
        }
        room(NUMBER_CHARS);
        digits(year, 4);
        bytes[length++] = '-';
        digits(date.getMonthValue(), 2);
        bytes[length++] = '-';
        digits(date.getDayOfMonth(), 2);
    }

    private void digits(int value, int width) {
        for (int k = length + width - 1; k >= length; k--) {
            bytes[k] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += width;
    }

    /**
     * Starts a field that is quoted whatever it holds, such as JSON: what {@link #quotedAscii} and
     * {@link #quotedJson} write into it has its quotes doubled. {@link #closeQuotes} ends it.
     */
    void openQuotes() {
        append('"');
    }

    void closeQuotes() {
        append('"');
    }

    /** Inside quotes: ASCII text, its quotes doubled. */
    void quotedAscii(String ascii) {
        int n = ascii.length();
        room(2 * n);
        for (int k = 0; k < n; k++) {
            char c = ascii.charAt(k);
            bytes[length++] = (byte) c;
            if (c == '"') {
                bytes[length++] = '"';
            }
        }
    }

    /**
     * Inside quotes: a JSON string, escaped as Jackson's string encoder escapes it (other characters as UTF-8), or
     * null. A lone surrogate becomes '?', as String.getBytes writes it.
     */
    void quotedJson(String text) {
        if (text == null) {
            room(NULL.length);
            System.arraycopy(NULL, 0, bytes, length, NULL.length);
            length += NULL.length;
            return;
        }
        int n = text.length();
        room(6 * n + 4);
        byte[] out = bytes;
        int at = length;
        out[at++] = '"';
        out[at++] = '"';
        for (int k = 0; k < n; k++) {
            char c = text.charAt(k);
            if (c < 0x80) {
                byte escape = JsonBytes.escapeOf(c);
                if (escape == 0) {
                    out[at++] = (byte) c;
                } else if (escape == 'u') {
                    out[at++] = '\\';
                    out[at++] = 'u';
                    out[at++] = '0';
                    out[at++] = '0';
                    out[at++] = HEX[c >> 4];
                    out[at++] = HEX[c & 0xF];
                } else {
                    out[at++] = '\\';
                    out[at++] = escape;
                    if (escape == '"') {
                        out[at++] = '"';
                    }
                }
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && k + 1 < n && Character.isLowSurrogate(text.charAt(k + 1))) {
                int code = Character.toCodePoint(c, text.charAt(++k));
                out[at++] = (byte) (0xF0 | code >> 18);
                out[at++] = (byte) (0x80 | code >> 12 & 0x3F);
                out[at++] = (byte) (0x80 | code >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | code & 0x3F);
            } else {
                out[at++] = '?';
            }
        }
        out[at++] = '"';
        out[at++] = '"';
        length = at;
    }

    /** Appends an ASCII character: a separator or a line end. */
    void append(char ascii) {
        room(1);
        bytes[length++] = (byte) ascii;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
        }
    }
}
