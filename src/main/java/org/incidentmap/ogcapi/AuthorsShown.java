package org.incidentmap.ogcapi;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.security.identity.SecurityIdentity;
import org.incidentmap.config.ServiceConfig;

/**
 * Whether the reader of the request at hand may see who made a change (history, the change feed, tombstones): in
 * this field an editor's name can endanger them, so only holders of a token (reader role and up) see it, unless
 * {@code incidentmap.history.public-authors} is on. Anonymous readers see the change without its author.
 */
public final class AuthorsShown {

    private AuthorsShown() {
    }

    /** Tests whether the current request's reader sees authors; outside a request, only when they are public. */
    public static boolean toReader() {
        ArcContainer arc = Arc.container();
        if (arc.instance(ServiceConfig.class).get().history().publicAuthors()) {
            return true;
        }
        return arc.requestContext().isActive() && !arc.instance(SecurityIdentity.class).get().isAnonymous();
    }

    /** {@code author} when the current reader sees authors, else null. */
    public static String author(String author) {
        return toReader() ? author : null;
    }
}
