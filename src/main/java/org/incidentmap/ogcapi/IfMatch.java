package org.incidentmap.ogcapi;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.incidentmap.problem.ProblemException;

/**
 * Preconditions on a feature's version, whose strong ETag is the version in quotes ({@code "3"}): If-None-Match
 * on reads (304), and the If-Match of a write (RFC 9110, 13.1.1), which this record holds. Strong comparison: a
 * weak tag never matches. Absent, the write goes ahead unless the service requires the header (428).
 */
public record IfMatch(boolean given, boolean any, Set<Long> versions) {

    static final IfMatch ABSENT = new IfMatch(false, false, Set.of());

    /** The ETag of a feature at {@code version}. */
    public static EntityTag tag(long version) {
        return new EntityTag(String.valueOf(version));
    }

    /** A read of a feature at {@code version}: a 304 when If-None-Match names it, else {@code entity}; its ETag. */
    public static Response read(Request request, long version, Supplier<Object> entity) {
        EntityTag tag = tag(version);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        return (unchanged != null ? unchanged : Response.ok(entity.get())).tag(tag).build();
    }

    /** Reads the header's value (null when absent); a 428 when it is absent and {@code required}. */
    public static IfMatch of(String header, boolean required) {
        if (header == null || header.isBlank()) {
            if (required) {
                throw new ProblemException(428, "This service requires If-Match on PUT, PATCH and DELETE: send the "
                        + "ETag of the feature as you read it (GET the feature, then If-Match: its ETag), so that a "
                        + "change made since is not overwritten unseen.", List.of());
            }
            return ABSENT;
        }
        if (header.strip().equals("*")) {
            return new IfMatch(true, true, Set.of());
        }
        Set<Long> versions = new HashSet<>();
        for (String tag : header.split(",")) {
            String t = tag.strip();
            if (t.matches("\"[0-9]{1,18}\"")) {
                versions.add(Long.parseLong(t.substring(1, t.length() - 1)));
            }
        }
        return new IfMatch(true, false, versions);
    }

    /** Whether a feature at {@code version} may be written. */
    public boolean accepts(long version) {
        return !given || any || versions.contains(version);
    }

    /** A 412 unless a feature at {@code version} may be written. */
    public void check(long version, String what) {
        if (!accepts(version)) {
            throw new ProblemException(412, what + " has changed since the version If-Match names: it is at ETag "
                    + tag(version) + " now. GET it again, apply your change to it, and send that.", List.of());
        }
    }
}
