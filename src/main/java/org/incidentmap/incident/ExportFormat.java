package org.incidentmap.incident;

import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.incidentmap.ogcapi.Link;
import org.incidentmap.problem.ProblemException;

/** The formats an export is written in, chosen by {@code f=} or else by the request's Accept header. */
enum ExportFormat {
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

    /** The format named by {@code f} when given, else the first of ours the client accepts (GeoJSON for any). */
    static ExportFormat choose(String f, List<MediaType> acceptable) {
        if (f != null) {
            return Arrays.stream(values()).filter(v -> v.name.equals(f)).findFirst()
                    .orElseThrow(() -> ProblemException.badParameter("f", "'" + f + "' is not an export format; "
                            + "expected one of " + names()));
        }
        for (MediaType accepted : acceptable) {
            for (ExportFormat format : values()) {
                if (accepted.isCompatible(format.mediaType)) {
                    return format;
                }
            }
        }
        throw new ProblemException(406, "An export is written as " + Arrays.stream(values())
                .map(v -> v.mediaType.toString()).collect(Collectors.joining(", ")) + "; the Accept header takes "
                + "none of them. Or choose with f=" + names() + ".", List.of());
    }

    private static String names() {
        return Arrays.stream(values()).map(v -> v.name).collect(Collectors.joining("|"));
    }

    /** The Content-Type of the answer; text is UTF-8. */
    String contentType() {
        return this == CSV ? "text/csv; charset=UTF-8; header=present" : mediaType.toString();
    }

    String fileExtension() {
        return fileExtension;
    }
}
