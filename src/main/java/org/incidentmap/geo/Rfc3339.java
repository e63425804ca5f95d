package org.incidentmap.geo;

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
}
