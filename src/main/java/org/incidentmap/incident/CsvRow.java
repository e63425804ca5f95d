package org.incidentmap.incident;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.incidentmap.geo.ByteWords;

/**
 * One CSV row built straight as UTF-8 bytes, each field quoted when RFC 4180 asks (a comma, a quote or a line
 * break in it). Building rows in a StringBuilder, then a String, then bytes was a fifth of a CSV export's CPU.
 * Quoting can look at bytes alone: in UTF-8 no byte of a multi-byte character is an ASCII one.
 */
final class CsvRow {

    private byte[] bytes = new byte[2048];
    private int length;

    void clear() {
        length = 0;
    }

    /** Appends a field; null is an empty field. */
    void field(String value) {
        if (value == null) {
            return;
        }
        int n = value.length();
        room(n);
        int start = length;
        for (int k = 0; k < n; k++) {
            char c = value.charAt(k);
            if (c >= 0x80 || special(c)) {
                length = start;
                field(value.getBytes(StandardCharsets.UTF_8));
                return;
            }
            bytes[length++] = (byte) c;
        }
    }

    /** Appends a field; null is an empty field. */
    void field(Utf8Text value) {
        if (value != null) {
            field(value.bytes());
        }
    }

    private void field(byte[] utf8) {
        if (!needsQuotes(utf8)) {
            room(utf8.length);
            System.arraycopy(utf8, 0, bytes, length, utf8.length);
            length += utf8.length;
            return;
        }
        room(2 * utf8.length + 2);
        bytes[length++] = '"';
        for (byte b : utf8) {
            bytes[length++] = b;
            if (b == '"') {
                bytes[length++] = '"';
            }
        }
        bytes[length++] = '"';
    }

    /** Whether the text holds a comma, a quote or a line break; looked for eight bytes at a time. */
    private static boolean needsQuotes(byte[] utf8) {
        int k = 0;
        for (; k + ByteWords.SIZE <= utf8.length; k += ByteWords.SIZE) {
            long word = ByteWords.word(utf8, k);
            if ((ByteWords.mayHold(word, ',') || ByteWords.mayHold(word, '"') || ByteWords.mayHoldBelow(word, ' '))
                    && special(utf8, k, k + ByteWords.SIZE)) {
                return true;
            }
        }
        return special(utf8, k, utf8.length);
    }

    private static boolean special(byte[] utf8, int from, int to) {
        for (int k = from; k < to; k++) {
            if (utf8[k] >= 0 && special(utf8[k])) {
                return true;
            }
        }
        return false;
    }

    /** Appends an ASCII character: a separator or a line end. */
    void append(char ascii) {
        room(1);
        bytes[length++] = (byte) ascii;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    private static boolean special(int c) {
        return c == ',' || c == '"' || c == '\n' || c == '\r';
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
        }
    }
}
