package org.incidentmap.region;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.incidentmap.geo.Crs;
import org.incidentmap.geo.GeoJsonGeometryWriter;
import org.incidentmap.geo.StrictJson;
import org.incidentmap.ogcapi.FeatureCollectionWriter;
import org.incidentmap.ogcapi.Link;

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

    static void write(JsonGenerator out, Region r, List<Link> links) throws IOException {
        write(out, r, links, Map.of(), Crs.CRS84);
    }

    /** Writes {@code r} with its geometry in {@code crs}. */
    static void write(JsonGenerator out, Region r, List<Link> links, Crs crs) throws IOException {
        write(out, r, links, Map.of(), crs);
    }

    /** Writes {@code r} with {@code more} properties after its own (counts of what lies in it, say). */
    public static void write(JsonGenerator out, Region r, List<Link> links, Map<String, Long> more)
            throws IOException {
        write(out, r, links, more, Crs.CRS84);
    }

    private static void write(JsonGenerator out, Region r, List<Link> links, Map<String, Long> more, Crs crs)
            throws IOException {
        out.writeStartObject();
        out.writeStringField("type", "Feature");
        out.writeStringField("id", r.id);
        out.writeFieldName("geometry");
        GeoJsonGeometryWriter.write(out, crs.fromCrs84(r.geom));
        out.writeObjectFieldStart("properties");
        out.writeStringField("name", r.name);
        out.writeStringField("kind", r.kind);
        out.writeBooleanField("approximate", r.approximate);
        out.writeStringField("created_at", r.createdAt == null ? null : r.createdAt.toString());
        out.writeStringField("updated_at", r.updatedAt == null ? null : r.updatedAt.toString());
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
