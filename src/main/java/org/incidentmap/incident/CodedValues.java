package org.incidentmap.incident;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * The few values a coded column holds (category, sub_category, time_precision, geo_precision), each as a String
 * made once: a value read from the driver's bytes is looked up here rather than decoded into a new String for
 * every row (an export's JVM spent 7% more CPU decoding these four columns). Other values are decoded.
 */
final class CodedValues {

    private final byte[][] encoded;
    private final String[] values;

    CodedValues(List<String> values) {
        this.values = values.toArray(String[]::new);
        this.encoded = values.stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    /** The column's value in the current row, or null. */
    String read(ResultSet rs, int column) throws SQLException {
        byte[] bytes = rs.getBytes(column);
        if (bytes == null) {
            return null;
        }
        for (int k = 0; k < encoded.length; k++) {
            if (Arrays.equals(encoded[k], bytes)) {
                return values[k];
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
