package org.incidentmap.region;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.generator.EventType;
import org.locationtech.jts.geom.Geometry;

/** A named area (governorate, city, neighbourhood, town) that incidents can be queried "in", SRID 4326. */
@Entity
@Table(name = "region")
public class Region extends PanacheEntityBase {

    /** A slug such as {@code qardaha}: lower-case letters, digits and hyphens. */
    @Id
    public String id;

    public String name;
    public String kind;

    /** True when the outline was drawn by hand rather than taken from an official boundary. */
    public boolean approximate;

    /** A Polygon or MultiPolygon. */
    public Geometry geom;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** One more at every update, counted by the database (V6) and read back after each write: the ETag. */
    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(name = "version", insertable = false, updatable = false)
    public long version;

    /** Copies every user-supplied field of {@code other} but the id. */
    public void replaceWith(Region other) {
        name = other.name;
        kind = other.kind;
        approximate = other.approximate;
        geom = other.geom;
    }
}
