package org.incidentmap.incident;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.ogcapi.ResponseBudget;
import org.incidentmap.ogcapi.ExchangePermit;
import org.incidentmap.ogcapi.FeatureSink;
import org.incidentmap.ogcapi.FeatureWriter;
import org.incidentmap.ogcapi.GeoJsonSinks;
import org.incidentmap.ogcapi.NamedSql;
import org.incidentmap.ogcapi.ReadAhead;
import org.incidentmap.ogcapi.SqlFilter;
import org.incidentmap.problem.ProblemException;
import org.jboss.logging.Logger;
import org.locationtech.jts.geom.Geometry;
import org.postgresql.PGStatement;

/**
 * Streams every incident matching a query, in constant memory: rows come from a server-side cursor in batches
 * (binary transfer), each is written out as soon as it is read. Only a few exports run at once, since each holds
 * a connection and a core for as long as its client reads; more are refused with a 503 and Retry-After.
 */
@ApplicationScoped
public class IncidentExport {

    private static final Logger LOG = Logger.getLogger(IncidentExport.class);

    /** Rows handed from the reading thread to the writing one at a time, or fewer when they weigh more. */
    static final int BATCH_ROWS = 500;
    static final long BATCH_WEIGHT = 4L << 20;
    /**
     * What a sink hands the response at a time. Jackson's generator writes 8000 bytes at a time; gathering them
     * into 64 KB first (the response's own buffer size) saved 3-8% of a GeoJSON export's JVM CPU.
     */
    private static final int CHUNK_BYTES = 1 << 16;
    static final String FROM_THE_START = "SET LOCAL synchronize_seqscans = off";
    static final String ROWS = "SELECT " + IncidentRows.COLUMNS + "%s FROM incident f WHERE %s%s%s";

    private final Semaphore running;
    private final DataSource dataSource;
    private final ManagedExecutor executor;
    private final String bulkTimeout;

    @Inject
    ResponseBudget budget;

    @Inject
    public IncidentExport(ServiceConfig config, DataSource dataSource, ManagedExecutor executor) {
        this.running = new Semaphore(config.export().maxConcurrent());
        this.bulkTimeout = config.timeout().bulkStatement();
        this.dataSource = dataSource;
        this.executor = executor;
    }

    /**
     * The export of the matches of {@code q} (in {@code region} when not null), at most {@code max} when given, as
     * the answer to {@code exchange}. It holds an export slot from now until it ends, its client leaves (it stops
     * then), or the exchange ends without it having run.
     */
    StreamingOutput stream(IncidentQuery q, Geometry region, Long max, ExportFormat format, RoutingContext exchange) {
        ExchangePermit slot = ExchangePermit.take(running, exchange);
        if (slot == null) {
            throw busy();
        }
        try {
            return stream(q, region, max, format, exchange.response()::closed, budget.paced(), slot);
        } catch (RuntimeException e) {
            slot.close();
            throw e;
        }
    }

    /** Tests whether an export would find a free slot now (as HEAD answers, with no export run). */
    void checkFreeSlot() {
        if (running.availablePermits() <= 0) {
            throw busy();
        }
    }

    private static ProblemException busy() {
        return ProblemException.busy("Every export slot is in use; exports run a few at a time. Retry shortly.", 10);
    }

    private StreamingOutput stream(IncidentQuery q, Geometry region, Long max, ExportFormat format,
            BooleanSupplier clientClosed, ResponseBudget.Paced paced, ExchangePermit slot) {
        boolean near = q.near() != null;
        SqlFilter filter = IncidentSearch.filter(q, region, true);
        // Nearest first around a point; by id when a limit picks the first ones; else in the table's own order
        // (as COPY would), sparing the database a walk of the primary key.
        String order = near ? " ORDER BY distance_m, f.id" : max != null ? " ORDER BY f.id" : "";
        String sql = ROWS.formatted(near ? ", " + NearestFirstSearch.DISTANCE + " AS distance_m" : "",
                filter.where(), order, max == null ? "" : " LIMIT :max");
        Map<String, Object> values = IncidentSearch.with(filter, "max", max);
        return stream -> {
            try {
                copy(sql, values, sink(format, paced.wrap(stream), near));
            } catch (IOException e) {
                if (!clientClosed.getAsBoolean()) {
                    throw e;
                }
                LOG.info("An export stopped: the client closed the connection");
            } finally {
                slot.close();
            }
        };
    }

    private void copy(String sql, Map<String, Object> values, FeatureSink<IncidentMatch> sink) throws IOException {
        ReadAhead.copy(executor, out -> read(sql, values, out), sink, BATCH_ROWS, m -> m.incident().weight(),
                BATCH_WEIGHT);
    }

    private void read(String sql, Map<String, Object> values, Consumer<IncidentMatch> out) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            // A cursor (fetch size honoured) needs a transaction; the export only reads, so it ends in a rollback.
            c.setAutoCommit(false);
            NamedSql.setLocalTimeout(c, bulkTimeout);
            // In the table's own order, from its start: a synchronized scan would join another scan of the table
            // part-way, so two exports of an unchanged table could differ in order.
            try (Statement s = c.createStatement()) {
                s.execute(FROM_THE_START);
            }
            try (PreparedStatement s = new NamedSql(sql).prepare(c, values)) {
                // Binary transfer: timestamps and WKB arrive as bytes, with no text to parse.
                s.unwrap(PGStatement.class).setPrepareThreshold(-1);
                s.setFetchSize(IncidentSearch.FIRST_FETCH);
                try (ResultSet rs = s.executeQuery()) {
                    boolean distance = rs.getMetaData().getColumnCount() > IncidentRows.COLUMN_COUNT;
                    while (rs.next()) {
                        out.accept(new IncidentMatch(IncidentRows.read(rs),
                                distance ? rs.getDouble("distance_m") : null));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static FeatureSink<IncidentMatch> sink(ExportFormat format, OutputStream response, boolean distance)
            throws IOException {
        FeatureWriter<IncidentMatch> feature = (out, m) -> IncidentFeatureWriter.write(out, m, List.of());
        OutputStream stream = new BufferedOutputStream(response, CHUNK_BYTES);
        return switch (format) {
            case GEOJSON, JSON -> GeoJsonSinks.collection(stream, feature);
            case GEOJSON_SEQ -> GeoJsonSinks.sequence(stream, feature);
            case CSV -> new CsvSink(stream, distance);
        };
    }
}
