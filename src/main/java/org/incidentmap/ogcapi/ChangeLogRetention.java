package org.incidentmap.ogcapi;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.incidentmap.config.ServiceConfig;
import org.incidentmap.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Keeps the change log for {@code incidentmap.history.retention} when it is set (by default, for ever): a job removes
 * older entries every so often and records, per collection, the newest it removed (V13). Only entries older than the
 * window go, so every delete a sync inside the window needs (its tombstone's last state) stays. A feed position or
 * an updated_after from before what was removed cannot be served whole any more: it gets a 410 telling the client
 * to resync.
 */
@ApplicationScoped
public class ChangeLogRetention {

    private static final Logger LOG = Logger.getLogger(ChangeLogRetention.class);

    /** Removes old entries and moves each collection's horizon to the newest removed (never back). */
    static final String PRUNE = "WITH removed AS (DELETE FROM change_log WHERE changed_at < now() - ?::interval"
            + " RETURNING collection, xid, seq, changed_at)"
            + " INSERT INTO change_log_horizon (collection, xid, seq, changed_at)"
            + " SELECT DISTINCT ON (collection) collection, xid, seq, max(changed_at) OVER (PARTITION BY collection)"
            + " FROM removed ORDER BY collection, xid DESC, seq DESC"
            + " ON CONFLICT (collection) DO UPDATE SET xid = greatest(change_log_horizon.xid, EXCLUDED.xid),"
            + " seq = CASE WHEN EXCLUDED.xid >= change_log_horizon.xid THEN EXCLUDED.seq ELSE change_log_horizon.seq"
            + " END, changed_at = greatest(change_log_horizon.changed_at, EXCLUDED.changed_at)";
    static final String HORIZON = "SELECT xid::text::bigint, seq, changed_at FROM change_log_horizon"
            + " WHERE collection = ?";

    /** Where retention has removed up to: the newest entry removed and its time. */
    record Horizon(long xid, long seq, Instant changedAt) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    ServiceConfig config;

    private ScheduledExecutorService job;

    void start(@Observes StartupEvent started) {
        config.history().retention().ifPresent(keep -> {
            long every = Math.max(1, Math.min(Duration.ofHours(1).toSeconds(), keep.toSeconds() / 2));
            job = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "change-log-retention");
                t.setDaemon(true);
                return t;
            });
            job.scheduleWithFixedDelay(this::pruneLogged, every, every, TimeUnit.SECONDS);
        });
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (job != null) {
            job.shutdownNow();
        }
    }

    private void pruneLogged() {
        try {
            int removed = prune();
            if (removed > 0) {
                LOG.infof("Change log retention removed %d entries", removed);
            }
        } catch (RuntimeException e) {
            LOG.warn("Change log retention failed; it tries again at its next run", e);
        }
    }

    /** Removes the entries older than the retention now; answers how many (0 when the log is kept for ever). */
    public int prune() {
        if (config.history().retention().isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(PRUNE)) {
            s.setString(1, config.history().retention().get().toMillis() + " milliseconds");
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /**
     * Refuses, with a 410, a feed position of {@code collection} from before what retention removed; the answer
     * names the feed's {@code end} now, where a mirror that has read the items again resumes.
     */
    void checkPosition(String collection, ChangeFeed.Position from, Supplier<ChangeFeed.Position> end) {
        Horizon h = horizon(collection);
        if (h != null && (from.xid() < h.xid() || from.xid() == h.xid() && from.seq() <= h.seq())) {
            throw gone("changes before " + h.changedAt() + " are no longer kept (incidentmap.history.retention), "
                    + "so a mirror at this position has missed some. Resync: read the items again, then follow "
                    + "the feed from its end now, since=" + end.get().text());
        }
    }

    /** Refuses, with a 410, tombstones of {@code collection} after {@code since} when some may have been removed. */
    void checkTombstonesSince(String collection, Instant since) {
        Horizon h = horizon(collection);
        if (h != null && !since.isAfter(h.changedAt())) {
            throw gone("deletes before " + h.changedAt() + " are no longer kept (incidentmap.history.retention), "
                    + "so tombstones since " + since + " would be incomplete. Resync: read the items again, and "
                    + "ask for tombstones since a later time.");
        }
    }

    private static ProblemException gone(String detail) {
        return new ProblemException(410, detail, List.of());
    }

    private Horizon horizon(String collection) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(HORIZON)) {
            s.setString(1, collection);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Horizon(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant()) : null;
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }
}
