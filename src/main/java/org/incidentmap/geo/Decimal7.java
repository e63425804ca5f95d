package org.incidentmap.geo;

import java.nio.charset.StandardCharsets;

/**
 * Coordinates rounded to 7 decimals (about 1 cm), written as plain decimals with trailing zeros dropped ("35.0"
 * for a whole number): the digits Jackson writes for the rounded double, found with integer arithmetic because an
 * export writes millions of them and Double.toString or DecimalFormat cost several times more.
 */
public final class Decimal7 {

    private static final double SCALE = 1e7;
    /** Longest text: a sign, 10 integer digits, the point and 7 decimals. */
    public static final int MAX_CHARS = 19;

    private Decimal7() {
    }

    /** Writes {@code v} into {@code text} ending just before {@code end}; returns where it starts. */
    public static int writeBefore(byte[] text, int end, double v) {
        long scaled = Math.round(v * SCALE);
        long magnitude = Math.abs(scaled);
        long whole = magnitude / 10_000_000;
        int fraction = (int) (magnitude % 10_000_000);
        int digits = 7;
        while (digits > 1 && fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        for (int k = 0; k < digits; k++) {
            text[--end] = (byte) ('0' + fraction % 10);
            fraction /= 10;
        }
        text[--end] = '.';
        do {
            text[--end] = (byte) ('0' + whole % 10);
            whole /= 10;
        } while (whole > 0);
        if (scaled < 0) {
            text[--end] = '-';
        }
        return end;
    }

    /** Whether {@link #writeBefore} can write {@code v}: finite and of a size coordinates have. */
    public static boolean fits(double v) {
        return Math.abs(v) < 1e9;
    }

    /** {@code v} as text; for values that do not fit, the rounded double as Java writes it. */
    public static String text(double v) {
        if (!fits(v)) {
            return String.valueOf(Math.round(v * SCALE) / SCALE);
        }
        byte[] text = new byte[MAX_CHARS];
        int start = writeBefore(text, text.length, v);
        return new String(text, start, text.length - start, StandardCharsets.US_ASCII);
    }

    /** Appends {@code v} as {@link #text} does. */
    public static void append(StringBuilder out, double v) {
        if (!fits(v)) {
            out.append(text(v));
            return;
        }
        byte[] text = new byte[MAX_CHARS];
        for (int k = writeBefore(text, text.length, v); k < text.length; k++) {
            out.append((char) text[k]);
        }
    }
}
