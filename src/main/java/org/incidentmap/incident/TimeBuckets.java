package org.incidentmap.incident;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incidentmap.geo.TimeInterval;
import org.incidentmap.problem.ProblemException;

/**
 * The days, ISO weeks (Monday to Sunday) or months of a time grouping, in UTC, keyed 2025-03-06, 2025-W10 and
 * 2025-03. Every bucket from the first to the last is listed, empty ones with zeros, so a chart of them has no
 * silent gaps; a closed {@code datetime} end widens that range to the bucket it falls in.
 */
final class TimeBuckets {

    /** More buckets than a chart can show: the client should group by a longer period or narrow the time. */
    static final int MAX = 100_000;

    private TimeBuckets() {
    }

    static List<CountGroup> filled(Grouping by, Map<LocalDate, long[]> counts, TimeInterval within) {
        LocalDate first = counts.keySet().stream().min(LocalDate::compareTo).orElse(null);
        LocalDate last = counts.keySet().stream().max(LocalDate::compareTo).orElse(null);
        if (within != null && within.start() != null) {
            first = earlier(first, startOf(by, day(within.start())));
        }
        if (within != null && within.end() != null) {
            last = later(last, startOf(by, day(within.end())));
        }
        List<CountGroup> groups = new ArrayList<>();
        for (LocalDate d = first; d != null && !d.isAfter(last); d = next(by, d)) {
            if (groups.size() == MAX) {
                throw ProblemException.badParameter("by", "more than " + MAX + " " + by.wire() + "s from " + first
                        + " to " + last + "; group by a longer period or narrow datetime");
            }
            long[] c = counts.getOrDefault(d, new long[2]);
            groups.add(new CountGroup(key(by, d), null, d, next(by, d).minusDays(1), c[0], c[1]));
        }
        return groups;
    }

    static LocalDate startOf(Grouping by, LocalDate d) {
        return switch (by) {
            case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> d.withDayOfMonth(1);
            default -> d;
        };
    }

    static String key(Grouping by, LocalDate start) {
        return switch (by) {
            case WEEK -> "%d-W%02d".formatted(start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> start.toString().substring(0, 7);
            default -> start.toString();
        };
    }

    private static LocalDate next(Grouping by, LocalDate start) {
        return switch (by) {
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            default -> start.plusDays(1);
        };
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
