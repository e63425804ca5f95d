package org.incidentmap.ogcapi;

import java.io.IOException;

/** Receives the features of an export one at a time and writes them in one format; {@link #finish} ends it. */
public interface FeatureSink<T> {

    void write(T item) throws IOException;

    /** Writes what follows the last feature and flushes. */
    void finish() throws IOException;
}
