package org.incidentmap.problem;

import java.util.List;

/** A request the service refuses, with what an RFC 9457 body needs to tell the client why. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final List<Violation> violations;
    private final Integer retryAfterSeconds;

    public ProblemException(int status, String detail, List<Violation> violations) {
        this(status, detail, violations, null);
    }

    private ProblemException(int status, String detail, List<Violation> violations, Integer retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.violations = List.copyOf(violations);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A 503: the service is too busy for this kind of request now; a client may retry after the given time. */
    public static ProblemException busy(String detail, int retryAfterSeconds) {
        return new ProblemException(503, detail, List.of(), retryAfterSeconds);
    }

    /** A 429: this client holds as many of something as one client may; it may retry once it has let one go. */
    public static ProblemException tooMany(String detail, int retryAfterSeconds) {
        return new ProblemException(429, detail, List.of(), retryAfterSeconds);
    }

    public static ProblemException badParameter(String parameter, String detail) {
        return new ProblemException(400, "Invalid query parameter '" + parameter + "': " + detail,
                List.of(Violation.atParameter(parameter, detail)));
    }

    public static ProblemException badPath(String detail) {
        return new ProblemException(400, "Invalid path: " + detail, List.of());
    }

    public static ProblemException badBody(String pointer, String detail) {
        return badBody(List.of(Violation.atPointer(pointer, detail)));
    }

    public static ProblemException badBody(List<Violation> violations) {
        String first = violations.get(0).pointer() + ": " + violations.get(0).detail();
        String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
        return new ProblemException(400, "Invalid request body at " + first + more, violations);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, detail, List.of());
    }

    public int status() {
        return status;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Seconds after which a retry may succeed (a {@code Retry-After} header), or null. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
