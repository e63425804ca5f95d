package org.incidentmap.incident;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.incidentmap.geo.GeoJsonGeometryWriter;
import org.incidentmap.ogcapi.FeatureCollectionWriter;
import org.incidentmap.ogcapi.Link;

/** Writes an incident as a GeoJSON Feature whose properties carry the ACLED-style field names. */
final class IncidentFeatureWriter {

    private IncidentFeatureWriter() {
    }

    static void write(JsonGenerator out, IncidentMatch match, List<Link> links) throws IOException {
        Incident i = match.incident();
        out.writeStartObject();
        out.writeStringField("type", "Feature");
        out.writeNumberField("id", i.id);
        out.writeFieldName("geometry");
        GeoJsonGeometryWriter.write(out, i.geom);
        out.writeObjectFieldStart("properties");
        out.writeStringField("title", i.title);
        out.writeStringField("description", i.description);
        out.writeStringField("category", i.category);
        out.writeStringField("sub_category", i.subCategory);
        instant(out, "occurred_at", i.occurredAt);
        instant(out, "occurred_until", i.occurredUntil);
        out.writeStringField("time_precision", i.timePrecision);
        out.writeFieldName("fatalities");
        if (i.fatalities == null) {
            out.writeNull();
        } else {
            out.writeNumber(i.fatalities);
        }
        out.writeArrayFieldStart("actors");
        for (String actor : i.actors) {
            out.writeString(actor);
        }
        out.writeEndArray();
        out.writeStringField("location_name", i.locationName);
        out.writeStringField("admin1", i.admin1);
        out.writeStringField("admin2", i.admin2);
        out.writeStringField("geo_precision", i.geoPrecision);
        out.writeArrayFieldStart("sources");
        for (Source source : i.sources) {
            out.writeStartObject();
            out.writeStringField("name", source.name());
            out.writeStringField("url", source.url());
            out.writeEndObject();
        }
        out.writeEndArray();
        instant(out, "created_at", i.createdAt);
        instant(out, "updated_at", i.updatedAt);
        if (match.distanceMetres() != null) {
            out.writeNumberField("distance_m", Math.round(match.distanceMetres() * 100) / 100.0);
        }
        out.writeEndObject();
        if (!links.isEmpty()) {
            FeatureCollectionWriter.writeLinks(out, links);
        }
        out.writeEndObject();
    }

    private static void instant(JsonGenerator out, String name, Instant value) throws IOException {
        out.writeStringField(name, value == null ? null : value.toString());
    }
}
