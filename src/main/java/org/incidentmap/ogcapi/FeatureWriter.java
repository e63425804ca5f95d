package org.incidentmap.ogcapi;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes one item of a collection as a GeoJSON Feature object. */
@FunctionalInterface
public interface FeatureWriter<T> {

    void write(JsonGenerator out, T item) throws IOException;
}
