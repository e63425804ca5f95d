package org.incidentmap.region;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.incidentmap.ogcapi.VersionedRow;
import org.locationtech.jts.geom.Geometry;

/** A named area (governorate, city, neighbourhood, town) that incidents can be queried "in", SRID 4326. */
@Entity
@Table(name = "region")
public class Region extends VersionedRow {

    /** A slug such as {@code qardaha}: lower-case letters, digits and hyphens. */
    @Id
    public String id;

    public String name;
    public String kind;

    /** True when the outline was drawn by hand rather than taken from an official boundary. */
    public boolean approximate;

    /** A Polygon or MultiPolygon. */
    public Geometry geom;

    /** Copies every user-supplied field of {@code other} but the id. */
    public void replaceWith(Region other) {
        name = other.name;
        kind = other.kind;
        approximate = other.approximate;
        geom = other.geom;
    }
}
