package org.incidentmap.region;

import static org.incidentmap.cql2.Queryable.Type.BOOLEAN;
import static org.incidentmap.cql2.Queryable.Type.GEOMETRY;
import static org.incidentmap.cql2.Queryable.Type.TEXT;

import java.util.List;
import org.incidentmap.cql2.Queryable;
import org.incidentmap.cql2.Queryables;

/** What a filter on regions may name. */
final class RegionQueryables {

    static final Queryables ALL = new Queryables("regions", List.of(
            Queryable.of("geometry", GEOMETRY, "f.geom", "The region's outline (WGS 84).").role("primary-geometry"),
            Queryable.of("id", TEXT, "f.id", "The region's id (latakia-governorate).").notNull(),
            Queryable.of("name", TEXT, "f.name", "Its name.").notNull(),
            Queryable.of("kind", TEXT, "f.kind", "What kind of area it is (governorate, city, neighbourhood...).")
                    .notNull(),
            Queryable.of("approximate", BOOLEAN, "f.approximate", "Whether the outline is a rough one.")
                    .notNull()), TEXT);

    private RegionQueryables() {
    }
}
