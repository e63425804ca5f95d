package org.incidentmap.incident;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.incidentmap.problem.ProblemException;

/**
 * Query parameters of an export: the filters of items, plus the format. An export has no pages: {@code limit},
 * when given, caps how many incidents it holds, and {@code cursor} is refused.
 */
public class IncidentExportParams extends IncidentItemsParams {

    @QueryParam("f")
    @Parameter(name = "f", in = ParameterIn.QUERY, description = "The format: geojson (one FeatureCollection), json "
            + "(the same, as application/json), geojsonseq (RFC 8142, one Feature per line) or csv (ACLED's columns "
            + "plus ours). Without it the Accept header chooses; GeoJSON by default.",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"geojson", "json", "geojsonseq", "csv"}))
    public String f;

    /** The most incidents to export, or null for all of them. */
    Long maxFeatures() {
        if (cursor != null) {
            throw ProblemException.badParameter("cursor", "an export holds every match at once and has no pages");
        }
        if (limit == null) {
            return null;
        }
        String digits = limit.strip();
        if (!digits.matches("[0-9]{1,18}") || Long.parseLong(digits) < 1) {
            throw ProblemException.badParameter("limit", "'" + limit + "' is not an integer >= 1 (the most "
                    + "incidents to export)");
        }
        return Long.parseLong(digits);
    }
}
