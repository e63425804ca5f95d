package org.incidentmap.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.incidentmap.ogcapi.VersionedRow;
import org.locationtech.jts.geom.Geometry;

/** One incident, with the field names of ACLED's codebook and a WGS 84 geometry (SRID 4326). */
@Entity
@Table(name = "incident")
public class Incident extends VersionedRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The incident's id in the data set it was imported from (ACLED's event_id_cnty); unique when set. */
    @Column(name = "external_id")
    public String externalId;

    public String title;
    public String description;
    public String category;

    @Column(name = "sub_category")
    public String subCategory;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    /** End of the period, for incidents known only as a span; null for a single moment. */
    @Column(name = "occurred_until")
    public Instant occurredUntil;

    @Column(name = "time_precision")
    public String timePrecision;

    public Integer fatalities;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> actors = new ArrayList<>();

    @Column(name = "location_name")
    public String locationName;

    public String admin1;
    public String admin2;

    @Column(name = "geo_precision")
    public String geoPrecision;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Source> sources = new ArrayList<>();

    public Geometry geom;

    /** Copies every user-supplied field of {@code other}, leaving id and timestamps alone. */
    public void replaceWith(Incident other) {
        externalId = other.externalId;
        title = other.title;
        description = other.description;
        category = other.category;
        subCategory = other.subCategory;
        occurredAt = other.occurredAt;
        occurredUntil = other.occurredUntil;
        timePrecision = other.timePrecision;
        fatalities = other.fatalities;
        actors = other.actors;
        locationName = other.locationName;
        admin1 = other.admin1;
        admin2 = other.admin2;
        geoPrecision = other.geoPrecision;
        sources = other.sources;
        geom = other.geom;
    }
}
