package org.incidentmap.incident;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.incidentmap.ogcapi.FeatureSink;

/** Writes incidents as CSV rows of {@link AcledCsv#COLUMNS} (and distance_m for a radius query), CRLF-terminated. */
final class CsvSink implements FeatureSink<IncidentMatch> {

    private final Writer out;
    private final boolean distance;
    private final StringBuilder row = new StringBuilder(1024);

    CsvSink(OutputStream stream, boolean distance) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        this.distance = distance;
        StringBuilder header = new StringBuilder();
        for (AcledCsv.Column column : AcledCsv.COLUMNS) {
            header.append(header.isEmpty() ? "" : ",").append(column.name());
        }
        out.write(header + (distance ? ",distance_m" : "") + "\r\n");
    }

    @Override
    public void write(IncidentMatch match) throws IOException {
        row.setLength(0);
        for (AcledCsv.Column column : AcledCsv.COLUMNS) {
            row.append(AcledCsv.field(column.value().apply(match.incident()))).append(',');
        }
        if (distance) {
            row.append(Math.round(match.distanceMetres() * 100) / 100.0);
        } else {
            row.setLength(row.length() - 1);
        }
        row.append("\r\n");
        out.append(row);
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
