package org.incidentmap.geo;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * The one way request bodies and query geometries are read as JSON: one value and nothing after it, and no key twice in an object
 * (Jackson would otherwise keep the last, so {"type":"Feature","type":"x"} would be read as something the client
 * did not send).
 */
public final class StrictJson {

    /**
     * How deeply any body may nest: a Feature with a nested GeometryCollection of MultiPolygons is about 12
     * levels deep; Jackson's own default (1000) would let a body spend the stack of whoever walks it later.
     */
    public static final int MAX_NESTING = 64;
    /** For parsers read value by value (a streamed import), which check what follows the body themselves. */
    public static final ObjectMapper STREAMING = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build());
    /** For a body (or a geometry) read whole. */
    public static final ObjectMapper MAPPER = STREAMING.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StrictJson() {
    }

    /** What is wrong with the text, in the client's terms (Jackson's own words name its settings and classes). */
    public static String describe(JacksonException e) {
        if (e instanceof MismatchedInputException && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            return "unexpected content after the JSON value";
        }
        if (e instanceof StreamConstraintsException && String.valueOf(e.getOriginalMessage()).contains("nesting")) {
            return "the JSON nests deeper than " + MAX_NESTING + " levels";
        }
        return e.getOriginalMessage();
    }
}
