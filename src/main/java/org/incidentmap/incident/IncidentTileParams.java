package org.incidentmap.incident;

import org.incidentmap.problem.ProblemException;

/**
 * Query parameters of a tile: the filters of items that say which incidents a map shows (datetime, category,
 * region, intersects, fatalities_min). The tile itself is the area and the page, so bbox, near/radius, limit and
 * cursor are refused.
 */
public class IncidentTileParams extends IncidentItemsParams {

    /** Checks that only filters that apply to a tile were given. */
    IncidentTileParams checked() {
        refuse("bbox", bbox);
        refuse("near", near);
        refuse("radius", radius);
        refuse("limit", limit);
        refuse("cursor", cursor);
        refuse("bbox-crs", bboxCrs);
        refuse("sortby", sortby);
        refuseShape("does not apply to a tile: tiles are Mapbox Vector Tiles of every match in Web Mercator");
        return this;
    }

    private static void refuse(String name, String value) {
        if (value != null) {
            throw ProblemException.badParameter(name, "does not apply to a tile: the tile is the area and holds "
                    + "every match in it; tiles take datetime, category, region, intersects, fatalities_min and filter");
        }
    }
}
