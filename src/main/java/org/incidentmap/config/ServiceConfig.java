package org.incidentmap.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Optional;

/** Settings of the incident service, under the {@code incidentmap.} prefix. */
@ConfigMapping(prefix = "incidentmap")
public interface ServiceConfig {

    Geometry geometry();

    Radius radius();

    Seed seed();

    Paging paging();

    Export export();

    Body body();

    @WithName("import")
    Import bulkImport();

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

    interface Body {
        /**
         * Largest request body read whole (one Feature, a region, a query geometry); bulk imports stream and may
         * be as large as {@code quarkus.http.limits.max-body-size}.
         */
        @WithDefault("10M")
        MemorySize maxSize();

        default long maxBytes() {
            return maxSize().asLongValue();
        }
    }

    interface Import {
        /**
         * Rows from which an import at least as large as the table drops the secondary indexes and builds them
         * again at the end, instead of adding each row to them (readers wait for such an import to commit).
         */
        @WithDefault("50000")
        long rebuildAtLeast();

        /**
         * Bulk imports that may run at once; each holds a database connection (and, when large, the table's lock)
         * for as long as its body streams in. Further ones get a 503 with Retry-After.
         */
        @WithDefault("2")
        int maxConcurrent();
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
