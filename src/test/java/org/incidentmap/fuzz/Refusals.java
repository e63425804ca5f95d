package org.incidentmap.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.incidentmap.geo.InvalidGeometryException;
import org.incidentmap.problem.ProblemException;

/**
 * What a parser may do with input it cannot take: refuse it with a 4xx problem (or, for geometries, an
 * {@link InvalidGeometryException}, which becomes one). Anything else that escapes is a bug the fuzzer found.
 */
final class Refusals {

    private Refusals() {
    }

    /** Runs {@code parse}; a documented refusal passes, any other exception fails the fuzz test. */
    static void only4xx(Runnable parse) {
        try {
            parse.run();
        } catch (ProblemException e) {
            assertTrue(e.status() >= 400 && e.status() < 500, "a " + e.status() + " for bad input: " + e.getMessage());
        } catch (InvalidGeometryException e) {
            // documented: answered as a 400 naming the reason and the place
        }
    }
}
