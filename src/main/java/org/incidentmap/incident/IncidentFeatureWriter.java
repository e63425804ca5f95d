package org.incidentmap.incident;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.incidentmap.geo.GeoJsonGeometryWriter;
import org.incidentmap.geo.Rfc3339;
import org.incidentmap.geo.StrictJson;
import org.incidentmap.ogcapi.FeatureCollectionWriter;
import org.incidentmap.ogcapi.FeatureShape;
import org.incidentmap.ogcapi.Link;
import org.locationtech.jts.geom.Geometry;

/** Writes an incident as a GeoJSON Feature whose properties carry the ACLED-style field names. */
final class IncidentFeatureWriter {

    // Field names encoded once: writing a million features spent a tenth of its time re-encoding them.
    private static final SerializedString ACTORS = new SerializedString("actors");
    private static final SerializedString ADMIN1 = new SerializedString("admin1");
    private static final SerializedString ADMIN2 = new SerializedString("admin2");
    private static final SerializedString CATEGORY = new SerializedString("category");
    private static final SerializedString CREATED_AT = new SerializedString("created_at");
    private static final SerializedString DESCRIPTION = new SerializedString("description");
    private static final SerializedString DISTANCE_M = new SerializedString("distance_m");
    private static final SerializedString EXTERNAL_ID = new SerializedString("external_id");
    private static final SerializedString FATALITIES = new SerializedString("fatalities");
    private static final SerializedString GEO_PRECISION = new SerializedString("geo_precision");
    private static final SerializedString GEOMETRY = new SerializedString("geometry");
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString LOCATION_NAME = new SerializedString("location_name");
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString OCCURRED_AT = new SerializedString("occurred_at");
    private static final SerializedString OCCURRED_UNTIL = new SerializedString("occurred_until");
    private static final SerializedString PROPERTIES = new SerializedString("properties");
    private static final SerializedString SOURCES = new SerializedString("sources");
    private static final SerializedString SUB_CATEGORY = new SerializedString("sub_category");
    private static final SerializedString TIME_PRECISION = new SerializedString("time_precision");
    private static final SerializedString TITLE = new SerializedString("title");
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString UPDATED_AT = new SerializedString("updated_at");
    private static final SerializedString URL = new SerializedString("url");

    /** The properties an incident's Feature carries, which {@code properties=} may choose from. */
    static final List<String> OUTPUT_PROPERTIES = Stream.concat(IncidentFeatureReader.PROPERTIES.stream(),
            Stream.of("created_at", "updated_at", "distance_m")).toList();

    private IncidentFeatureWriter() {
    }

    /** The incident's Feature as a JSON tree, as GET shows it but without links (what a merge patch applies to). */
    static JsonNode json(StoredIncident incident) {
        try (TokenBuffer tree = new TokenBuffer(StrictJson.MAPPER, false)) {
            write(tree, new IncidentMatch(incident, null), List.of());
            return StrictJson.MAPPER.readTree(tree.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(JsonGenerator out, IncidentMatch match, List<Link> links) throws IOException {
        write(out, match, links, FeatureShape.WHOLE);
    }

    /** Writes the Feature in {@code shape}: its geometry in the shape's CRS (or null), the properties it names. */
    static void write(JsonGenerator out, IncidentMatch match, List<Link> links, FeatureShape shape)
            throws IOException {
        StoredIncident i = match.incident();
        if (match.deleted() != null) {
            match.deleted().write(out, i.id());
            return;
        }
        out.writeStartObject();
        string(out, TYPE, "Feature");
        out.writeFieldName(ID);
        out.writeNumber(i.id());
        out.writeFieldName(GEOMETRY);
        Geometry geometry = shape.geometry(i.geom());
        if (geometry == null) {
            out.writeNull();
        } else {
            GeoJsonGeometryWriter.write(out, geometry);
        }
        out.writeFieldName(PROPERTIES);
        out.writeStartObject();
        string(out, shape, TITLE, i.title());
        string(out, shape, DESCRIPTION, i.description());
        string(out, shape, CATEGORY, i.category());
        string(out, shape, SUB_CATEGORY, i.subCategory());
        string(out, shape, OCCURRED_AT, i.occurredAt() == null ? null : Rfc3339.format(i.occurredAt()));
        string(out, shape, OCCURRED_UNTIL, i.occurredUntil() == null ? null : Rfc3339.formatEnd(i.occurredUntil()));
        string(out, shape, TIME_PRECISION, i.timePrecision());
        if (shape.has(FATALITIES.getValue())) {
            out.writeFieldName(FATALITIES);
            if (i.fatalities() == null) {
                out.writeNull();
            } else {
                out.writeNumber(i.fatalities());
            }
        }
        if (shape.has(ACTORS.getValue())) {
            out.writeFieldName(ACTORS);
            out.writeStartArray();
            for (String actor : i.actors()) {
                out.writeString(actor);
            }
            out.writeEndArray();
        }
        string(out, shape, LOCATION_NAME, i.locationName());
        string(out, shape, ADMIN1, i.admin1());
        string(out, shape, ADMIN2, i.admin2());
        string(out, shape, GEO_PRECISION, i.geoPrecision());
        if (shape.has(SOURCES.getValue())) {
            out.writeFieldName(SOURCES);
            out.writeStartArray();
            for (Source source : i.sources()) {
                out.writeStartObject();
                string(out, NAME, source.name());
                string(out, URL, source.url());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        string(out, shape, EXTERNAL_ID, i.externalId());
        string(out, shape, CREATED_AT, i.createdAt() == null ? null : Rfc3339.format(i.createdAt()));
        string(out, shape, UPDATED_AT, i.updatedAt() == null ? null : Rfc3339.format(i.updatedAt()));
        if (match.distanceMetres() != null && shape.has(DISTANCE_M.getValue())) {
            out.writeFieldName(DISTANCE_M);
            out.writeNumber(Math.round(match.distanceMetres() * 100) / 100.0);
        }
        out.writeEndObject();
        if (!links.isEmpty()) {
            FeatureCollectionWriter.writeLinks(out, links);
        }
        out.writeEndObject();
    }

    /** Writes property {@code name} when {@code shape} has it. */
    private static void string(JsonGenerator out, FeatureShape shape, SerializedString name, String value)
            throws IOException {
        if (shape.has(name.getValue())) {
            string(out, name, value);
        }
    }

    /** Writes property {@code name} when {@code shape} has it, copying the text's UTF-8 when writing bytes. */
    private static void string(JsonGenerator out, FeatureShape shape, SerializedString name, Utf8Text value)
            throws IOException {
        if (!shape.has(name.getValue())) {
            return;
        }
        out.writeFieldName(name);
        if (value == null) {
            out.writeNull();
        } else if (out instanceof UTF8JsonGenerator) {
            // Escapes what JSON must, copies the rest; the other generators (trees, writers) cannot take bytes.
            out.writeUTF8String(value.bytes(), 0, value.length());
        } else {
            out.writeString(value.toString());
        }
    }

    private static void string(JsonGenerator out, SerializedString name, String value) throws IOException {
        out.writeFieldName(name);
        if (value == null) {
            out.writeNull();
        } else {
            out.writeString(value);
        }
    }
}

