package org.incidentmap.access;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Who is making the change at hand: the user of the request, or "system" outside one (the seed at start-up). */
@ApplicationScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    /** The user's name, as the change log keeps it. */
    public String name() {
        if (!Arc.container().requestContext().isActive()) {
            return "system";
        }
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
