package org.incidentmap.ogcapi;

import java.util.List;

/** One page of features: the features, how many match the whole query, and the cursor of the next page (or null). */
public record Page<T>(List<T> items, long numberMatched, String nextCursor) {
}
