package org.incidentmap.ogcapi;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.incidentmap.problem.ProblemException;

/**
 * The opaque {@code cursor} of a {@code next} link: the sort key of the last feature of the page, so the next
 * page starts after it (keyset paging, as fast on page 1000 as on page 1).
 */
public final class PageCursor {

    private PageCursor() {
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor to its key; a cursor this service did not make is a 400. */
    public static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public static ProblemException invalid() {
        return ProblemException.badParameter("cursor", "not a cursor of this service; follow the 'next' link of a "
                + "previous page, unchanged");
    }

    /** The id part of a cursor's key: the plain digits this service writes, nothing else (no sign, no spaces). */
    public static long id(String text) {
        if (!text.matches("[0-9]{1,18}")) {
            throw invalid();
        }
        return Long.parseLong(text);
    }
}
