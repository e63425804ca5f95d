package org.incidentmap.incident;

/**
 * Keeps stored text from running as a formula when a CSV file is opened in a spreadsheet (OWASP's "CSV injection"):
 * a text cell that starts with {@code = + - @}, a tab or a carriage return is written with a leading {@code '},
 * which spreadsheets show as text. So is a text of leading {@code '}s followed by one of those, so that
 * {@link #undo} on import gives back exactly what was stored. Numbers are never passed here.
 */
final class SpreadsheetFormulas {

    private SpreadsheetFormulas() {
    }

    /** Tests whether a cell whose characters {@code at} gives (-1 past its end) needs the guard. */
    static boolean needsGuard(CharAt at) {
        int k = 0;
        while (at.charAt(k) == '\'') {
            k++;
        }
        int c = at.charAt(k);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** Tests whether {@code text} needs the guard. */
    static boolean needsGuard(String text) {
        return needsGuard(k -> k < text.length() ? text.charAt(k) : -1);
    }

    /** The stored text of a cell as {@code CsvRow} wrote it: without the guard's {@code '}. */
    static String undo(String cell) {
        return cell.startsWith("'") && needsGuard(cell) ? cell.substring(1) : cell;
    }

    /** A cell's character at an index, or -1 past its end. */
    @FunctionalInterface
    interface CharAt {
        int charAt(int index);
    }
}
