package org.incidentmap.access;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads an API key given as a bearer token ({@code Authorization: Bearer imk_...}); any other bearer token is left
 * to the JWT mechanism, which runs after this one.
 */
@ApplicationScoped
public class ApiKeyMechanism implements HttpAuthenticationMechanism {

    static final String BEARER = "Bearer ";

    /** An API key to check. */
    public static final class Request extends BaseAuthenticationRequest {
        final String key;

        Request(String key) {
            this.key = key;
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.startsWith(BEARER + ApiKeyStore.PREFIX)) {
            return Uni.createFrom().nullItem();
        }
        Request request = new Request(header.substring(BEARER.length()).strip());
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(Request.class);
    }

    /** Before the JWT mechanism (default priority), which would refuse a key as a malformed token. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }
}
