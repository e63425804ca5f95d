package org.incidentmap.ogcapi;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Streams features as one GeoJSON FeatureCollection, or as a GeoJSON text sequence (RFC 8142). */
public final class GeoJsonSinks {

    private static final JsonFactory JSON = FeatureCollectionWriter.JSON;
    /** RFC 8142: every GeoJSON text is preceded by a record separator and followed by a line feed. */
    private static final char RECORD_SEPARATOR = '\u001e';

    private GeoJsonSinks() {
    }

    /** A FeatureCollection with the features, then {@code numberReturned} and {@code timeStamp}. */
    public static <T> FeatureSink<T> collection(OutputStream stream, FeatureWriter<T> feature) throws IOException {
        JsonGenerator out = JSON.createGenerator(stream, JsonEncoding.UTF8);
        out.writeStartObject();
        out.writeStringField("type", "FeatureCollection");
        out.writeArrayFieldStart("features");
        return new FeatureSink<>() {
            private long written;

            @Override
            public void write(T item) throws IOException {
                feature.write(out, item);
                written++;
            }

            @Override
            public void finish() throws IOException {
                out.writeEndArray();
                out.writeNumberField("numberReturned", written);
                out.writeStringField("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
                out.writeEndObject();
                out.close();
            }
        };
    }

    /** One Feature per line, each preceded by RS ({@code application/geo+json-seq}). */
    public static <T> FeatureSink<T> sequence(OutputStream stream, FeatureWriter<T> feature) throws IOException {
        JsonGenerator out = JSON.createGenerator(stream, JsonEncoding.UTF8);
        out.setRootValueSeparator(null);
        return new FeatureSink<>() {
            @Override
            public void write(T item) throws IOException {
                out.writeRaw(RECORD_SEPARATOR);
                feature.write(out, item);
                out.writeRaw('\n');
            }

            @Override
            public void finish() throws IOException {
                out.close();
            }
        };
    }
}
