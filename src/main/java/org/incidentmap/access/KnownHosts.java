package org.incidentmap.access;

import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.problem.RawProblem;

/**
 * Answers only to the host names in {@code incidentmap.http.hosts}: every link and Location is built from the
 * request's Host header, so a forged one ({@code Host: evil.example}) would otherwise put its address into pages a
 * cache or a client keeps. Other hosts get a 421 (Misdirected Request) problem. With
 * {@code incidentmap.http.public-url} set, links no longer depend on the Host and any is answered.
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
}
