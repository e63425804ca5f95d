package org.incidentmap.ogcapi;

import java.util.List;

/**
 * One page of features: the features, how many match the whole query (null when that was not counted, because
 * counting would cost more than the page), and the cursor of the next page (or null).
 */
public record Page<T>(List<T> items, Long numberMatched, String nextCursor) {
}
