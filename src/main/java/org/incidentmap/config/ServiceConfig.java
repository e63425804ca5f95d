package org.incidentmap.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Settings of the incident service, under the {@code incidentmap.} prefix. */
@ConfigMapping(prefix = "incidentmap")
public interface ServiceConfig {

    Geometry geometry();

    Radius radius();

    Seed seed();

    Paging paging();

    Export export();

    /**
     * Bearer token that POST, PUT and DELETE on items must carry ({@code Authorization: Bearer <token>}); when it
     * is not set, writes are open to anyone who can reach the service (meant for local use).
     */
    Optional<String> writeToken();

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

    interface Paging {
        /**
         * Most matches counted for {@code numberMatched}; a query with more leaves it out, since counting every
         * match of a large result costs more than serving a page of it.
         */
        @WithDefault("10000")
        int countMax();
    }

    interface Export {
        /**
         * Exports that may stream at once; each holds a database connection and most of a core while its client
         * reads. Further ones get a 503 with Retry-After.
         */
        @WithDefault("2")
        int maxConcurrent();
    }

    interface Seed {
        /** Whether seeds/*.geojson are loaded (once per database) at start-up. */
        @WithDefault("true")
        boolean enabled();
    }
}
