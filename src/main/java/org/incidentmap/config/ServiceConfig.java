package org.incidentmap.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the incident service, under the {@code incidentmap.} prefix. */
@ConfigMapping(prefix = "incidentmap")
public interface ServiceConfig {

    Geometry geometry();

    Radius radius();

    Seed seed();

    interface Geometry {
        /** Most vertices a stored or query geometry may have. */
        @WithDefault("100000")
        int maxVertices();
    }

    interface Radius {
        /** Largest radius of a {@code near}/{@code radius} query, in metres. */
        @WithDefault("1000000")
        double maxMetres();
    }

    interface Seed {
        /** Whether seeds/*.geojson are loaded (once per database) at start-up. */
        @WithDefault("true")
        boolean enabled();
    }
}
