package org.incidentmap.access;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.problem.RawProblem;

/**
 * CORS, split by what a request does. Reads (GET, HEAD, and POST to a {@code search}) are open to pages on any
 * origin, without credentials ({@code Access-Control-Allow-Origin: *}): the data is public and map pages anywhere
 * should load it. Writes from a browser are accepted only from the origins in
 * {@code incidentmap.cors.write-origins} (none by default), so a page a user happens to open cannot change data
 * through a service the user can reach; other origins get a 403 problem, preflight or not.
 */
@ApplicationScoped
public class BrowserOrigins {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD");
    private static final String EXPOSED = "Location, Retry-After, Content-Disposition, Content-Crs, ETag";
    private static final String MAX_AGE = "600";

    @Inject
    ServiceConfig config;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 3).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        response.putHeader("Vary", "Origin");
        String origin = request.getHeader("Origin");
        if (origin == null) {
            ctx.next();
            return;
        }
        String preflightMethod = request.method() == HttpMethod.OPTIONS
                ? request.getHeader("Access-Control-Request-Method") : null;
        String method = preflightMethod != null ? preflightMethod : request.method().name();
        boolean write = !READ_METHODS.contains(method) && !request.path().endsWith("/search")
                && !method.equals("OPTIONS");
        if (write && !writeOrigins().contains(origin)) {
            RawProblem.send(ctx, 403, "Writes from web pages are accepted only from the origins listed in "
                    + "incidentmap.cors.write-origins; " + origin + " is not one of them.", false);
            return;
        }
        response.putHeader("Access-Control-Allow-Origin", write ? origin : "*")
                .putHeader("Access-Control-Expose-Headers", EXPOSED);
        if (preflightMethod == null) {
            ctx.next();
            return;
        }
        String headers = request.getHeader("Access-Control-Request-Headers");
        response.putHeader("Access-Control-Allow-Methods", write ? "POST, PUT, PATCH, DELETE" : "GET, HEAD, POST")
                .putHeader("Access-Control-Max-Age", MAX_AGE);
        if (headers != null) {
            response.putHeader("Access-Control-Allow-Headers", headers);
        }
        response.setStatusCode(204).end();
    }

    private List<String> writeOrigins() {
        return config.cors().writeOrigins().orElse(List.of());
    }
}
