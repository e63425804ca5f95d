package org.incidentmap.geo;

/**
 * How large a stored or query geometry may be: {@code maxVertices} bounds the work of every query that meets it,
 * {@code maxCollectionDepth} how deeply GeometryCollections may nest (RFC 7946 advises against nesting at all; deep
 * nesting only serves to exhaust a parser's stack).
 */
public record GeometryLimits(int maxVertices, int maxCollectionDepth) {
}
