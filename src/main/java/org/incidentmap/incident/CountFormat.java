package org.incidentmap.incident;

import jakarta.ws.rs.core.MediaType;
import org.incidentmap.ogcapi.Link;
import org.incidentmap.ogcapi.Representation;

/** The formats counts are written in: JSON, CSV, or (counts by region) GeoJSON for a choropleth. */
enum CountFormat implements Representation {
    JSON("json", Link.JSON),
    CSV("csv", "text/csv"),
    GEOJSON("geojson", Link.GEOJSON);

    private final String name;
    private final MediaType mediaType;

    CountFormat(String name, String mediaType) {
        this.name = name;
        this.mediaType = MediaType.valueOf(mediaType);
    }

    @Override
    public String formatName() {
        return name;
    }

    @Override
    public MediaType mediaType() {
        return mediaType;
    }

    String contentType() {
        return this == CSV ? "text/csv; charset=UTF-8; header=present" : mediaType.toString();
    }
}
