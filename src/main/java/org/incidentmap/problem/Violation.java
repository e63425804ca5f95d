package org.incidentmap.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a request: where (a JSON pointer into the body, or a query parameter) and why.
 * Serialised in the {@code errors} member of a problem, as in RFC 9457's own example.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String pointer, String parameter, String detail) {

    public static Violation atPointer(String pointer, String detail) {
        return new Violation(pointer.isEmpty() ? "#" : "#" + pointer, null, detail);
    }

    public static Violation atParameter(String parameter, String detail) {
        return new Violation(null, parameter, detail);
    }
}
