package org.incidentmap.incident;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.incidentmap.problem.ProblemException;

/** Query parameters of counts: what to group by, the format, and the filters of items (all of them apply). */
public class IncidentCountParams extends IncidentItemsParams {

    @QueryParam("by")
    @Parameter(name = "by", in = ParameterIn.QUERY, required = true, description = "What to count by: category, "
            + "region (every stored region, with the incidents intersecting it; regions may overlap), admin1, admin2, "
            + "or the UTC day, ISO week or month in which incidents began (every period from the first to the last "
            + "is listed, empty ones with 0).",
            schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"category", "region", "admin1", "admin2", "day", "week", "month"}))
    public String by;

    @QueryParam("f")
    @Parameter(name = "f", in = ParameterIn.QUERY, description = "The format: json, csv, or geojson (by=region "
            + "only: the regions with their counts, for a choropleth). Without it the Accept header chooses; JSON "
            + "by default.", schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv", "geojson"}))
    public String f;

    /** The grouping asked for, once the parameters that make no sense for counts are refused. */
    Grouping grouping() {
        for (String[] pageOnly : new String[][] {{"limit", limit}, {"cursor", cursor}}) {
            if (pageOnly[1] != null) {
                throw ProblemException.badParameter(pageOnly[0], "counts cover every match and have no pages");
            }
        }
        if (by == null) {
            throw ProblemException.badParameter("by", "is required: one of " + Grouping.wireNames());
        }
        return Grouping.fromWire(by.strip()).orElseThrow(() -> ProblemException.badParameter("by",
                "'" + by + "' is not a grouping; expected one of " + Grouping.wireNames()));
    }
}
