package org.incidentmap.problem;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.incidentmap.config.ServiceConfig;

/**
 * Refuses a body whose declared Content-Length exceeds what its endpoint accepts with a 413 problem before any
 * of it is read (Quarkus's own refusal has an empty body): {@code incidentmap.import.max-size} for a bulk
 * import (POST to the incidents' items, which streams), {@code incidentmap.body.max-size} for every other body.
 * Bodies without a declared length are counted as they are read (see BoundedBody and the import).
 */
@ApplicationScoped
public class BodySizeLimit {

    static final String IMPORT_PATH = "/collections/incidents/items";

    @Inject
    ServiceConfig config;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String declared = ctx.request().getHeader("Content-Length");
        boolean isImport = ctx.request().method().name().equals("POST") && ctx.request().path().equals(IMPORT_PATH);
        long max = isImport ? config.bulkImport().maxSize().asLongValue() : config.body().maxBytes();
        if (declared == null || !declared.matches("[0-9]{1,18}") || Long.parseLong(declared) <= max) {
            ctx.next();
            return;
        }
        RawProblem.send(ctx, 413, "The request body has " + declared + " bytes; at most " + max + " are accepted "
                + "here." + (isImport ? " Split the import into several requests." : " Send many features in one "
                + "POST to " + IMPORT_PATH + ", which streams them."), true);
    }
}
