package org.incidentmap.incident;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.incidentmap.ogcapi.Link;
import org.incidentmap.ogcapi.Representation;

/** The formats an export is written in, chosen by {@code f=} or else by the request's Accept header. */
enum ExportFormat implements Representation {
    GEOJSON("geojson", Link.GEOJSON, "geojson"),
    JSON("json", Link.JSON, "geojson"),
    GEOJSON_SEQ("geojsonseq", "application/geo+json-seq", "geojsons"),
    CSV("csv", "text/csv", "csv");

    static final String GEOJSON_SEQ_TYPE = "application/geo+json-seq";

    private final String name;
    private final MediaType mediaType;
    private final String fileExtension;

    ExportFormat(String name, String mediaType, String fileExtension) {
        this.name = name;
        this.mediaType = MediaType.valueOf(mediaType);
        this.fileExtension = fileExtension;
    }

    static ExportFormat choose(String f, List<MediaType> acceptable) {
        return Representation.choose(values(), f, acceptable, "an export");
    }

    @Override
    public String formatName() {
        return name;
    }

    @Override
    public MediaType mediaType() {
        return mediaType;
    }

    /** The Content-Type of the answer; text is UTF-8. */
    String contentType() {
        return this == CSV ? "text/csv; charset=UTF-8; header=present" : mediaType.toString();
    }

    String fileExtension() {
        return fileExtension;
    }
}
