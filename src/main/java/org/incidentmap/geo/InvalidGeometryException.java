package org.incidentmap.geo;

/**
 * Thrown when a geometry is unreadable or breaks a rule; {@link #pointer()} is a JSON pointer relative to the
 * geometry object ("" for the geometry as a whole), so callers can place it inside a body or a parameter.
 */
public class InvalidGeometryException extends RuntimeException {

    private final String pointer;

    public InvalidGeometryException(String pointer, String detail) {
        super(detail, null, false, false);
        this.pointer = pointer;
    }

    public String pointer() {
        return pointer;
    }
}
