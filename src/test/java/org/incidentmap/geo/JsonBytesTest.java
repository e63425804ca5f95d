package org.incidentmap.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON built as bytes must read exactly as what Jackson's UTF-8 generator writes for the same values. */
class JsonBytesTest {

    private static final JsonFactory JACKSON = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    /** Every ASCII character, Latin-1, the rest of the basic plane, a pair of surrogates and lone ones. */
    private static List<String> texts() {
        List<String> texts = new ArrayList<>();
        StringBuilder ascii = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            ascii.append(c);
            texts.add(String.valueOf(c));
        }
        texts.add(ascii.toString());
        texts.addAll(List.of("", "Qardaha, \"Latakia\"", "اللاذقية", "é\u00ff\u0100\u07ff\u0800\uffff",
                "a\uD83D\uDE00b", "\uD800", "x\uDC00", "\u2028\u2029", "back\\slash/"));
        return texts;
    }

    @Test
    void shouldEscapeStringsAsJackson() throws IOException {
        for (String text : texts()) {
            assertEquals(jackson(g -> g.writeString(text)), bytes(b -> b.string(text)), "text " + codes(text));
        }
    }

    @Test
    void shouldCopyUtf8TextAsJacksonWritesIt() throws IOException {
        for (String text : texts()) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            assertEquals(jackson(g -> g.writeUTF8String(utf8, 0, utf8.length)), bytes(b -> b.string(utf8)),
                    "text " + codes(text));
        }
    }

    @Test
    void shouldEscapeWhereverInALongTextTheCharacterIs() throws IOException {
        for (char special : new char[] {'"', '\\', '\n', '\u0001', '\u001f', '\u007f'}) {
            for (int length = 1; length <= 30; length++) {
                for (int at = 0; at < length; at++) {
                    char[] chars = "Qardaha é police station اللاذقية".substring(0, length).toCharArray();
                    chars[at] = special;
                    byte[] utf8 = new String(chars).getBytes(StandardCharsets.UTF_8);
                    assertEquals(jackson(g -> g.writeUTF8String(utf8, 0, utf8.length)), bytes(b -> b.string(utf8)),
                            codes(new String(chars)));
                }
            }
        }
    }

    @Test
    void shouldWriteNumbersAsJackson() throws IOException {
        for (long n : new long[] {0, 7, -7, 1234567890123L, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertEquals(jackson(g -> g.writeNumber(n)), bytes(b -> b.number(n)));
        }
        for (double d : new double[] {0, 25000.5, 1234.57, 1.0E7, 12345678.91, 0.01, 2.0E-3}) {
            assertEquals(jackson(g -> g.writeNumber(d)), bytes(b -> b.number(d)));
        }
    }

    @Test
    void shouldWriteCoordinatesToSevenDecimals() {
        assertEquals("[35.7833333,-35.5,0.0000001,180.0,0.0]",
                bytes(b -> b.startArray().element().decimal7(35.78333333).element().decimal7(-35.5)
                        .element().decimal7(0.0000001).element().decimal7(180).element().decimal7(-0.00000001)
                        .endArray()));
    }

    @Test
    void shouldWriteInstantsAsInstantToString() {
        for (String t : List.of("2025-03-04T06:00:00Z", "2025-03-04T06:00:00.120Z", "2025-03-04T06:00:00.000001Z",
                "1969-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z")) {
            Instant instant = Instant.parse(t);
            assertEquals('"' + instant.toString() + '"', bytes(b -> b.instant(instant)), t);
        }
        assertEquals("null", bytes(b -> b.instant(null)));
    }

    @Test
    void shouldWriteEachInstantInTurnWhateverItRepeats() {
        List<String> times = List.of("2025-03-04T06:00:00Z", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z",
                "2025-03-05T06:00:00Z", "2026-01-01T00:00:00Z", "2025-03-05T06:00:00Z", "+10000-01-01T00:00:00Z",
                "2025-03-05T06:00:00Z", "2025-03-04T06:00:00Z", "2025-03-04T06:00:00Z", "1999-01-01T00:00:00Z");
        JsonBytes b = new JsonBytes().startArray();
        for (String t : times) {
            b.element().instant(Instant.parse(t));
        }
        String expected = times.stream().map(t -> '"' + Instant.parse(t).toString() + '"')
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        assertEquals(expected, b.endArray().toString());
    }

    @Test
    void shouldSeparateMembersAndElements() {
        byte[] a = JsonBytes.name("a");
        byte[] b = JsonBytes.name("b");
        assertEquals("{\"a\":[1,[],{},null],\"b\":{\"a\":\"x\"}}",
                bytes(j -> j.startObject().field(a).startArray().element().number(1).element().startArray()
                        .endArray().element().startObject().endObject().element().nullValue().endArray()
                        .field(b).startObject().field(a).string("x").endObject().endObject()));
    }

    @Test
    void shouldWriteIntoAnyGeneratorAtItsPosition() throws IOException {
        JsonBytes value = new JsonBytes().startObject().field(JsonBytes.name("n")).decimal7(0.0000001).endObject();
        String expected = "{\"before\":1,\"value\":{\"n\":0.0000001},\"after\":2}";
        assertEquals(expected, jackson(g -> embed(g, value)));
        StringWriter chars = new StringWriter();
        try (JsonGenerator g = JACKSON.createGenerator(chars)) {
            embed(g, value);
        }
        assertEquals(expected, chars.toString());
        try (TokenBuffer tree = new TokenBuffer(StrictJson.MAPPER, false)) {
            embed(tree, value);
            JsonNode read = StrictJson.MAPPER.readTree(tree.asParser());
            assertEquals(StrictJson.MAPPER.readTree(expected), read);
        }
    }

    @Test
    void shouldGrowForLargeValuesAndStartSmallAgain() throws IOException {
        JsonBytes big = new JsonBytes().startArray();
        for (int k = 0; k < 20_000; k++) {
            big.element().decimal7(k + 0.5);
        }
        big.endArray();
        String text = big.toString();
        assertEquals(text, jackson(g -> big.writeTo(g)));
        big.clear();
        assertEquals("[]", big.startArray().endArray().toString());
    }

    private static void embed(JsonGenerator g, JsonBytes value) throws IOException {
        g.writeStartObject();
        g.writeNumberField("before", 1);
        g.writeFieldName("value");
        value.writeTo(g);
        g.writeNumberField("after", 2);
        g.writeEndObject();
    }

    private interface Writing {
        void write(JsonGenerator g) throws IOException;
    }

    private static String jackson(Writing writing) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JACKSON.createGenerator(out, JsonEncoding.UTF8)) {
            writing.write(g);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String bytes(java.util.function.Consumer<JsonBytes> writing) {
        JsonBytes b = new JsonBytes();
        writing.accept(b);
        return b.toString();
    }

    private static String codes(String text) {
        return text.chars().mapToObj(Integer::toHexString).toList().toString();
    }
}
