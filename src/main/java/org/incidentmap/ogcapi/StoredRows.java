package org.incidentmap.ogcapi;

import java.util.function.Supplier;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.Session;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.incidentmap.problem.ProblemException;

/**
 * Writes rows and flushes them at once, so that the database's own checks (its backstop behind the service's
 * validation) answer as a 400 naming the rule or value, never as a 500 at commit.
 */
public final class StoredRows {

    private StoredRows() {
    }

    public static <T> T flushed(Session session, Supplier<T> write) {
        try {
            T result = write.get();
            session.flush();
            return result;
        } catch (OptimisticLockException | StaleStateException e) {
            // The row went away (a concurrent DELETE) between reading it and writing it back.
            throw ProblemException.notFound("The feature was deleted while this request was changing it.");
        } catch (ConstraintViolationException e) {
            if ("incident_external_id_key".equals(e.getConstraintName())) {
                throw ProblemException.conflict("An incident with this external_id is stored already; each external "
                        + "id names one incident.");
            }
            if (e.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                // Another request stored the same id between our check and our insert.
                throw ProblemException.conflict("A feature with this id was stored meanwhile; fetch it, then PUT.");
            }
            String rule = e.getConstraintName() == null ? "a rule" : "the rule " + e.getConstraintName();
            throw ProblemException.badBody("", "the database refused the data: it breaks " + rule);
        } catch (DataException e) {
            // SQLSTATE class 22 (a value out of range, an unrepresentable string): the data's fault, not ours.
            throw ProblemException.badBody("", "the database refused a value: " + firstLine(e.getSQLException().getMessage()));
        }
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.replaceFirst("^ERROR: ", "");
        return text.contains("\n") ? text.substring(0, text.indexOf('\n')) : text;
    }
}
