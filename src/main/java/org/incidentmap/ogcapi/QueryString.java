package org.incidentmap.ogcapi;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes the query string of self and next links from the decoded request parameters, encoding only what
 * RFC 3986 requires in a query. Commas, colons and slashes stay as they are ({@code bbox=35.7,35.4,36.1,35.6},
 * {@code datetime=2025-03-01/..}), so a client that copies values out of a link and sends them again, as the
 * OGC test suite does, sends what it meant.
 */
public final class QueryString {

    /** Characters left as they are besides letters and digits: RFC 3986 unreserved, and the delimiters a query allows. */
    private static final String KEEP = "-._~!$'()*,;:@/?";

    private QueryString() {
    }

    /** Returns "?a=1&b=2" for {@code parameters} with {@code cursor} replaced (or removed when null), or "". */
    static String of(MultivaluedMap<String, String> parameters, String cursor) {
        return with(parameters, "cursor", cursor);
    }

    /**
     * The query of the next page: {@code parameters} with {@code cursor} set and {@code offset} removed (the
     * cursor already says where the next page starts).
     */
    static String next(MultivaluedMap<String, String> parameters, String cursor) {
        MultivaluedMap<String, String> rest = new MultivaluedHashMap<>(parameters);
        rest.remove("offset");
        return of(rest, cursor);
    }

    /** Returns "?a=1&b=2" for {@code parameters} with {@code name} set to {@code value} (removed when null), or "". */
    public static String with(MultivaluedMap<String, String> parameters, String name, String value) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!parameter.getKey().equals(name)) {
                for (String v : parameter.getValue()) {
                    append(query, parameter.getKey(), v);
                }
            }
        }
        if (value != null) {
            append(query, name, value);
        }
        return query.isEmpty() ? "" : "?" + query;
    }

    private static void append(StringBuilder query, String name, String value) {
        query.append(query.isEmpty() ? "" : "&").append(encode(name)).append('=').append(encode(value));
    }

    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || KEEP.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
