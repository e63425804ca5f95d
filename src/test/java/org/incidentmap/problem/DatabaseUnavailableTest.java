package org.incidentmap.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which database failures are a passing 503 (and when to retry), and which stay the service's own fault. */
class DatabaseUnavailableTest {

    @ParameterizedTest(name = "SQLState {0} -> Retry-After {1}")
    @CsvSource({"57014, 10", "08006, 5", "08001, 5", "57P01, 5", "57P03, 5", "53300, 5", "40P01, 1", "40001, 1"})
    void shouldAnswerAPassingFailureWith503(String state, int retryAfter) {
        ProblemException p = DatabaseUnavailable.of(new RuntimeException(new SQLException("failed", state))).orElseThrow();
        assertEquals(503, p.status());
        assertEquals(retryAfter, p.retryAfterSeconds());
    }

    @ParameterizedTest(name = "SQLState {0} stays a fault")
    @CsvSource({"42P01", "23505", "XX000"})
    void shouldLeaveTheServicesOwnFaultsAlone(String state) {
        assertTrue(DatabaseUnavailable.of(new SQLException("failed", state)).isEmpty());
    }

    @org.junit.jupiter.api.Test
    void shouldTreatAPoolThatStaysFullAsBusy() {
        assertEquals(2, DatabaseUnavailable.of(new SQLException("Sorry, acquisition timeout!")).orElseThrow()
                .retryAfterSeconds());
    }

    @org.junit.jupiter.api.Test
    void shouldAnswerACommitThatLostItsConnectionWith503SayingTheOutcomeIsUnknown() {
        // As Narayana reports it: the driver's error suppressed by the RollbackException of the commit.
        jakarta.transaction.RollbackException commit = new jakarta.transaction.RollbackException("Could not commit");
        commit.addSuppressed(new RuntimeException("XA", new SQLException("An I/O error occurred", "08006")));
        ProblemException p = DatabaseUnavailable.of(new RuntimeException("Error invoking subclass method", commit))
                .orElseThrow();
        assertEquals(503, p.status());
        assertTrue(p.getMessage().contains("may or may not have been stored"), p.getMessage());
    }
}
