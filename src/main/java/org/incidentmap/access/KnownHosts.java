package org.incidentmap.access;

import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.problem.RawProblem;

/**
 * Answers only to the host names in {@code incidentmap.http.hosts}: every link and Location is built from the
 * request's Host header, so a forged one ({@code Host: evil.example}) would otherwise put its address into pages a
 * cache or a client keeps. Other hosts get a 421 (Misdirected Request) problem. With
 * {@code incidentmap.http.public-url} set, links no longer depend on the Host and any is answered. A request target
 * in absolute form ({@code GET http://evil.example/collections}) carries an authority of its own, which HTTP says
 * outranks the Host header and which the framework builds request URIs from: its host is checked the same way,
 * whatever the configuration.
 */
@ApplicationScoped
public class KnownHosts {

    @Inject
    ServiceConfig config;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        List<String> hosts = config.http().hosts();
        String targetHost = absoluteFormHost(ctx.request().uri());
        if (targetHost != null && !hosts.contains("*") && !hosts.contains(targetHost)) {
            RawProblem.send(ctx, 421, "This service does not answer to the host '" + targetHost + "' named in the "
                    + "request target; send the path alone, or a host in incidentmap.http.hosts.", false);
            return;
        }
        if (config.http().publicUrl().isPresent()) {
            ctx.next(); // links come from the configured address, whatever the Host
            return;
        }
        // The authority is the Host header in HTTP/1.1 and the :authority pseudo-header in HTTP/2.
        HostAndPort authority = ctx.request().authority();
        String host = authority == null ? "" : authority.host().toLowerCase(Locale.ROOT);
        if (hosts.contains("*") || hosts.contains(host)) {
            ctx.next();
            return;
        }
        RawProblem.send(ctx, 421, "This service does not answer to the host '" + host + "'; an operator can add it "
                + "to incidentmap.http.hosts.", false);
    }

    /** The host of a target in absolute form (scheme and authority before the path), lower case; else null. */
    static String absoluteFormHost(String target) {
        if (target.startsWith("/") || target.equals("*")) {
            return null;
        }
        try {
            String host = new URI(target).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return ""; // matches no host: refused
        }
    }
}
