package org.incidentmap.access;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.ogcapi.CollectionRegistry;
import org.incidentmap.problem.ProblemMapper;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Lets a request reach its endpoint only when its user has the role the endpoint needs: for a write
 * ({@link WriteAccess}), editor or the role of the collection written to (regions: admin); for a read, none unless
 * {@code incidentmap.reads.public} is false. The user comes from a bearer token, a JWT signed with the service's
 * key or an API key, checked only when a role is needed (so that a stale token never breaks a public read).
 * No token or a refused one is a 401 problem, too low a role a 403 problem.
 */
public class AccessCheck {

    private static final Logger LOG = Logger.getLogger(AccessCheck.class);
    /** Where clients learn what the service is and how to reach it, open even when reads are not. */
    private static final Set<String> ALWAYS_OPEN = Set.of("/", "/conformance", "/api");

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    CollectionRegistry registry;

    /** Looked up when used: request filters are built before runtime configuration is available. */
    @Inject
    Instance<ServiceConfig> config;

    void sayHowWritesAreEnabled(@Observes StartupEvent event) {
        if (!verificationKeyConfigured()) {
            LOG.warn("No token verification key is configured (mp.jwt.verify.publickey.location): every write is "
                    + "refused. src/ops/tokens.sh keys makes one; src/ops/run.sh uses it and prints an editor token.");
        }
    }

    @ServerRequestFilter
    public Uni<Response> check(ContainerRequestContext request, ResourceInfo resource) {
        Optional<Role> needed = needed(resource.getResourceMethod(), request.getUriInfo().getPath());
        if (needed.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().onItemOrFailure().transform((identity, failure) ->
                failure != null ? refused(request, failure) : answer(request, identity, needed.get()));
    }

    private Optional<Role> needed(Method method, String path) {
        WriteAccess write = method == null ? null : method.getAnnotation(WriteAccess.class);
        if (write != null) {
            Role collection = registry.under(path).map(c -> c.info().writeRole()).orElse(Role.EDITOR);
            return Optional.of(collection.includes(write.value()) ? collection : write.value());
        }
        boolean open = config.get().reads().open() || ALWAYS_OPEN.contains(path) || path.startsWith("/q/");
        return open ? Optional.empty() : Optional.of(Role.READER);
    }

    private Response answer(ContainerRequestContext request, SecurityIdentity identity, Role needed) {
        if (identity.isAnonymous()) {
            return unauthorized(request, noToken(needed));
        }
        Optional<Role> role = Role.highest(identity.getRoles());
        if (role.isPresent() && role.get().includes(needed)) {
            return null;
        }
        return ProblemMapper.response(403, "User '" + identity.getPrincipal().getName() + "' has "
                + role.map(r -> "the role " + r.wire()).orElse("no role of this service") + "; this needs "
                + needed.wire() + (needed == Role.READER ? "" : " or higher") + ".", List.of(), request.getUriInfo());
    }

    private Response refused(ContainerRequestContext request, Throwable failure) {
        if (!verificationKeyConfigured() && !String.valueOf(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .startsWith("Bearer " + ApiKeyStore.PREFIX)) {
            return unauthorized(request, noToken(Role.EDITOR));
        }
        return unauthorized(request, "The bearer token was refused: " + why(failure) + ". Send a JWT signed with "
                + "this service's key that has not expired, or an API key that has not been revoked.");
    }

    /** Why a token failed, in the words of its checker where they say it (an unknown key, an expired token). */
    private static String why(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Expiration Time")) {
                return "it has expired";
            }
            if (message.contains("API key")) {
                return "it is an unknown or revoked API key";
            }
        }
        return "it is not a JWT signed with this service's key by issuer "
                + ConfigProvider.getConfig().getOptionalValue("mp.jwt.verify.issuer", String.class).orElse("(any)");
    }

    private static String noToken(Role needed) {
        if (!verificationKeyConfigured()) {
            return "Writes are turned off: this service has no key to check tokens with. Make one with "
                    + "src/ops/tokens.sh keys and set mp.jwt.verify.publickey.location to its public.pem "
                    + "(src/ops/run.sh does both and prints an editor token); then send 'Authorization: Bearer "
                    + "<token>'.";
        }
        return (needed == Role.READER ? "Reading" : "This change") + " needs a user with the role " + needed.wire()
                + (needed == Role.READER ? "" : " or higher") + ": send 'Authorization: Bearer <token>' with a JWT "
                + "signed with this service's key (src/ops/tokens.sh mint) or an API key (/admin/api-keys).";
    }

    private static Response unauthorized(ContainerRequestContext request, String detail) {
        return Response.fromResponse(ProblemMapper.response(401, detail, List.of(), request.getUriInfo()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** Whether a key is configured (NONE: smallrye-jwt's own word for none, which a test uses). */
    static boolean verificationKeyConfigured() {
        var config = ConfigProvider.getConfig();
        return Stream.of("mp.jwt.verify.publickey.location", "mp.jwt.verify.publickey")
                .map(name -> config.getOptionalValue(name, String.class)).flatMap(Optional::stream)
                .anyMatch(value -> !value.equals("NONE"));
    }
}
