package org.incidentmap.incident;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.incidentmap.geo.GeoJsonGeometryWriter;
import org.incidentmap.geo.JsonBytes;
import org.incidentmap.geo.Rfc3339;
import org.incidentmap.geo.StrictJson;
import org.incidentmap.ogcapi.FeatureCollectionWriter;
import org.incidentmap.ogcapi.FeatureShape;
import org.incidentmap.ogcapi.Link;
import org.locationtech.jts.geom.Geometry;

/** Writes an incident as a GeoJSON Feature whose properties carry the ACLED-style field names. */
final class IncidentFeatureWriter {

    // Field names encoded once: writing a million features spent a tenth of its time re-encoding them.
    private static final SerializedString GEOMETRY = new SerializedString("geometry");
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString PROPERTIES = new SerializedString("properties");
    private static final SerializedString TYPE = new SerializedString("type");
    private static final Property ACTORS = new Property("actors");
    private static final Property ADMIN1 = new Property("admin1");
    private static final Property ADMIN2 = new Property("admin2");
    private static final Property CATEGORY = new Property("category");
    private static final Property CREATED_AT = new Property("created_at");
    private static final Property DESCRIPTION = new Property("description");
    private static final Property DISTANCE_M = new Property("distance_m");
    private static final Property EXTERNAL_ID = new Property("external_id");
    private static final Property FATALITIES = new Property("fatalities");
    private static final Property GEO_PRECISION = new Property("geo_precision");
    private static final Property LOCATION_NAME = new Property("location_name");
    private static final Property NAME = new Property("name");
    private static final Property OCCURRED_AT = new Property("occurred_at");
    private static final Property OCCURRED_UNTIL = new Property("occurred_until");
    private static final Property SOURCES = new Property("sources");
    private static final Property SUB_CATEGORY = new Property("sub_category");
    private static final Property TIME_PRECISION = new Property("time_precision");
    private static final Property TITLE = new Property("title");
    private static final Property UPDATED_AT = new Property("updated_at");
    private static final Property URL = new Property("url");

    /** Geometry and properties are built here, then written whole (one buffer per writing thread). */
    private static final ThreadLocal<JsonBytes> BUFFER = ThreadLocal.withInitial(JsonBytes::new);

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
        out.writeFieldName(TYPE);
        out.writeString("Feature");
        out.writeFieldName(ID);
        out.writeNumber(i.id());
        out.writeFieldName(GEOMETRY);
        JsonBytes json = BUFFER.get();
        Geometry geometry = shape.geometry(i.geom());
        if (geometry == null) {
            out.writeNull();
        } else {
            json.clear();
            GeoJsonGeometryWriter.write(json, geometry);
            json.writeTo(out);
        }
        out.writeFieldName(PROPERTIES);
        json.clear();
        properties(json, match, shape);
        json.writeTo(out);
        json.clear(); // lets go of a buffer large properties grew, rather than keeping it with an idle thread
        if (!links.isEmpty()) {
            FeatureCollectionWriter.writeLinks(out, links);
        }
        out.writeEndObject();
    }

    private static void properties(JsonBytes out, IncidentMatch match, FeatureShape shape) {
        StoredIncident i = match.incident();
        out.startObject();
        text(out, shape, TITLE, i.title());
        text(out, shape, DESCRIPTION, i.description());
        if (has(shape, CATEGORY)) {
            out.field(CATEGORY.field()).string(i.category());
        }
        if (has(shape, SUB_CATEGORY)) {
            out.field(SUB_CATEGORY.field()).string(i.subCategory());
        }
        if (has(shape, OCCURRED_AT)) {
            out.field(OCCURRED_AT.field()).instant(i.occurredAt());
        }
        if (has(shape, OCCURRED_UNTIL)) {
            out.field(OCCURRED_UNTIL.field()).instant(i.occurredUntil() == null ? null : Rfc3339.writtenEnd(i.occurredUntil()));
        }
        if (has(shape, TIME_PRECISION)) {
            out.field(TIME_PRECISION.field()).string(i.timePrecision());
        }
        if (has(shape, FATALITIES)) {
            out.field(FATALITIES.field());
            if (i.fatalities() == null) {
                out.nullValue();
            } else {
                out.number(i.fatalities());
            }
        }
        if (has(shape, ACTORS)) {
            out.field(ACTORS.field()).startArray();
            for (String actor : i.actors()) {
                out.element().string(actor);
            }
            out.endArray();
        }
        text(out, shape, LOCATION_NAME, i.locationName());
        text(out, shape, ADMIN1, i.admin1());
        text(out, shape, ADMIN2, i.admin2());
        if (has(shape, GEO_PRECISION)) {
            out.field(GEO_PRECISION.field()).string(i.geoPrecision());
        }
        if (has(shape, SOURCES)) {
            out.field(SOURCES.field()).startArray();
            for (Source source : i.sources()) {
                out.element().startObject().field(NAME.field()).string(source.name()).field(URL.field()).string(source.url())
                        .endObject();
            }
            out.endArray();
        }
        text(out, shape, EXTERNAL_ID, i.externalId());
        if (has(shape, CREATED_AT)) {
            out.field(CREATED_AT.field()).instant(i.createdAt());
        }
        if (has(shape, UPDATED_AT)) {
            out.field(UPDATED_AT.field()).instant(i.updatedAt());
        }
        if (match.distanceMetres() != null && has(shape, DISTANCE_M)) {
            out.field(DISTANCE_M.field()).number(Math.round(match.distanceMetres() * 100) / 100.0);
        }
        out.endObject();
    }

    private static boolean has(FeatureShape shape, Property property) {
        return shape.has(property.name());
    }

    /** Writes stored free text when {@code shape} has it, copying the database's UTF-8. */
    private static void text(JsonBytes out, FeatureShape shape, Property property, Utf8Text value) {
        if (has(shape, property)) {
            out.field(property.field()).string(value == null ? null : value.bytes());
        }
    }

    /** A property: its name, and its JSON member start ({@code "name":}) encoded once. */
    private record Property(String name, byte[] field) {
        Property(String name) {
            this(name, JsonBytes.name(name));
        }
    }
}
