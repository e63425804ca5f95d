package org.incidentmap.incident;

import java.time.Instant;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * An incident as read from the database, for writing out. Kept apart from the {@link Incident} entity because
 * Hibernate's bytecode enhancement tracks every field write of an entity: building a million entities for an
 * export spent an eighth of its time in that tracking. Free text stays in the UTF-8 the database sent.
 */
public record StoredIncident(long id, Utf8Text externalId, Utf8Text title, Utf8Text description, String category,
        String subCategory, Instant occurredAt, Instant occurredUntil, String timePrecision, Integer fatalities,
        List<String> actors, Utf8Text locationName, Utf8Text admin1, Utf8Text admin2, String geoPrecision,
        List<Source> sources, Geometry geom, Instant createdAt, Instant updatedAt, long version) {

    /** Bytes per vertex of a geometry held in memory (two doubles), the unit of {@link #weight()}. */
    static final int VERTEX_BYTES = 16;

    /**
     * About how many bytes this incident holds in memory: its vertices and its text. Reads stop a page or an
     * export batch at a total weight, so that a page of large geometries cannot exhaust the heap.
     */
    long weight() {
        long bytes = length(title) + length(description) + length(locationName) + length(admin1) + length(admin2);
        long chars = 0;
        for (String actor : actors) {
            chars += actor.length();
        }
        for (Source source : sources) {
            chars += length(source.name()) + length(source.url());
        }
        return (long) geom.getNumPoints() * VERTEX_BYTES + bytes + 2 * chars;
    }

    private static int length(Utf8Text text) {
        return text == null ? 0 : text.length();
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    /** The stored state of an entity just written. */
    static StoredIncident of(Incident i) {
        return new StoredIncident(i.id, Utf8Text.of(i.externalId), Utf8Text.of(i.title), Utf8Text.of(i.description),
                i.category, i.subCategory, i.occurredAt, i.occurredUntil, i.timePrecision, i.fatalities,
                List.copyOf(i.actors), Utf8Text.of(i.locationName), Utf8Text.of(i.admin1), Utf8Text.of(i.admin2),
                i.geoPrecision, List.copyOf(i.sources), i.geom, i.createdAt, i.updatedAt, i.version);
    }
}
