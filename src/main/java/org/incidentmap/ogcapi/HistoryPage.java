package org.incidentmap.ogcapi;

import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentmap.problem.ProblemException;

/** The page of a feature's history: its changes, a next link past the last, links to the feature. */
final class HistoryPage {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private HistoryPage() {
    }

    static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        if (!text.strip().matches("[0-9]{1,4}") || Integer.parseInt(text.strip()) < 1) {
            throw ProblemException.badParameter("limit", "'" + text + "' is not an integer from 1 to " + MAX_LIMIT);
        }
        return Math.min(Integer.parseInt(text.strip()), MAX_LIMIT);
    }

    /** The change a cursor stands after (0: from the first). */
    static long after(String cursor) {
        if (cursor == null) {
            return 0;
        }
        String seq = PageCursor.decode(cursor);
        if (!seq.matches("h[0-9]{1,18}")) {
            throw PageCursor.invalid();
        }
        return Long.parseLong(seq.substring(1));
    }

    /** {@code changes} holds up to one more than a page: the sign that there is a next one. */
    static Map<String, Object> of(List<ChangeLog.Change> changes, int limit, UriInfo uri, String collection,
            String id) {
        String feature = PublicBase.of(uri).path("collections").path(collection).path("items").path(id).build()
                .toString();
        List<ChangeLog.Change> page = changes.subList(0, Math.min(limit, changes.size()));
        List<Link> links = new ArrayList<>();
        links.add(new Link(feature + "/history" + QueryString.of(uri.getQueryParameters(),
                uri.getQueryParameters().getFirst("cursor")), "self", Link.JSON, "This page of the history"));
        if (changes.size() > limit) {
            links.add(new Link(feature + "/history" + QueryString.next(uri.getQueryParameters(),
                    PageCursor.encode("h" + page.get(page.size() - 1).seq())), "next", Link.JSON, "Later changes"));
        }
        links.add(new Link(feature, "about", Link.GEOJSON, "The feature (gone when the last change deleted it)"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("collection", collection);
        body.put("id", id);
        boolean authors = AuthorsShown.toReader();
        body.put("changes", page.stream().map(c -> (authors ? c : c.withoutAuthor()).json()).toList());
        body.put("links", links);
        return body;
    }
}
