package org.incidentmap.incident;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;

/** The JSON text of an incident's sources, as the bulk import writes them into COPY. */
final class JsonText {

    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

    private JsonText() {
    }

    static String sources(List<Source> sources) {
        StringBuilder out = new StringBuilder("[");
        for (Source source : sources) {
            out.append(out.length() > 1 ? ",{\"name\":" : "{\"name\":");
            quoted(out, source.name());
            out.append(",\"url\":");
            quoted(out, source.url());
            out.append('}');
        }
        return out.append(']').toString();
    }

    /** A JSON string (or null), escaped as JSON requires. */
    private static void quoted(StringBuilder out, String text) {
        if (text == null) {
            out.append("null");
            return;
        }
        out.append('"');
        ENCODER.quoteAsString(text, out);
        out.append('"');
    }
}
