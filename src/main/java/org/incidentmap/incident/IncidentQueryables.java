package org.incidentmap.incident;

import static org.incidentmap.cql2.Queryable.Type.GEOMETRY;
import static org.incidentmap.cql2.Queryable.Type.INTEGER;
import static org.incidentmap.cql2.Queryable.Type.TEXT;
import static org.incidentmap.cql2.Queryable.Type.TEXT_ARRAY;
import static org.incidentmap.cql2.Queryable.Type.TIMESTAMP;

import java.util.List;
import org.incidentmap.cql2.Queryable;
import org.incidentmap.cql2.Queryables;

/** What a filter on incidents may name: the stored properties analysts filter by, and the geometry. */
public final class IncidentQueryables {

    public static final Queryables ALL = new Queryables("incidents", List.of(
            Queryable.of("geometry", GEOMETRY, "f.geom", "The incident's location (WGS 84).")
                    .role("primary-geometry"),
            Queryable.of("title", TEXT, "f.title", "Short title.").notNull(),
            Queryable.of("description", TEXT, "f.description", "What happened."),
            Queryable.of("category", TEXT, "f.category", "ACLED event type; ACLED's labels (Battles) are accepted "
                    + "in comparisons.").oneOf(Category.wireNames(),
                    name -> Category.fromName(name).map(Category::wire).orElse(name)).notNull(),
            Queryable.of("sub_category", TEXT, "f.sub_category", "ACLED sub-event type (snake_case)."),
            Queryable.of("occurred_at", TIMESTAMP, "f.occurred_at", "When it happened, or when its period began.")
                    .role("primary-interval-start").notNull(),
            Queryable.of("occurred_until", TIMESTAMP, "coalesce(f.occurred_until, f.occurred_at)",
                    "When its period ended; for an incident at one moment, that moment.")
                    .role("primary-interval-end").notNull(),
            Queryable.of("time_precision", TEXT, "f.time_precision", "exact, day, week or month.")
                    .oneOf(IncidentFeatureReader.TIME_PRECISIONS, name -> name).notNull(),
            Queryable.of("fatalities", INTEGER, "f.fatalities", "Reported fatalities."),
            Queryable.of("actors", TEXT_ARRAY, "f.actors", "Actors involved (use A_CONTAINS, A_OVERLAPS...)."),
            Queryable.of("location_name", TEXT, "f.location_name", "Place name."),
            Queryable.of("admin1", TEXT, "f.admin1", "First-level administrative area (governorate)."),
            Queryable.of("admin2", TEXT, "f.admin2", "Second-level administrative area (district)."),
            Queryable.of("geo_precision", TEXT, "f.geo_precision", "exact, near or region.")
                    .oneOf(IncidentFeatureReader.GEO_PRECISIONS, name -> name),
            Queryable.of("external_id", TEXT, "f.external_id", "Id in the data set it came from (ACLED's "
                    + "event_id_cnty).")), INTEGER, IncidentSearch.PERIOD);

    private IncidentQueryables() {
    }
}
