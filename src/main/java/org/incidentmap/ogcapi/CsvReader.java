package org.incidentmap.ogcapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.incidentmap.problem.ProblemException;

/**
 * Reads CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF) one record at a time
 * from a UTF-8 stream, so that a file of any length is never held whole. A leading byte order mark is skipped.
 */
public final class CsvReader {

    /** Longest field accepted, so that a missing closing quote cannot swallow the rest of a large file. */
    static final int MAX_FIELD_CHARS = 1_000_000;
    /**
     * Most fields of one record (ACLED's columns and ours are 44) and most characters of one, so that a record of
     * endless commas cannot fill the heap with empty fields.
     */
    static final int MAX_FIELDS = 500;
    static final int MAX_RECORD_CHARS = 10_000_000;

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int length;
    private long record;
    private boolean ended;

    public CsvReader(InputStream body) {
        this.in = new InputStreamReader(body, StandardCharsets.UTF_8);
    }

    /** The number (from 1, the header's) of the record {@link #next} returned last. */
    public long recordNumber() {
        return record;
    }

    /** The next record's fields, or null at the end. */
    public List<String> next() {
        if (ended) {
            return null;
        }
        try {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            for (int c, chars = 0; ; chars++) {
                c = read();
                if (chars > MAX_RECORD_CHARS) {
                    throw ProblemException.badBody("row=" + (record + 1), "a record is longer than "
                            + MAX_RECORD_CHARS + " characters");
                }
                if (record == 0 && !any && c == '\uFEFF') {
                    continue;
                }
                if (c == -1) {
                    ended = true;
                    if (quoted) {
                        throw ProblemException.badBody("row=" + (record + 1), "a quoted field is never closed");
                    }
                    if (!any) {
                        return null;
                    }
                    fields.add(field.toString());
                    record++;
                    return fields;
                }
                any = true;
                if (quoted) {
                    if (c == '"') {
                        if (peek() == '"') {
                            read();
                            field.append('"');
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append((char) c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    if (fields.size() >= MAX_FIELDS) {
                        throw ProblemException.badBody("row=" + (record + 1), "a record has more than " + MAX_FIELDS
                                + " fields");
                    }
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && peek() == '\n') {
                        read();
                    }
                    fields.add(field.toString());
                    record++;
                    return fields;
                } else {
                    field.append((char) c);
                }
                if (field.length() > MAX_FIELD_CHARS) {
                    throw ProblemException.badBody("row=" + (record + 1), "a field is longer than " + MAX_FIELD_CHARS
                            + " characters (is a quote left open?)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
    }

    private int read() throws IOException {
        int c = peek();
        if (c != -1) {
            position++;
        }
        return c;
    }

    /** The next character without taking it; -1 at the end. */
    private int peek() throws IOException {
        if (position == length) {
            length = in.read(buffer);
            position = 0;
            if (length <= 0) {
                length = 0;
                return -1;
            }
        }
        return buffer[position];
    }
}
