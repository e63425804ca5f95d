package org.incidentmap.geo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Parses RFC 3339 date-times ({@code 2025-03-04T06:00:00Z}, an offset required) and full dates
 * ({@code 2025-03-04}, read as the UTC day). Throws {@link IllegalArgumentException} with a readable reason.
 */
public final class Rfc3339 {

    private static final Pattern FOUR_DIGIT_YEAR = Pattern.compile("[0-9]{4}-");

    private Rfc3339() {
    }

    /** Tests whether {@code text} has the shape of a date without a time. */
    public static boolean isDate(String text) {
        return text.length() == 10;
    }

    /** Returns the instant {@code text} names, or for a date, the first instant of that UTC day. */
    public static Instant startOf(String text) {
        requireFourDigitYear(text);
        return isDate(text) ? date(text).atStartOfDay(ZoneOffset.UTC).toInstant() : dateTime(text);
    }

    /** Returns the instant {@code text} names, or for a date, the last microsecond of that UTC day. */
    public static Instant endOf(String text) {
        requireFourDigitYear(text);
        return isDate(text) ? date(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000)
                : dateTime(text);
    }

    /**
     * Reads the inclusive end of a span (an incident's {@code occurred_until}) to the resolution it is given in: a
     * date to the last microsecond of that day, a date-time in whole seconds to the last microsecond of that second.
     * {@link #formatEnd} writes such ends back in whole seconds, so a span read and written again is unchanged.
     */
    public static Instant endOfSpan(String text) {
        Instant end = endOf(text);
        return isDate(text) || end.getNano() != 0 ? end : end.plusNanos(LAST_MICROSECOND);
    }

    private static final int LAST_MICROSECOND = 999_999_000;

    /**
     * Writes the inclusive end of a span: an end at the last microsecond of a second as that whole second
     * ({@code 2025-03-05T23:59:59Z}), since clients that keep milliseconds round {@code .999999} up to a second
     * 60 or to the next day (GDAL 3.6 wrote {@code 23:59:60}, which SQLite and Python refuse).
     */
    public static String formatEnd(Instant end) {
        return format(writtenEnd(end));
    }

    /** The instant {@link #formatEnd} writes for {@code end}: the whole second of an end at its last microsecond. */
    public static Instant writtenEnd(Instant end) {
        return end.getNano() == LAST_MICROSECOND ? end.minusNanos(LAST_MICROSECOND) : end;
    }

    /** RFC 3339 years have four digits; Java would also read +999999999, which no database column can hold. */
    private static void requireFourDigitYear(String text) {
        if (!FOUR_DIGIT_YEAR.matcher(text).lookingAt()) {
            throw invalid(text);
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(text);
        }
    }

    private static Instant dateTime(String text) {
        try {
            // RFC 3339 allows a lower-case t and z; the ISO parser checks the rest, offset included.
            return OffsetDateTime.parse(text.toUpperCase()).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(text);
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("'" + text + "' is not an RFC 3339 date-time (such as "
                + "2025-03-04T06:00:00Z) or date (2025-03-04)");
    }

    /** The longest text {@link #write} writes: a date, a time and nine decimals. */
    public static final int MAX_CHARS = 30;

    /**
     * Writes {@code t} as {@link Instant#toString()} does (UTC, "Z", fraction only when not zero, in groups of
     * three digits) for years 0-9999, several times faster: exports write four timestamps per incident.
     */
    public static String format(Instant t) {
        byte[] out = new byte[MAX_CHARS];
        int end = write(t, out, 0);
        return end < 0 ? t.toString() : new String(out, 0, end, StandardCharsets.US_ASCII);
    }

    /**
     * Writes {@code t} as {@link #format} does into {@code out} from {@code at}, as ASCII; returns where the text
     * ends, or -1 (nothing written) for years outside 0-9999.
     */
    public static int write(Instant t, byte[] out, int at) {
        long seconds = t.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(day);
        if (date.getYear() < 0 || date.getYear() > 9999) {
            return -1;
        }
        int n = digits(out, at, date.getYear(), 4);
        out[n++] = '-';
        n = digits(out, n, date.getMonthValue(), 2);
        out[n++] = '-';
        n = digits(out, n, date.getDayOfMonth(), 2);
        out[n++] = 'T';
        n = digits(out, n, secondOfDay / 3600, 2);
        out[n++] = ':';
        n = digits(out, n, secondOfDay / 60 % 60, 2);
        out[n++] = ':';
        n = digits(out, n, secondOfDay % 60, 2);
        int nanos = t.getNano();
        if (nanos != 0) {
            out[n++] = '.';
            if (nanos % 1_000_000 == 0) {
                n = digits(out, n, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                n = digits(out, n, nanos / 1000, 6);
            } else {
                n = digits(out, n, nanos, 9);
            }
        }
        out[n++] = 'Z';
        return n;
    }

    private static int digits(byte[] out, int at, int value, int width) {
        for (int k = at + width - 1; k >= at; k--) {
            out[k] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
