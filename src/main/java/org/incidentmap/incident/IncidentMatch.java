package org.incidentmap.incident;

import org.incidentmap.ogcapi.Tombstone;

/**
 * An incident found by a query, with its distance in metres from the query point when there was one; or, when
 * {@code deleted} is not null, a deleted incident's last state (a listing with tombstones).
 */
public record IncidentMatch(StoredIncident incident, Double distanceMetres, Tombstone deleted) {

    public IncidentMatch(StoredIncident incident, Double distanceMetres) {
        this(incident, distanceMetres, null);
    }
}
