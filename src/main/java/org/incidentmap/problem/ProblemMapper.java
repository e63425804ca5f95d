package org.incidentmap.problem;

import com.fasterxml.jackson.core.JacksonException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem. Bodies speak of the request, never of the code: an unexpected
 * error is logged here and answered with a generic 500.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response refused(ProblemException e, UriInfo uri) {
        Response response = response(e.status(), e.getMessage(), e.violations(), uri);
        if (e.retryAfterSeconds() != null) {
            response.getHeaders().putSingle("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        return response;
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response problem = response(status, detailFor(status, uri), List.of(), uri);
        String allow = status == 405 ? AllowedMethods.of(uri.getPath()) : null;
        if (allow != null) {
            problem.getHeaders().putSingle("Allow", allow); // what a 405 must say (RFC 9110)
        }
        return problem;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        var unavailable = DatabaseUnavailable.of(e);
        if (unavailable.isPresent()) {
            LOG.warnf("503 on %s: %s", uri.getPath(), e.getMessage());
            return refused(unavailable.get(), uri);
        }
        String evaluation = filterEvaluationFailure(e, uri);
        if (evaluation != null) {
            return refused(ProblemException.badParameter("filter", "the database could not evaluate it: "
                    + evaluation), uri);
        }
        if (brokenConnection(e)) {
            // The client went away (or stalled past the idle timeout) mid-request: nobody is left to answer.
            LOG.debugf("Connection broke off on %s: %s", uri.getPath(), e.getMessage());
            return response(400, "The connection broke off before the request was done.", List.of(), uri);
        }
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        return response(500, "The service failed to answer this request; the failure has been logged.",
                List.of(), uri);
    }

    /**
     * PostgreSQL's reason when a filter's own arithmetic failed (SQLSTATE class 22, such as 10 ^ 1000 out of
     * range): the request's fault, a 400. Null for any other failure, or a request without a filter.
     */
    private static String filterEvaluationFailure(Throwable e, UriInfo uri) {
        if (!uri.getQueryParameters().containsKey("filter")) {
            return null;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                String message = String.valueOf(sql.getMessage());
                return message.lines().findFirst().orElse(message).replaceFirst("^ERROR: ", "");
            }
        }
        return null;
    }

    private static boolean brokenConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException && !(t instanceof JacksonException)) {
                return true;
            }
        }
        return false;
    }

    private static String detailFor(int status, UriInfo uri) {
        return switch (status) {
            case 404 -> "There is nothing at " + uri.getPath() + ".";
            case 405 -> "This method is not allowed on " + uri.getPath() + ".";
            case 406 -> "None of the media types in the Accept header can be produced here.";
            case 413 -> "The request body is larger than the service accepts.";
            case 415 -> "The request body's Content-Type is not accepted here; send application/geo+json.";
            default -> "The request could not be processed.";
        };
    }

    /** Builds a problem response for {@code status} about the request at {@code uri}. */
    public static Response response(int status, String detail, List<Violation> violations, UriInfo uri) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        Problem body = new Problem("about:blank", title, status, detail, uri.getPath(), violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
