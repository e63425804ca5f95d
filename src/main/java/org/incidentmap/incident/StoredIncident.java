package org.incidentmap.incident;

import java.time.Instant;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * An incident as read from the database, for writing out. Kept apart from the {@link Incident} entity because
 * Hibernate's bytecode enhancement tracks every field write of an entity: building a million entities for an
 * export spent an eighth of its time in that tracking.
 */
public record StoredIncident(long id, String externalId, String title, String description, String category,
        String subCategory, Instant occurredAt, Instant occurredUntil, String timePrecision, Integer fatalities,
        List<String> actors, String locationName, String admin1, String admin2, String geoPrecision,
        List<Source> sources, Geometry geom, Instant createdAt, Instant updatedAt) {

    /** The stored state of an entity just written. */
    static StoredIncident of(Incident i) {
        return new StoredIncident(i.id, i.externalId, i.title, i.description, i.category, i.subCategory,
                i.occurredAt, i.occurredUntil, i.timePrecision, i.fatalities, List.copyOf(i.actors), i.locationName,
                i.admin1, i.admin2, i.geoPrecision, List.copyOf(i.sources), i.geom, i.createdAt, i.updatedAt);
    }
}
