package org.incidentmap.region;

import org.incidentmap.ogcapi.Tombstone;

/** A region of a listing, or (with tombstones) the id of one deleted since, with who deleted it and when. */
record RegionListing(String id, Region region, Tombstone deleted) {
}
