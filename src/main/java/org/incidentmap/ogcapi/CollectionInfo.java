package org.incidentmap.ogcapi;

import java.util.List;
import org.incidentmap.access.Role;
import org.incidentmap.cql2.Queryables;

/**
 * What a feature collection is, as its collection document and pages show it.
 *
 * @param id its path segment under /collections
 * @param table the table its features are rows of (its key column is {@code id})
 * @param position where it stands in /collections: lower first
 * @param queryables the properties a filter, a sortby or a query parameter may name, with their types
 * @param properties the properties its features carry, which {@code properties=} may choose from
 * @param tableColumns the properties an HTML table of its features shows, in order
 * @param tiled whether it serves vector tiles at /collections/{id}/tiles (OGC API - Tiles)
 * @param writeRole the role a user needs to add, change or remove its features
 * @param numberedIds whether its ids are bigints the database numbers: the change log then keeps a statement's
 *        creates as one entry with a range of ids (V11)
 */
public record CollectionInfo(String id, String table, String title, String description, int position,
        Queryables queryables, List<String> properties, List<String> tableColumns, boolean tiled, Role writeRole,
        boolean numberedIds) {
}
