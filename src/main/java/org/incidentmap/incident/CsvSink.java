package org.incidentmap.incident;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import org.incidentmap.ogcapi.FeatureSink;

/** Writes incidents as CSV rows of {@link AcledCsv#COLUMNS} (and distance_m for a radius query), CRLF-terminated. */
final class CsvSink implements FeatureSink<IncidentMatch> {

    private static final AcledCsv.Column[] COLUMNS = AcledCsv.COLUMNS.toArray(AcledCsv.Column[]::new);

    private final OutputStream out;
    private final boolean distance;
    private final CsvRow row = new CsvRow();

    /** A sink writing into {@code stream}, which should be buffered: each row is one write. */
    CsvSink(OutputStream stream, boolean distance) throws IOException {
        this.out = stream;
        this.distance = distance;
        StringBuilder header = new StringBuilder();
        for (AcledCsv.Column column : COLUMNS) {
            header.append(header.isEmpty() ? "" : ",").append(column.name());
        }
        out.write((header + (distance ? ",distance_m" : "") + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void write(IncidentMatch match) throws IOException {
        row.clear();
        StoredIncident incident = match.incident();
        for (int k = 0; k < COLUMNS.length; k++) {
            if (k > 0) {
                row.append(',');
            }
            BiConsumer<CsvRow, StoredIncident> write = COLUMNS[k].write();
            if (write != AcledCsv.Column.EMPTY) {
                write.accept(row, incident);
            }
        }
        if (distance) {
            row.append(',');
            row.ascii(String.valueOf(Math.round(match.distanceMetres() * 100) / 100.0));
        }
        row.append('\r');
        row.append('\n');
        row.writeTo(out);
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
