package org.incidentmap.ogcapi;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.incidentmap.cql2.Queryable;
import org.incidentmap.cql2.QueryableParameters;
import org.incidentmap.cql2.Queryables;
import org.incidentmap.geo.Bbox;
import org.incidentmap.problem.ProblemException;

/**
 * The parameters of a collection's change feed: where to start, how many, and which features (a bbox, and text,
 * integer or boolean queryables given as parameters of their own, such as {@code category=battles}).
 */
public class ChangesParams implements TakesQueryables {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    @QueryParam("since")
    @Parameter(name = "since", in = ParameterIn.QUERY, description = "The position after which changes are wanted: "
            + "the 'position' of the last answer, or the id of the last event seen (SSE); 0.0 for the whole log. "
            + "JSON: the whole log when absent; SSE: from now when absent.",
            schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]+\\.[0-9]+$"))
    public String since;

    @HeaderParam("Last-Event-ID")
    @Parameter(hidden = true)
    public String lastEventId;

    @QueryParam("limit")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Changes per answer (JSON), 1 to 1000, default "
            + "100.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000"))
    public String limit;

    @QueryParam("bbox")
    @Parameter(name = "bbox", in = ParameterIn.QUERY, description = "Only changes of features in this box "
            + "(minLon,minLat,maxLon,maxLat, CRS84): where they are after the change, or were before a delete.",
            schema = @Schema(type = SchemaType.STRING))
    public String bbox;

    /** Where to start: the Last-Event-ID of a reconnecting client, else since; null when neither is given. */
    ChangeFeed.Position from() {
        String given = lastEventId != null ? lastEventId : since;
        if (given == null) {
            return null;
        }
        if (given.strip().equals("0") || given.strip().equals("0.0")) {
            return ChangeFeed.Position.START;
        }
        ChangeFeed.Position position = ChangeFeed.Position.parse(given);
        if (position == null) {
            throw ProblemException.badParameter(lastEventId != null ? "Last-Event-ID" : "since", "'" + given
                    + "' is not a position of this feed (two or three numbers joined by dots, as it hands them out)");
        }
        return position;
    }

    int limit() {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (!limit.strip().matches("[0-9]{1,4}") || Integer.parseInt(limit.strip()) < 1) {
            throw ProblemException.badParameter("limit", "'" + limit + "' is not an integer from 1 to " + MAX_LIMIT);
        }
        return Math.min(Integer.parseInt(limit.strip()), MAX_LIMIT);
    }

    Bbox bbox() {
        return bbox == null ? null : Bbox.parse(bbox);
    }

    /**
     * The queryables among the request's {@code query} to compare with the feature's stored columns: text (in the
     * canonical form of a fixed set), integers, booleans. Others are refused.
     */
    Map<String, String> equal(Map<String, List<String>> query, Queryables queryables) {
        Map<String, String> equal = new LinkedHashMap<>();
        Set<String> declared = StrictRequest.parametersOf(getClass());
        for (Queryable q : QueryableParameters.of(queryables, declared)) {
            List<String> values = query.get(q.name());
            if (values == null || values.isEmpty()) {
                continue;
            }
            equal.put(column(q), value(q, values.get(0)));
        }
        return equal;
    }

    private static String column(Queryable q) {
        if (!q.sql().matches("f\\.[a-z_]+")) {
            throw ProblemException.badParameter(q.name(), "is not a filter of the change feed");
        }
        return q.sql().substring(2);
    }

    private static String value(Queryable q, String text) {
        String value = text.strip();
        boolean fits = switch (q.type()) {
            case TEXT -> q.values() == null || q.values().contains(q.canonical().apply(value));
            case INTEGER -> value.matches("-?[0-9]{1,18}");
            case BOOLEAN -> value.equals("true") || value.equals("false");
            default -> throw ProblemException.badParameter(q.name(), "is not a filter of the change feed; it takes "
                    + "bbox and text, integer and true/false properties");
        };
        if (!fits) {
            throw ProblemException.badParameter(q.name(), "'" + text + "' is not a value of " + q.name()
                    + (q.values() == null ? "" : "; it is one of " + String.join(", ", q.values())));
        }
        return q.type() == Queryable.Type.TEXT ? q.canonical().apply(value) : value;
    }
}
