package org.incidentmap.ogcapi;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import org.incidentmap.geo.Rfc3339;

/**
 * A feature deleted after a listing's {@code updated_after}, listed when {@code tombstones=true} asks for it so that
 * a mirror syncing by time learns of deletions too. Listings read it from a relation that holds a collection's rows
 * and, as rows of the same shape, the last state of each feature deleted since: every filter, order and cursor of
 * the listing applies to both alike (a deleted feature is listed when its last state matched).
 */
public record Tombstone(String deletedBy, Instant deletedAt) {

    /** The column that tells them apart: null on the collection's rows, the author of the delete on a tombstone. */
    public static final String COLUMN = "deleted_by";

    /**
     * {@code table}'s rows and its features' tombstones as one relation, to select from in place of the table;
     * a tombstone's {@code updated_at} is when it was deleted, so {@code updated_after} selects it by that. Binds
     * nothing of its own: it reads {@code :updated_after}, which a listing with tombstones always binds.
     */
    public static String withTombstones(CollectionInfo collection) {
        String table = collection.table();
        return "(SELECT t.*, NULL::text AS " + COLUMN + " FROM " + table + " t UNION ALL SELECT (s.r).*, d.changed_by"
                + " FROM (SELECT DISTINCT ON (l.feature_id) l.feature_id, l.changed_by, l.changed_at, l.before"
                + " FROM change_log l WHERE l.collection = '" + collection.id() + "' AND l.op = 'delete'"
                + " AND l.changed_at > :updated_after ORDER BY l.feature_id, l.seq DESC) d"
                + " CROSS JOIN LATERAL (SELECT jsonb_populate_record(NULL::" + table + ", (d.before - 'geometry')"
                + " || jsonb_build_object('geom', ST_AsEWKT(ST_GeomFromGeoJSON(d.before -> 'geometry')),"
                + " 'updated_at', d.changed_at)) AS r) s"
                + " WHERE NOT EXISTS (SELECT 1 FROM " + table + " a WHERE a.id = (s.r).id))";
    }

    /** Writes the tombstone of feature {@code id}: a Feature with no geometry that says when and by whom. */
    public void write(JsonGenerator out, Object id) throws IOException {
        out.writeStartObject();
        out.writeStringField("type", "Feature");
        out.writeObjectField("id", id);
        out.writeNullField("geometry");
        out.writeObjectFieldStart("properties");
        out.writeBooleanField("deleted", true);
        out.writeStringField("deleted_at", Rfc3339.format(deletedAt));
        if (deletedBy != null) { // null when the reader may not see authors (AuthorsShown)
            out.writeStringField("deleted_by", deletedBy);
        }
        out.writeEndObject();
        out.writeEndObject();
    }
}
