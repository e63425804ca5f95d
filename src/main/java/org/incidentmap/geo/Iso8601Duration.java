package org.incidentmap.geo;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.incidentmap.problem.ProblemException;

/** ISO 8601 durations in {@code datetime} intervals ({@code P2D}, {@code PT12H}, {@code P1M6DT12H31M12S}), in UTC. */
final class Iso8601Duration {

    private Iso8601Duration() {
    }

    static Instant after(Instant start, String text) {
        return start.atOffset(ZoneOffset.UTC).plus(period(text)).plus(time(text)).toInstant();
    }

    static Instant before(Instant end, String text) {
        return end.atOffset(ZoneOffset.UTC).minus(period(text)).minus(time(text)).toInstant();
    }

    /** The calendar part (years, months, weeks, days) before any 'T'. */
    private static Period period(String text) {
        String dates = text.contains("T") ? text.substring(0, text.indexOf('T')) : text;
        return dates.equals("P") ? Period.ZERO : parse(() -> Period.parse(dates), text);
    }

    /** The clock part (hours, minutes, seconds) after the 'T'. */
    private static Duration time(String text) {
        return text.contains("T") ? parse(() -> Duration.parse("P" + text.substring(text.indexOf('T'))), text)
                : Duration.ZERO;
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, String text) {
        try {
            return parser.get();
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter("datetime", "'" + text + "' is not an ISO 8601 duration such as "
                    + "P2D or PT12H");
        }
    }
}
