package org.incidentmap.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** CSV fields are quoted exactly when RFC 4180 asks, wherever in a long text the character that asks for it is. */
class CsvRowTest {

    @Test
    void shouldQuoteFieldsWithACommaQuoteOrLineBreakAnywhere() throws IOException {
        for (char special : new char[] {',', '"', '\n', '\r'}) {
            for (int length = 1; length <= 40; length++) {
                for (int at = 0; at < length; at++) {
                    char[] text = "Latakia é Qardaha\ttab اللاذقية and more text".substring(0, length).toCharArray();
                    text[at] = special;
                    String field = new String(text);
                    String expected = '"' + field.replace("\"", "\"\"") + '"';
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
