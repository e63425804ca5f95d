package org.incidentmap.ogcapi;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.incidentmap.geo.StrictJson;
import org.incidentmap.problem.ProblemException;

/**
 * Reads the features of a request body one at a time, as they arrive, so that a body of a million features is
 * never held in memory: a GeoJSON FeatureCollection (its {@code features} streamed, its other members kept) or a
 * GeoJSON text sequence (RFC 8142). Strict: duplicate keys and anything after the JSON value are refused.
 */
public final class FeatureStream {

    private static final ObjectMapper JSON = StrictJson.STREAMING;
    private static final byte RECORD_SEPARATOR = 0x1e;

    private FeatureStream() {
    }

    /**
     * Reads a JSON body. The features of a FeatureCollection go to {@code each} in order and null is returned;
     * a lone Feature is returned whole (nothing goes to {@code each}).
     */
    public static JsonNode readJson(InputStream body, long maxFeatureBytes, Consumer<FeatureBody.Located> each) {
        Window window = new Window(body, maxFeatureBytes);
        try (JsonParser p = JSON.createParser(window)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw ProblemException.badBody("", p.currentToken() == null
                        ? "the request body is empty; send a GeoJSON object" : "expected a JSON object");
            }
            ObjectNode root = JSON.createObjectNode();
            long features = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("features")) {
                    requireCollection(root);
                    if (value != JsonToken.START_ARRAY) {
                        throw ProblemException.badBody("/features", "must be an array of Features");
                    }
                    features = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        window.restart();
                        long start = p.currentTokenLocation().getByteOffset();
                        JsonNode feature = p.readValueAsTree();
                        requireAtMost(maxFeatureBytes, p.currentLocation().getByteOffset() - start);
                        each.accept(new FeatureBody.Located(feature, "/features/" + features++));
                    }
                    window.restart();
                } else {
                    root.set(name, p.readValueAsTree());
                }
            }
            if (p.nextToken() != null) {
                throw ProblemException.badBody("", "unexpected content after the JSON object"
                        + at(p.currentLocation()));
            }
            if (features < 0) {
                requireAtMost(maxFeatureBytes, p.currentLocation().getByteOffset());
            }
            String type = root.path("type").asText("");
            if (features >= 0 || type.equals("FeatureCollection")) {
                requireCollection(root);
                if (features <= 0) {
                    throw ProblemException.badBody("/features", "a FeatureCollection needs a non-empty 'features' array");
                }
                return null;
            }
            if (!type.equals("Feature")) {
                throw ProblemException.badBody("/type", "expected a GeoJSON Feature or FeatureCollection, got type '"
                        + type + "'");
            }
            return root;
        } catch (JacksonException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
    }

    /**
     * Reads a GeoJSON text sequence: Features each preceded by RS (0x1E), or one per line without it; the
     * pointer of the n-th (from 0) is "/n". Returns how many there were.
     */
    public static long readSequence(InputStream body, long maxFeatureBytes, Consumer<FeatureBody.Located> each) {
        long n = 0;
        Window window = new Window(new SeparatorsAsSpace(body), maxFeatureBytes);
        try (JsonParser p = JSON.createParser(window)) {
            for (JsonToken t; (t = p.nextToken()) != null; window.restart()) {
                if (t != JsonToken.START_OBJECT) {
                    throw ProblemException.badBody("/" + n, "expected a GeoJSON Feature object" + at(p.currentLocation()));
                }
                long start = p.currentTokenLocation().getByteOffset();
                JsonNode feature = p.readValueAsTree();
                requireAtMost(maxFeatureBytes, p.currentLocation().getByteOffset() - start);
                each.accept(new FeatureBody.Located(feature, "/" + n++));
            }
        } catch (JacksonException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
        if (n == 0) {
            throw ProblemException.badBody("", "the sequence holds no Feature");
        }
        return n;
    }

    /** The exact check behind {@link Window}'s coarse one: a feature of more than the limit is refused. */
    private static void requireAtMost(long maxBytes, long bytes) {
        if (bytes > maxBytes) {
            throw BoundedBody.tooLarge(maxBytes, "A single feature");
        }
    }

    private static void requireCollection(ObjectNode root) {
        if (root.has("type") && !root.path("type").asText("").equals("FeatureCollection")) {
            throw ProblemException.badBody("/type", "a body with 'features' must be a FeatureCollection");
        }
    }

    private static ProblemException malformed(JacksonException e) {
        return ProblemException.badBody("", "malformed JSON" + at(e.getLocation()) + ": " + StrictJson.describe(e));
    }

    private static String at(JsonLocation where) {
        return where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    }

    /**
     * Counts the bytes read since the current feature began and refuses a feature larger than the limit before
     * it is built in memory (the body as a whole may be far larger). The parser reads ahead a few kilobytes, so
     * the count is that much ahead of the feature.
     */
    private static final class Window extends CountedInput {
        private final long max;
        private long start;

        Window(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        void restart() {
            start = total();
        }

        @Override
        protected void counted(long total) {
            if (total - start > max + (1 << 16)) {
                throw BoundedBody.tooLarge(max, "A single feature");
            }
        }
    }

    /** RS may only stand between texts of a sequence (JSON escapes control characters), so it reads as space. */
    private static final class SeparatorsAsSpace extends FilterInputStream {
        SeparatorsAsSpace(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            return b == RECORD_SEPARATOR ? ' ' : b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                if (buffer[i] == RECORD_SEPARATOR) {
                    buffer[i] = ' ';
                }
            }
            return n;
        }
    }
}
