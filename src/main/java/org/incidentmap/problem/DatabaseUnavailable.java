package org.incidentmap.problem;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Database failures that are not the request's fault and pass: every pooled connection in use, a statement that
 * ran past its timeout, a deadlock with a concurrent write, the database down or restarting. They are answered 503 with Retry-After, not 500, wherever
 * they surface (plain JDBC or wrapped by Hibernate).
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    /** The 503 that {@code failure} deserves, or empty when it is a fault of the service itself. */
    public static Optional<ProblemException> of(Throwable failure) {
        Optional<SQLException> sql = firstSql(failure, 0);
        Optional<ProblemException> busy = sql.flatMap(DatabaseUnavailable::classify);
        if (busy.isPresent() && sql.get().getSQLState() != null && sql.get().getSQLState().startsWith("08")
                && committing(failure)) {
            // The connection broke while the transaction was committing: whether the database kept it is unknown.
            return Optional.of(ProblemException.busy("The database went away while this change was being "
                    + "committed, so it may or may not have been stored: check before sending it again (an import "
                    + "with external ids can simply be sent again: it updates what is there). Retry shortly.", 5));
        }
        return busy;
    }

    /**
     * The first SQLException in {@code failure}'s causes, or in what they suppressed: a failed commit reports the
     * driver's error as suppressed by the transaction manager's RollbackException, not as its cause.
     */
    private static Optional<SQLException> firstSql(Throwable failure, int depth) {
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof SQLException e) {
                return Optional.of(e);
            }
            for (Throwable suppressed : t.getSuppressed()) {
                Optional<SQLException> found = firstSql(suppressed, depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean committing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getName().endsWith("RollbackException")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<ProblemException> classify(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            // Agroal's refusal when no connection came free within quarkus.datasource.jdbc.acquisition-timeout.
            return String.valueOf(e.getMessage()).contains("acquisition timeout")
                    ? Optional.of(ProblemException.busy("The service is busy: every database connection stayed in "
                            + "use for longer than it waits for one. Retry shortly.", 2))
                    : Optional.empty();
        }
        if (state.equals("57014")) {
            return Optional.of(ProblemException.busy("The request took longer than its statement timeout "
                    + "(incidentmap.timeout.statement) and was stopped. Narrow it (a smaller area or time span, "
                    + "a simpler geometry) or retry when the service is less busy.", 10));
        }
        if (state.equals("55P03")) {
            // lock_timeout: a schema change (an import's index rebuild) found the table in use and did not queue.
            return Optional.of(ProblemException.busy("The table is in use by others for longer than this change "
                    + "waits for it; nothing was stored. Retry shortly.", 10));
        }
        if (state.equals("40P01") || state.equals("40001")) {
            // Two writes that met in an order the database could not serialise; one of them was cancelled.
            return Optional.of(ProblemException.busy("The request collided with another write at the same moment "
                    + "and was cancelled; nothing was stored. Retry it.", 1));
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300")) {
            return Optional.of(ProblemException.busy("The database is unavailable or restarting. Retry shortly.", 5));
        }
        return Optional.empty();
    }
}
