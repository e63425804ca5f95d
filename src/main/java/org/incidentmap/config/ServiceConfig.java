package org.incidentmap.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.incidentmap.geo.GeometryLimits;

/** Settings of the incident service, under the {@code incidentmap.} prefix. */
@ConfigMapping(prefix = "incidentmap")
public interface ServiceConfig {

    Geometry geometry();

    Radius radius();

    Seed seed();

    Paging paging();

    Export export();

    Body body();

    Timeout timeout();

    Tiles tiles();

    Cors cors();

    Http http();

    @WithName("import")
    Import bulkImport();

    Reads reads();

    Feed feed();

    Writes writes();

    History history();

    interface History {
        /**
         * Whether anonymous readers see who made each change (history, change feed, tombstones). Off by default:
         * an editor's name can endanger them, so only holders of a token see it.
         */
        @WithDefault("false")
        boolean publicAuthors();

        /**
         * How long the change log keeps an entry (history, feed, tombstones); absent (the default): for ever. A feed
         * position or a tombstones' updated_after from before what was removed gets a 410 telling the client to
         * resync.
         */
        Optional<Duration> retention();
    }

    interface Reads {
        /** Whether anyone may read (true), or only users with a token of any role (reader, editor, admin). */
        @WithName("public")
        @WithDefault("true")
        boolean open();
    }

    interface Writes {
        /**
         * Whether PUT, PATCH and DELETE of a feature must carry If-Match with its ETag (428 without it), so that no
         * client can overwrite a change it has not seen. Off by default: If-Match is then honoured when sent.
         */
        @WithDefault("false")
        boolean requireIfMatch();
    }

    interface Geometry {
        /** Most vertices a stored or query geometry may have. */
        @WithDefault("100000")
        int maxVertices();

        /** How deeply GeometryCollections may nest (1: a collection of simple geometries only). */
        @WithDefault("2")
        int maxCollectionDepth();

        default GeometryLimits limits() {
            return new GeometryLimits(maxVertices(), maxCollectionDepth());
        }
    }

    interface Tiles {
        /**
         * Zoom level from which vector tiles carry single incidents; below it, clusters of the incidents in each
         * cell of a 64 x 64 grid over the tile.
         */
        @WithDefault("12")
        int clusterBelow();
    }

    interface Cors {
        /**
         * Origins (scheme://host[:port]) whose pages may write (POST, PUT, PATCH, DELETE) from a browser. Reads
         * are open to every origin; writes from any origin not listed get a 403.
         */
        Optional<List<String>> writeOrigins();
    }

    interface Http {
        /**
         * Host names (without port) the service answers to; links in responses are built from the Host header,
         * so any other is refused with a 421 instead of echoed into links. "*" accepts any.
         */
        @WithDefault("localhost,127.0.0.1,[::1],::1")
        List<String> hosts();

        /**
         * The address clients reach the service at (https://maps.example.org/incidents/): when set, every link is
         * built from it and any Host is answered; when not, links follow the request's Host, which must be one of
         * {@link #hosts()}.
         */
        Optional<String> publicUrl();

        /**
         * Longest request target (path and query) answered with a problem: 414 beyond it. The network layer's own
         * limit (quarkus.http.limits.max-initial-line-length) sits above it and answers without a body.
         */
        @WithDefault("65536")
        int maxUrlLength();

        /** Most bytes of request headers (names and values); 431 beyond, as for the URL. */
        @WithDefault("32768")
        int maxHeaderBytes();

        /**
         * Bytes of page bodies the service holds for clients at once (rows read, JSON not yet taken by the client),
         * so that clients that ask and never read cannot fill the heap: a page that finds no room within
         * {@link #responseBudgetWait()} is a 503 with Retry-After. Pages of a few features never wait.
         */
        @WithDefault("16M")
        MemorySize responseBudget();

        /**
         * How long a page waits for room in {@link #responseBudget()} before it is refused: none by default, so that
         * a burst of requests is refused at once instead of parking threads that answers to others need.
         */
        @WithDefault("0s")
        Duration responseBudgetWait();
    }

    /** PostgreSQL durations ('10s', '500ms', '30min'); a statement that runs longer is stopped with a 503. */
    interface Timeout {
        /**
         * Longest a statement of any request may run; applied to every pooled connection when it is opened
         * (quarkus.datasource.jdbc.new-connection-sql reads this key).
         */
        @WithDefault("10s")
        String statement();

        /** Longest a statement of a bulk import or export may run (a million rows take about 20 s). */
        @WithDefault("30min")
        String bulkStatement();
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

        /**
         * Most a page may weigh in memory (16 bytes a vertex, 2 a character): a page of large geometries ends
         * early, with a next link, instead of exhausting the heap.
         */
        @WithDefault("4M")
        MemorySize maxBytes();
    }

    interface Body {
        /**
         * Largest request body read whole (one Feature, a region, a query geometry); bulk imports stream and may
         * be as large as {@code incidentmap.import.max-size}.
         */
        @WithDefault("10M")
        MemorySize maxSize();

        default long maxBytes() {
            return maxSize().asLongValue();
        }
    }

    interface Import {
        /**
         * Largest bulk import body, counted as it streams (declared or chunked); larger gets a 413 problem and
         * nothing is stored. (quarkus.http.limits.max-body-size is set far above it, since Quarkus's own refusal
         * has no body.)
         */
        @WithDefault("2G")
        MemorySize maxSize();

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

    interface Feed {
        /** How often a live change feed (SSE) looks for new changes. */
        @WithDefault("1s")
        Duration poll();

        /** How long one live feed connection lasts; the client then reconnects with Last-Event-ID, missing nothing. */
        @WithDefault("10m")
        Duration maxDuration();

        /** A comment line this often on a quiet feed, so that idle-timeouts and proxies keep the connection. */
        @WithDefault("20s")
        Duration keepAlive();

        /** Live feeds open at once (each polls the database); more get a 503 with Retry-After. */
        @WithDefault("100")
        int maxSubscribers();

        /**
         * Live feeds one client may hold at once (a token's subject, else a remote address), so that one client
         * cannot take every place; more get a 429 with Retry-After.
         */
        @WithDefault("20")
        int maxPerClient();
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
