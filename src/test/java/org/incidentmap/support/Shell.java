package org.incidentmap.support;

import java.io.File;
import java.io.IOException;
import java.util.List;

/** Runs the project's scripts (src/ops) from tests, in the project's directory, failing the test when they fail. */
public final class Shell {

    private Shell() {
    }

    public static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).directory(new File(".")).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + p.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
