package org.incidentmap.ogcapi;

/**
 * Marks the parameters of an endpoint that also takes the collection's queryables as parameters of their own
 * (name=value), which {@link StrictRequest} then accepts besides the declared ones.
 */
public interface TakesQueryables {
}
