package org.incidentmap.geo;

import java.time.DateTimeException;
import java.time.Instant;
import org.incidentmap.problem.ProblemException;

/**
 * A closed time interval, either end possibly open (null). Parsed from the OGC API {@code datetime} parameter:
 * an RFC 3339 instant ({@code 2025-03-04T06:00:00Z}), a date standing for that whole UTC day
 * ({@code 2025-03-04}), or an interval {@code start/end} where either end may be {@code ..} or empty, or an
 * ISO 8601 duration counted from the other end ({@code 2025-03-01/P2D}, {@code P1DT12H/2025-03-04T12:00:00Z}).
 * A date followed by a bare {@code T} ({@code 2025-03-01T/..}, as GDAL writes it) is that date.
 */
public record TimeInterval(Instant start, Instant end) {

    public static TimeInterval parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length > 2) {
            throw ProblemException.badParameter("datetime", "expected an instant or an interval start/end, got '" + text + "'");
        }
        String first = parts[0];
        String last = parts[parts.length - 1];
        if (parts.length == 2 && isDuration(first) && isDuration(last)) {
            throw ProblemException.badParameter("datetime", "an interval needs at least one date or date-time");
        }
        Instant start = open(first) || isDuration(first) ? null : at(Rfc3339::startOf, first);
        Instant end = open(last) || isDuration(last) ? null : at(Rfc3339::endOf, last);
        try {
            if (parts.length == 2 && isDuration(last)) {
                end = start == null ? null : Iso8601Duration.after(start, last);
            }
            if (parts.length == 2 && isDuration(first)) {
                start = end == null ? null : Iso8601Duration.before(end, first);
            }
        } catch (DateTimeException | ArithmeticException e) {
            throw outOfRange();
        }
        if (start != null && (start.isBefore(EARLIEST) || start.isAfter(LATEST))
                || end != null && (end.isBefore(EARLIEST) || end.isAfter(LATEST))) {
            throw outOfRange();
        }
        if (start == null && end == null) {
            throw ProblemException.badParameter("datetime", "an interval needs at least one closed end");
        }
        if (start != null && end != null && start.isAfter(end)) {
            throw ProblemException.badParameter("datetime", "the interval starts after it ends");
        }
        return new TimeInterval(start, end);
    }

    /** RFC 3339 years have four digits; PostgreSQL's timestamps end in year 294276 and would fail past it. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private static ProblemException outOfRange() {
        return ProblemException.badParameter("datetime", "the interval reaches outside the years 0001 to 9999");
    }

    /** GDAL 3.6 turns a date comparison into a bound such as {@code 2025-03-01T}: that is the date. */
    private static String withoutBareT(String text) {
        return text.length() == 11 && (text.endsWith("T") || text.endsWith("t")) ? text.substring(0, 10) : text;
    }

    private static boolean isDuration(String text) {
        return text.startsWith("P");
    }

    private static boolean open(String end) {
        return end.isEmpty() || end.equals("..");
    }

    private static Instant at(java.util.function.Function<String, Instant> parser, String text) {
        try {
            return parser.apply(withoutBareT(text));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("datetime", e.getMessage());
        }
    }
}
