package org.incidentmap.incident;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.incidentmap.ogcapi.FeatureSink;

/** Writes incidents as CSV rows of {@link AcledCsv#COLUMNS} (and distance_m for a radius query), CRLF-terminated. */
final class CsvSink implements FeatureSink<IncidentMatch> {

    private static final AcledCsv.Column[] COLUMNS = AcledCsv.COLUMNS.toArray(AcledCsv.Column[]::new);

    private final OutputStream out;
    private final boolean distance;
    private final StringBuilder row = new StringBuilder(1024);

    CsvSink(OutputStream stream, boolean distance) throws IOException {
        this.out = new BufferedOutputStream(stream, 1 << 16);
        this.distance = distance;
        StringBuilder header = new StringBuilder();
        for (AcledCsv.Column column : COLUMNS) {
            header.append(header.isEmpty() ? "" : ",").append(column.name());
        }
        out.write((header + (distance ? ",distance_m" : "") + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void write(IncidentMatch match) throws IOException {
        row.setLength(0);
        StoredIncident incident = match.incident();
        for (AcledCsv.Column column : COLUMNS) {
            AcledCsv.appendField(row, column.value().apply(incident));
            row.append(',');
        }
        if (distance) {
            row.append(Math.round(match.distanceMetres() * 100) / 100.0);
        } else {
            row.setLength(row.length() - 1);
        }
        row.append("\r\n");
        // Whole rows to bytes: ASCII text (most of it) is copied, not pushed through a charset encoder.
        out.write(row.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
