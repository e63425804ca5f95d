package org.incidentmap.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.incidentmap.geo.Decimal7;
import org.incidentmap.geo.Rfc3339;
import org.junit.jupiter.api.Test;

/**
 * CSV fields are quoted exactly when RFC 4180 asks, wherever in a long text the character that asks for it is;
 * numbers, times and JSON written into a row read as their usual text does.
 */
class CsvRowTest {

    @Test
    void shouldQuoteFieldsWithACommaQuoteOrLineBreakAnywhere() throws IOException {
        for (char special : new char[] {',', '"', '\n', '\r'}) {
            for (int length = 1; length <= 40; length++) {
                for (int at = 0; at < length; at++) {
                    char[] text = "Latakia é Qardaha\ttab اللاذقية and more text".substring(0, length).toCharArray();
                    text[at] = special;
                    String field = new String(text);
                    // a text starting with a carriage return is also guarded against formulas
                    String guard = at == 0 && special == '\r' ? "'" : "";
                    String expected = '"' + guard + field.replace("\"", "\"\"") + '"';
                    assertEquals(expected, written(field), "'" + special + "' at " + at + " of " + length);
                    assertEquals(expected, writtenUtf8(field), "'" + special + "' at " + at + " of " + length);
                }
            }
        }
    }

    @Test
    void shouldCopyOtherFieldsAsTheyAre() throws IOException {
        for (int length = 0; length <= 40; length++) {
            String field = "Latakia é Qardaha\ttab اللاذقية and more text\u0001".substring(0, length);
            assertEquals(field, written(field));
            assertEquals(field, writtenUtf8(field));
        }
    }

    @Test
    void shouldWriteEncodedFieldsAsTheirTextAndOtherTextAsItIs() throws IOException {
        Map<String, byte[]> encoded = Map.of("Explosions/Remote violence", CsvRow.encoded("Explosions/Remote violence"),
                "Looting, \"destruction\"", CsvRow.encoded("Looting, \"destruction\""));
        for (String field : new String[] {"Explosions/Remote violence", "Looting, \"destruction\"", "Riots, again"}) {
            CsvRow row = new CsvRow();
            row.field(field, encoded);
            assertEquals(written(field), text(row), field);
        }
        CsvRow row = new CsvRow();
        row.field(null, encoded);
        assertEquals("", text(row));
    }

    @Test
    void shouldGuardTextThatASpreadsheetWouldRunAsAFormula() throws IOException {
        for (String formula : new String[] {"=HYPERLINK(A1)", "+1+2", "-2+3",
            "@SUM(1+1)", "\tx", "'=1+1", "''@x"}) {
            assertEquals("'" + formula, written(formula), formula);
            assertEquals("'" + formula, writtenUtf8(formula), formula);
            assertEquals(formula, SpreadsheetFormulas.undo("'" + formula), formula);
        }
        String quoted = "=1,2";
        assertEquals("\"'=1,2\"", written(quoted));
        assertEquals("\"'=1,2\"", writtenUtf8(quoted));
        for (String text : new String[] {"Latakia", "'Tis", "a=b", "1-2", ""}) {
            assertEquals(text, written(text), text);
            assertEquals(text, SpreadsheetFormulas.undo(text), text);
        }
    }

    @Test
    void shouldWriteNegativeNumbersCoordinatesAndYearsUnguarded() throws IOException {
        CsvRow row = new CsvRow();
        row.number(-7);
        row.append(',');
        row.number(Long.MIN_VALUE);
        row.append(',');
        row.decimal7(-35.5);
        row.append(',');
        row.decimal7(-1e12);
        row.append(',');
        row.date(LocalDate.of(-1, 6, 1));
        assertEquals("-7,-9223372036854775808,-35.5," + Decimal7.text(-1e12) + ",-0001-06-01", text(row));
    }

    @Test
    void shouldWriteNumbersAsTheirDecimalText() throws IOException {
        for (long n : new long[] {0, 7, -7, 10, 99, 100, 1796198279, -1000, Long.MAX_VALUE, Long.MIN_VALUE}) {
            CsvRow row = new CsvRow();
            row.number(n);
            assertEquals(Long.toString(n), text(row));
        }
    }

    @Test
    void shouldWriteCoordinatesTimesAndDatesAsTheirTextDoes() throws IOException {
        for (double v : new double[] {35.783, -0.5, 0, 180, -179.9999999, 35.12345678, 1e12}) {
            CsvRow row = new CsvRow();
            row.decimal7(v);
            assertEquals(Decimal7.text(v), text(row), "coordinate " + v);
        }
        for (String t : new String[] {"2025-03-04T00:00:00Z", "1970-01-01T00:00:00.000001Z", "0999-12-31T23:59:59.5Z",
            "+10000-01-01T00:00:00Z", "-0001-06-01T12:00:00Z"}) {
            Instant instant = Instant.parse(t);
            CsvRow row = new CsvRow();
            row.instant(instant);
            assertEquals(Rfc3339.format(instant), text(row), "instant " + t);
            LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond(), 86_400));
            CsvRow dateRow = new CsvRow();
            dateRow.date(date);
            assertEquals(date.toString(), text(dateRow), "date of " + t);
        }
    }

    @Test
    void shouldWriteJsonStringsAsJacksonEscapesThemWithTheirQuotesDoubled() throws IOException {
        String[] texts = {"", "Assad loyalist militia remnants", "say \"no\"", "back\\slash", "tab\tline\nend\r",
            "bell\u0007 and \u001f", "é اللاذقية 中", "emoji \uD83D\uDE00 end", "lone \uD83D surrogate", "del \u007f"};
        for (String text : texts) {
            CsvRow row = new CsvRow();
            row.openQuotes();
            row.quotedAscii("[");
            row.quotedJson(text);
            row.quotedAscii(",");
            row.quotedJson(null);
            row.quotedAscii("]");
            row.closeQuotes();
            String json = "[\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\",null]";
            String expected = new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            assertEquals('"' + expected.replace("\"", "\"\"") + '"', text(row), text);
        }
    }

    private static String written(String field) throws IOException {
        CsvRow row = new CsvRow();
        row.field(field);
        return text(row);
    }

    private static String writtenUtf8(String field) throws IOException {
        CsvRow row = new CsvRow();
        row.field(Utf8Text.of(field));
        return text(row);
    }

    private static String text(CsvRow row) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        row.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
