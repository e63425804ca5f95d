package org.incidentmap.incident;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an incident's stored sources, [{"name": ..., "url": ...}], from the jsonb text the driver received.
 * Text as jsonb writes it with no escapes in it (nearly all) is read by hand; a Jackson parser per row, set up
 * for any input, cost more than the rest of the column's work. Anything else goes through Jackson.
 */
final class StoredSources {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] json;
    private int at;

    private StoredSources(byte[] json) {
        this.json = json;
    }

    static List<Source> read(byte[] json) {
        List<Source> plain = new StoredSources(json).plain();
        return plain != null ? plain : parsed(json);
    }

    /** The sources when the text is an array of objects of "name" and "url", strings without escapes or null. */
    private List<Source> plain() {
        List<Source> sources = new ArrayList<>();
        if (!take('[')) {
            return null;
        }
        if (take(']')) {
            return end() ? sources : null;
        }
        do {
            if (!take('{')) {
                return null;
            }
            String name = null;
            String url = null;
            do {
                String key = string();
                if (key == null || !take(':')) {
                    return null;
                }
                String value = null;
                if (!takeNull()) {
                    value = string();
                    if (value == null) {
                        return null;
                    }
                }
                if (key.equals("name")) {
                    name = value;
                } else if (key.equals("url")) {
                    url = value;
                } else {
                    return null;
                }
            } while (take(','));
            if (!take('}')) {
                return null;
            }
            sources.add(new Source(name, url));
        } while (take(','));
        return take(']') && end() ? sources : null;
    }

    /** Skips spaces, then takes {@code c} if it comes next. */
    private boolean take(char c) {
        skipSpaces();
        if (at < json.length && json[at] == c) {
            at++;
            return true;
        }
        return false;
    }

    private boolean takeNull() {
        if (take('n') && at + 3 <= json.length && json[at] == 'u' && json[at + 1] == 'l' && json[at + 2] == 'l') {
            at += 3;
            return true;
        }
        return false;
    }

    /** A string without escapes at the cursor, or null (cursor anywhere) when there is none. */
    private String string() {
        if (!take('"')) {
            return null;
        }
        int start = at;
        while (at < json.length && json[at] != '"') {
            if (json[at] == '\\') {
                return null;
            }
            at++;
        }
        if (at == json.length) {
            return null;
        }
        return new String(json, start, at++ - start, StandardCharsets.UTF_8);
    }

    private boolean end() {
        skipSpaces();
        return at == json.length;
    }

    private void skipSpaces() {
        while (at < json.length && json[at] == ' ') {
            at++;
        }
    }

    /** Any JSON array of such objects, read with a streaming parser (no tree). */
    private static List<Source> parsed(byte[] json) {
        List<Source> sources = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String name = null;
                String url = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (field.equals("name")) {
                        name = p.getValueAsString();
                    } else if (field.equals("url")) {
                        url = p.getValueAsString();
                    } else {
                        p.skipChildren();
                    }
                }
                sources.add(new Source(name, url));
            }
        } catch (IOException e) {
            throw new IllegalStateException("the stored sources are not a JSON array", e);
        }
        return sources;
    }
}
