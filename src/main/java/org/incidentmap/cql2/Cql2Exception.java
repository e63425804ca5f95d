package org.incidentmap.cql2;

/**
 * A filter that cannot be read or applied: {@code at} is where in it (a 1-based character position in CQL2 text,
 * an index into the JSON pointers of a CQL2-JSON filter's nodes), the message what is wrong.
 */
public class Cql2Exception extends RuntimeException {

    private final int at;
    private final String where;

    public Cql2Exception(int at, String reason) {
        this(at, reason, null);
    }

    private Cql2Exception(int at, String reason, String where) {
        super(reason, null, false, false);
        this.at = at;
        this.where = where;
    }

    public int at() {
        return at;
    }

    /** Where the mistake is, in words ("at /args/1"), when it was put in words; null otherwise. */
    String where() {
        return where;
    }

    Cql2Exception locatedAt(String place) {
        return new Cql2Exception(at, getMessage(), place);
    }
}
