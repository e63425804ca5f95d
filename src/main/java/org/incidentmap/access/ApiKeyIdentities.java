package org.incidentmap.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns a valid API key into its owner with its role; an unknown or revoked key fails authentication. */
@ApplicationScoped
public class ApiKeyIdentities implements IdentityProvider<ApiKeyMechanism.Request> {

    /** The identity attribute holding the id of the API key a request came with. */
    public static final String KEY_ID = "incidentmap.api-key";

    @Inject
    ApiKeyStore keys;

    @Override
    public Class<ApiKeyMechanism.Request> getRequestType() {
        return ApiKeyMechanism.Request.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyMechanism.Request request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> keys.check(request.key)
                .map(key -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(key.owner())).addRole(key.role().wire())
                        .addAttribute(KEY_ID, key.id()).build())
                .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked API key")));
    }
}
