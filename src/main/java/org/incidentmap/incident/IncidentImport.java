package org.incidentmap.incident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.geo.GeometryLimits;
import org.incidentmap.geo.Rfc3339;
import org.incidentmap.ogcapi.ChangeAuthor;
import org.incidentmap.ogcapi.FeatureBody;
import org.incidentmap.ogcapi.FeatureSink;
import org.incidentmap.ogcapi.NamedSql;
import org.incidentmap.ogcapi.ReadAhead;
import org.incidentmap.problem.ProblemException;
import org.incidentmap.problem.Violation;
import org.jboss.logging.Logger;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * One bulk import: features are validated one by one with the rules of a single POST and streamed with COPY into
 * a temporary table, then moved into {@code incident} in one statement that updates the incidents whose
 * {@code external_id} is already stored (an upsert) and adds the rest. All or nothing: one invalid feature, and
 * the transaction is rolled back and the problems are reported (the first {@value #MAX_REPORTED}).
 */
final class IncidentImport implements AutoCloseable {

    /** Problems listed in the answer; reading stops there (the client has enough to fix). */
    static final int MAX_REPORTED = 100;
    /** The columns an import writes, in COPY's order; all but external_id are overwritten by an update. */
    static final List<String> WRITTEN = List.of("external_id", "title", "description", "category", "sub_category",
            "occurred_at", "occurred_until", "time_precision", "fatalities", "actors", "location_name", "admin1",
            "admin2", "geo_precision", "sources", "geom");
    static final String COLUMNS = String.join(", ", WRITTEN);
    static final String STAGING = "CREATE TEMP TABLE incident_import (external_id text, title text, description text,"
            + " category text, sub_category text, occurred_at timestamptz, occurred_until timestamptz,"
            + " time_precision text, fatalities integer, actors text[], location_name text, admin1 text,"
            + " admin2 text, geo_precision text, sources jsonb, geom geometry(Geometry, 4326)) ON COMMIT DROP";
    /** External ids given more than once among the rows of a table that match a condition (the first ten). */
    static final String REPEATED = "SELECT external_id FROM %s WHERE %s AND external_id IS NOT NULL"
            + " GROUP BY external_id HAVING count(*) > 1 ORDER BY external_id LIMIT 10";
    static final String MOVE = "WITH written AS (INSERT INTO incident (" + COLUMNS + ") SELECT " + COLUMNS
            + " FROM incident_import ON CONFLICT (external_id) DO UPDATE SET " + updatedFrom("excluded")
            + " RETURNING (xmax = 0) AS created)"
            + " SELECT count(*) FILTER (WHERE created), count(*) FILTER (WHERE NOT created) FROM written";

    /**
     * The log of rows this transaction copied in and removed again (merged onto stored ones): never features. Their
     * deletes go, and their ids leave the range entry that logged their creates (V11); an emptied entry goes too.
     */
    static final String UNLOG_MERGED = "WITH removed AS (DELETE FROM change_log WHERE xid = pg_current_xact_id()"
            + " AND collection = 'incidents' AND op = 'delete' RETURNING feature_id::bigint AS id),"
            + " gone AS (SELECT range_agg(int8range(id, id, '[]')) AS ids FROM removed)"
            + " UPDATE change_log l SET feature_ids = l.feature_ids - g.ids FROM gone g"
            + " WHERE l.xid = pg_current_xact_id() AND l.collection = 'incidents' AND l.feature_ids IS NOT NULL"
            + " AND g.ids IS NOT NULL";
    static final String UNLOG_EMPTIED = "DELETE FROM change_log WHERE xid = pg_current_xact_id()"
            + " AND collection = 'incidents' AND isempty(feature_ids)";

    static final String DDL_LOCK_TIMEOUT = "SET LOCAL lock_timeout = '5s'";
    /** Bytes of a feature, roughly (GeoJSON or CSV), to tell the rows of a body from its declared length. */
    static final long BYTES_PER_ROW = 500;
    /** The table's size as the planner estimates it (no count of a large table). */
    static final String TABLE_ROWS = "SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'incident'::regclass";
    static final String SECONDARY_INDEXES_ALL = "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname ="
            + " current_schema() AND tablename = 'incident' AND indexname <> 'incident_pkey'";
    static final String SECONDARY_INDEXES = SECONDARY_INDEXES_ALL + " AND indexname <> 'incident_external_id_key'";
    /** Copied rows (id above the given one) whose external id was stored already: copied onto it, then removed. */
    static final String MERGE = "WITH pairs AS (SELECT o.id AS old_id, n.id AS new_id FROM incident n"
            + " JOIN incident o ON o.external_id = n.external_id WHERE n.id > %d AND o.id <= %d),"
            + " updated AS (UPDATE incident o SET " + updatedFrom("n")
            + " FROM pairs p JOIN incident n ON n.id = p.new_id WHERE o.id = p.old_id RETURNING o.id),"
            + " removed AS (DELETE FROM incident d USING pairs p WHERE d.id = p.new_id RETURNING d.id)"
            + " SELECT (SELECT count(*) FROM updated), (SELECT count(*) FROM removed)";

    /** "title = source.title, ..." for every written column but the external id, and a new updated_at. */
    private static String updatedFrom(String source) {
        StringBuilder set = new StringBuilder();
        for (String column : WRITTEN.subList(1, WRITTEN.size())) {
            set.append(column).append(" = ").append(source).append('.').append(column).append(", ");
        }
        return set.append("updated_at = now()").toString();
    }

    /** What an import did. */
    record Result(long created, long updated) {
    }

    private static final Logger LOG = Logger.getLogger(IncidentImport.class);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final DataSource dataSource;
    private final Executor executor;
    private final GeometryLimits limits;
    private final String bulkTimeout;
    private final List<Violation> violations = new ArrayList<>();
    private final StringBuilder row = new StringBuilder(2048);
    private final WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true);
    /** The body's declared length, or -1: large imports are loaded another way. */
    private final long declaredBytes;
    private final long rebuildAtLeast;
    /** Imports that may hold a connection at once (shared by every import); taken when the COPY opens. */
    private final Semaphore slots;
    private boolean holdsSlot;
    private Connection connection;
    private PGCopyOutputStream copy;
    private boolean committed;
    /** Whether rows go straight into the table (a large import) rather than through a staging table. */
    private boolean direct;
    private long lastIdBefore;
    /** Whether any row so far had an external id (else nothing can be an update). */
    private boolean externalIds;
    private List<String> rebuild = List.of();
    /** The user the change log names for every row this import writes. */
    private final String author;

    IncidentImport(DataSource dataSource, ServiceConfig config, Executor executor, long declaredBytes,
            Semaphore slots, String author) {
        this.author = author;
        this.dataSource = dataSource;
        this.slots = slots;
        this.rebuildAtLeast = config.bulkImport().rebuildAtLeast();
        this.bulkTimeout = config.timeout().bulkStatement();
        this.declaredBytes = declaredBytes;
        this.limits = config.geometry().limits();
        this.executor = executor;
    }

    /**
     * Adds every feature {@code reader} reads. It parses on another thread while this one checks and streams the
     * features already parsed: parsing JSON and checking features each take about half the time of an import.
     */
    void addAll(ReadAhead.Reader<FeatureBody.Located> reader) {
        try {
            ReadAhead.copy(executor, reader, new FeatureSink<>() {
                @Override
                public void write(FeatureBody.Located feature) {
                    add(feature);
                }

                @Override
                public void finish() {
                    // finish() of the import itself commits
                }
            }, 200);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the import failed", e);
        }
    }

    /** Validates one feature and, while every feature so far was valid, streams it to the database. */
    void add(FeatureBody.Located feature) {
        add(IncidentFeatureReader.read(feature, limits, violations));
    }

    /** Takes an incident read elsewhere (with its problems already in {@link #violations()}). */
    void add(Incident incident) {
        if (violations.size() >= MAX_REPORTED) {
            throw refusal();
        }
        if (incident == null || !violations.isEmpty()) {
            return; // nothing will be stored: only keep looking for problems
        }
        try {
            if (copy == null) {
                start();
            }
            encode(incident);
            copy.write(row.toString().getBytes(StandardCharsets.UTF_8));
        } catch (SQLException e) {
            throw refused(e);
        } catch (IOException e) {
            throw refusedCopy(e);
        }
    }

    /** Where an importer that reads something other than Features (CSV) records what is wrong. */
    List<Violation> violations() {
        return violations;
    }

    /** Stores everything (or, if anything was invalid, nothing and reports why). */
    Result finish() {
        if (!violations.isEmpty()) {
            throw refusal();
        }
        try {
            long copied = copy.endCopy();
            try (Statement s = connection.createStatement()) {
                Result result = direct ? merge(s, copied) : move(s, copied);
                for (String index : rebuild) {
                    s.execute(index);
                }
                connection.commit();
                committed = true;
                return result;
            }
        } catch (SQLException e) {
            throw refused(e);
        }
    }

    /**
     * Staged rows into the table: an upsert by external id. When the import is at least as large as the table (and
     * not small), the secondary indexes go first: building them again once costs far less than adding every row to
     * them (1,000,000 rows: ~12 s instead of ~22 s).
     */
    private Result move(Statement s, long staged) throws SQLException {
        refuseRepeated(s, REPEATED.formatted("incident_import", "true"));
        if (staged >= rebuildAtLeast && staged >= tableRows(s)) {
            rebuild = dropSecondaryIndexes(s, false);
        }
        try (ResultSet rs = s.executeQuery(MOVE)) {
            rs.next();
            return new Result(rs.getLong(1), rs.getLong(2));
        }
    }

    /**
     * Rows copied straight into the table (ids above {@link #lastIdBefore}): those whose external id was stored
     * before update that incident and are removed again.
     */
    private Result merge(Statement s, long copied) throws SQLException {
        if (!externalIds) {
            return new Result(copied, 0);
        }
        refuseRepeated(s, REPEATED.formatted("incident", "id > " + lastIdBefore));
        long updated = 0;
        try (ResultSet rs = s.executeQuery(MERGE.formatted(lastIdBefore, lastIdBefore))) {
            if (rs.next()) {
                updated = rs.getLong(1);
            }
        }
        if (updated > 0) {
            s.execute(UNLOG_MERGED);
            s.execute(UNLOG_EMPTIED);
        }
        return new Result(copied - updated, updated);
    }

    private static void refuseRepeated(Statement s, String sql) throws SQLException {
        List<String> duplicated = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                duplicated.add(rs.getString(1));
            }
        }
        if (!duplicated.isEmpty()) {
            throw ProblemException.badBody("", "each external_id may appear once in an import; these appear "
                    + "more than once: " + String.join(", ", duplicated));
        }
    }

    /**
     * Drops the secondary indexes (all but the primary key, and but the external id's one when an upsert needs
     * it) and returns the statements that build them again. Readers of the table wait until the import commits.
     */
    private static List<String> dropSecondaryIndexes(Statement s, boolean withExternalId) throws SQLException {
        List<String> definitions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(withExternalId ? SECONDARY_INDEXES_ALL : SECONDARY_INDEXES)) {
            while (rs.next()) {
                names.add(rs.getString(1));
                definitions.add(rs.getString(2));
            }
        }
        s.execute("SET LOCAL maintenance_work_mem = '256MB'");
        // A DROP INDEX waiting behind a long read would make every later reader wait behind it: it waits a few
        // seconds at most, then the import is refused with a 503 (it has stored nothing yet).
        s.execute(DDL_LOCK_TIMEOUT);
        for (String name : names) {
            s.execute("DROP INDEX \"" + name.replace("\"", "\"\"") + "\"");
        }
        return definitions;
    }

    @Override
    public void close() {
        if (holdsSlot) {
            slots.release();
            holdsSlot = false;
        }
        if (connection == null) {
            return;
        }
        try (Connection c = connection) {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
            if (!committed) {
                c.rollback();
            }
            c.setAutoCommit(true);
        } catch (SQLException e) {
            // the transaction is gone with the connection either way; nothing was committed
        }
    }

    /**
     * Opens the transaction and the COPY. An import declared at least as large as the table goes straight into it,
     * with its secondary indexes dropped first and built again at the end; a smaller one goes through a staging
     * table and an upsert, with the indexes kept.
     */
    private void start() throws SQLException {
        if (!slots.tryAcquire()) {
            throw ProblemException.busy("Every import slot is in use; imports run a few at a time. Retry shortly.",
                    10);
        }
        holdsSlot = true;
        connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        NamedSql.setLocalTimeout(connection, bulkTimeout);
        ChangeAuthor.set(connection, author);
        long declaredRows = declaredBytes / BYTES_PER_ROW;
        try (Statement s = connection.createStatement()) {
            if (declaredRows >= rebuildAtLeast && declaredRows >= tableRows(s)) {
                direct = true;
                LOG.infof("An import of ~%d rows goes straight into the table; its indexes are built again after it",
                        declaredRows);
                rebuild = dropSecondaryIndexes(s, true);
                try (ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) FROM incident")) {
                    rs.next();
                    lastIdBefore = rs.getLong(1);
                }
            } else {
                s.execute(STAGING);
            }
        }
        copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                "COPY " + (direct ? "incident" : "incident_import") + " (" + COLUMNS + ") FROM STDIN", 1 << 16);
    }

    private static long tableRows(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery(TABLE_ROWS)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One row of COPY's text format: tab-separated, \N for null, backslash escapes. */
    private void encode(Incident i) {
        row.setLength(0);
        externalIds |= i.externalId != null;
        text(i.externalId);
        text(i.title);
        text(i.description);
        text(i.category);
        text(i.subCategory);
        plain(Rfc3339.format(i.occurredAt));
        plain(i.occurredUntil == null ? null : Rfc3339.format(i.occurredUntil));
        text(i.timePrecision);
        plain(i.fatalities == null ? null : i.fatalities.toString());
        text(arrayLiteral(i.actors));
        text(i.locationName);
        text(i.admin1);
        text(i.admin2);
        text(i.geoPrecision);
        text(JsonText.sources(i.sources));
        Geometry g = i.geom;
        g.setSRID(4326);
        hex(wkb.write(g));
        row.setCharAt(row.length() - 1, '\n');
    }

    private void text(String value) {
        if (value == null) {
            row.append("\\N\t");
            return;
        }
        if (!needsEscape(value)) {
            row.append(value).append('\t');
            return;
        }
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(c);
            }
        }
        row.append('\t');
    }

    /** A value that never holds a character COPY escapes (a number, a timestamp). */
    private void plain(String value) {
        row.append(value == null ? "\\N" : value).append('\t');
    }

    private void hex(byte[] bytes) {
        for (byte b : bytes) {
            row.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
        row.append('\t');
    }

    private static boolean needsEscape(String value) {
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** A PostgreSQL text[] literal: every element quoted, with quotes and backslashes escaped. */
    private static String arrayLiteral(List<String> texts) {
        StringBuilder out = new StringBuilder("{");
        for (String t : texts) {
            out.append(out.length() > 1 ? ",\"" : "\"");
            out.append(t.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append('}').toString();
    }

    private ProblemException refusal() {
        if (violations.size() < MAX_REPORTED) {
            return ProblemException.badBody(violations);
        }
        return new ProblemException(400, "Invalid request body: the first " + MAX_REPORTED + " problems are listed; "
                + "reading stopped there and nothing was stored.", violations);
    }

    /**
     * The database refused the data (a rule of the table, a value out of range): the data's fault, reported as a
     * 400 like any other; anything else is the service's (a 500).
     */
    private static RuntimeException refused(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("22") || state.startsWith("23")) {
            String message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("^ERROR: ", "");
            return ProblemException.badBody("", "the database refused the data: "
                    + (message.contains("\n") ? message.substring(0, message.indexOf('\n')) : message));
        }
        return new IllegalStateException("the import failed in the database", e);
    }

    private static RuntimeException refusedCopy(IOException e) {
        return e.getCause() instanceof SQLException sql ? refused(sql)
                : new UncheckedIOException("streaming the import to the database failed", e);
    }
}
