package org.incidentmap.region;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.incidentmap.geo.GeoJsonGeometryWriter;
import org.incidentmap.geo.StrictJson;
import org.incidentmap.ogcapi.FeatureCollectionWriter;
import org.incidentmap.ogcapi.FeatureShape;
import org.incidentmap.ogcapi.Link;
import org.locationtech.jts.geom.Geometry;

/** Writes a region as a GeoJSON Feature. */
public final class RegionFeatureWriter {

    private RegionFeatureWriter() {
    }

    /** The region's Feature as a JSON tree, as GET shows it but without links (what a merge patch applies to). */
    static JsonNode json(Region r) {
        try (TokenBuffer tree = new TokenBuffer(StrictJson.MAPPER, false)) {
            write(tree, r, List.of());
            return StrictJson.MAPPER.readTree(tree.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The properties a region's Feature carries, which {@code properties=} may choose from. */
    static final List<String> PROPERTIES = List.of("name", "kind", "approximate", "created_at", "updated_at");

    static void write(JsonGenerator out, Region r, List<Link> links) throws IOException {
        write(out, r, links, Map.of(), FeatureShape.WHOLE);
    }

    /** Writes {@code r} in {@code shape}: its geometry in the shape's CRS (or null), the properties it names. */
    static void write(JsonGenerator out, Region r, List<Link> links, FeatureShape shape) throws IOException {
        write(out, r, links, Map.of(), shape);
    }

    /** Writes {@code r} with {@code more} properties after its own (counts of what lies in it, say). */
    public static void write(JsonGenerator out, Region r, List<Link> links, Map<String, Long> more)
            throws IOException {
        write(out, r, links, more, FeatureShape.WHOLE);
    }

    private static void write(JsonGenerator out, Region r, List<Link> links, Map<String, Long> more,
            FeatureShape shape) throws IOException {
        out.writeStartObject();
        out.writeStringField("type", "Feature");
        out.writeStringField("id", r.id);
        out.writeFieldName("geometry");
        Geometry geometry = shape.geometry(r.geom);
        if (geometry == null) {
            out.writeNull();
        } else {
            GeoJsonGeometryWriter.write(out, geometry);
        }
        out.writeObjectFieldStart("properties");
        if (shape.has("name")) {
            out.writeStringField("name", r.name);
        }
        if (shape.has("kind")) {
            out.writeStringField("kind", r.kind);
        }
        if (shape.has("approximate")) {
            out.writeBooleanField("approximate", r.approximate);
        }
        if (shape.has("created_at")) {
            out.writeStringField("created_at", r.createdAt == null ? null : r.createdAt.toString());
        }
        if (shape.has("updated_at")) {
            out.writeStringField("updated_at", r.updatedAt == null ? null : r.updatedAt.toString());
        }
        for (Map.Entry<String, Long> property : more.entrySet()) {
            out.writeNumberField(property.getKey(), property.getValue());
        }
        out.writeEndObject();
        if (!links.isEmpty()) {
            FeatureCollectionWriter.writeLinks(out, links);
        }
        out.writeEndObject();
    }
}
