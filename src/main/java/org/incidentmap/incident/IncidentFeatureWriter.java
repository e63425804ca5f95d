package org.incidentmap.incident;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.incidentmap.geo.Crs;
import org.incidentmap.geo.GeoJsonGeometryWriter;
import org.incidentmap.geo.Rfc3339;
import org.incidentmap.geo.StrictJson;
import org.incidentmap.ogcapi.FeatureCollectionWriter;
import org.incidentmap.ogcapi.Link;

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
        write(out, match, links, Crs.CRS84);
    }

    /** Writes the Feature with its geometry in {@code crs}. */
    static void write(JsonGenerator out, IncidentMatch match, List<Link> links, Crs crs) throws IOException {
        StoredIncident i = match.incident();
        out.writeStartObject();
        string(out, TYPE, "Feature");
        out.writeFieldName(ID);
        out.writeNumber(i.id());
        out.writeFieldName(GEOMETRY);
        GeoJsonGeometryWriter.write(out, crs.fromCrs84(i.geom()));
        out.writeFieldName(PROPERTIES);
        out.writeStartObject();
        string(out, TITLE, i.title());
        string(out, DESCRIPTION, i.description());
        string(out, CATEGORY, i.category());
        string(out, SUB_CATEGORY, i.subCategory());
        instant(out, OCCURRED_AT, i.occurredAt());
        string(out, OCCURRED_UNTIL, i.occurredUntil() == null ? null : Rfc3339.formatEnd(i.occurredUntil()));
        string(out, TIME_PRECISION, i.timePrecision());
        out.writeFieldName(FATALITIES);
        if (i.fatalities() == null) {
            out.writeNull();
        } else {
            out.writeNumber(i.fatalities());
        }
        out.writeFieldName(ACTORS);
        out.writeStartArray();
        for (String actor : i.actors()) {
            out.writeString(actor);
        }
        out.writeEndArray();
        string(out, LOCATION_NAME, i.locationName());
        string(out, ADMIN1, i.admin1());
        string(out, ADMIN2, i.admin2());
        string(out, GEO_PRECISION, i.geoPrecision());
        out.writeFieldName(SOURCES);
        out.writeStartArray();
        for (Source source : i.sources()) {
            out.writeStartObject();
            string(out, NAME, source.name());
            string(out, URL, source.url());
            out.writeEndObject();
        }
        out.writeEndArray();
        string(out, EXTERNAL_ID, i.externalId());
        instant(out, CREATED_AT, i.createdAt());
        instant(out, UPDATED_AT, i.updatedAt());
        if (match.distanceMetres() != null) {
            out.writeFieldName(DISTANCE_M);
            out.writeNumber(Math.round(match.distanceMetres() * 100) / 100.0);
        }
        out.writeEndObject();
        if (!links.isEmpty()) {
            FeatureCollectionWriter.writeLinks(out, links);
        }
        out.writeEndObject();
    }

    private static void instant(JsonGenerator out, SerializedString name, Instant value) throws IOException {
        string(out, name, value == null ? null : Rfc3339.format(value));
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

