package org.incidentmap.incident;

/** Where a report of an incident came from: an outlet's name and, when there is one, a link. */
public record Source(String name, String url) {
}
