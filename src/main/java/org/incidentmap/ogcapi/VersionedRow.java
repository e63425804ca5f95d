package org.incidentmap.ogcapi;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.generator.EventType;

/** What every stored feature row keeps besides its data: when it was created and updated, and its version. */
@MappedSuperclass
public abstract class VersionedRow extends PanacheEntityBase {

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
}
