package org.incidentmap.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Answers a problem from a Vert.x route handler, before the request reaches a resource and its mappers. */
public final class RawProblem {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawProblem() {
    }

    /** Ends {@code ctx} with a problem of {@code status}; the connection is closed when a body may be unread. */
    public static void send(RoutingContext ctx, int status, String detail, boolean close) {
        Response.Status known = Response.Status.fromStatusCode(status);
        Problem problem = new Problem("about:blank", known != null ? known.getReasonPhrase() : "Error", status, detail,
                ctx.request().path(), List.of());
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
            if (close) {
                ctx.response().putHeader("Connection", "close");
            }
            ctx.response().end(JSON.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
