package org.incidentmap.incident;

/** An incident found by a query, with its distance in metres from the query point when there was one. */
public record IncidentMatch(StoredIncident incident, Double distanceMetres) {
}
