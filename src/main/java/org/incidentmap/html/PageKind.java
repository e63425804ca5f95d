package org.incidentmap.html;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The OGC API - Features resources that also have an HTML representation (conformance class "html"), each
 * rendered by the template of the same name from its JSON document.
 */
enum PageKind {
    LANDING("^/?$", "application/json"),
    CONFORMANCE("^/conformance/?$", "application/json"),
    COLLECTIONS("^/collections/?$", "application/json"),
    COLLECTION("^/collections/[^/]+/?$", "application/json"),
    ITEMS("^/collections/[^/]+/items/?$", "application/geo+json"),
    ITEM("^/collections/[^/]+/items/[^/]+$", "application/geo+json");

    private final Pattern path;
    private final String jsonType;

    PageKind(String path, String jsonType) {
        this.path = Pattern.compile(path);
        this.jsonType = jsonType;
    }

    /** The kind of page at {@code path} (decoded, from the root), if it has an HTML representation. */
    static Optional<PageKind> of(String path) {
        return Arrays.stream(values()).filter(k -> k.path.matcher(path).matches()).findFirst();
    }

    /** The media type of the page's JSON representation. */
    String jsonType() {
        return jsonType;
    }

    String template() {
        return name().toLowerCase();
    }
}
