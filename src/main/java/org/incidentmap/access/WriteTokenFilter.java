package org.incidentmap.access;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.problem.ProblemMapper;
import org.jboss.logging.Logger;

/**
 * Refuses writes without the configured bearer token (401), comparing in constant time. Without a configured
 * token every write is allowed, and start-up says so.
 */
@Provider
@WriteAccess
@Singleton
public class WriteTokenFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(WriteTokenFilter.class);
    private static final String BEARER = "Bearer ";

    /** Looked up when used: JAX-RS providers are built before runtime configuration is available. */
    @Inject
    Instance<ServiceConfig> config;

    void warnWhenOpen(@Observes StartupEvent event) {
        if (config.get().writeToken().isEmpty()) {
            LOG.warn("incidentmap.write-token is not set: anyone who can reach this service can add, change and "
                    + "delete features");
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        config.get().writeToken().ifPresent(token -> {
            String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
            String given = header != null && header.startsWith(BEARER) ? header.substring(BEARER.length()) : "";
            if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
                request.abortWith(Response.fromResponse(ProblemMapper.response(401, "Adding, replacing and deleting "
                        + "features needs the service's write token: send it as 'Authorization: Bearer <token>'.",
                        List.of(), request.getUriInfo())).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
            }
        });
    }
}
