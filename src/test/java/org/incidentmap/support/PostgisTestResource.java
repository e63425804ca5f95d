package org.incidentmap.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

/**
 * Starts a throwaway PostgreSQL + PostGIS cluster under target/pg-test on a free port (installing PostGIS when
 * it is missing), with a fresh database for this test run, through the same script the run command uses.
 */
public class PostgisTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String SCRIPT = "src/ops/pg-cluster.sh";
    private static final String DIR = "target/pg-test";

    @Override
    public Map<String, String> start() {
        int port = freePort();
        Shell.run(List.of("bash", SCRIPT, "start", "--dir", DIR, "--port", String.valueOf(port), "--db", "incidentmap_test",
                "--throwaway"));
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/incidentmap_test",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        Shell.run(List.of("bash", SCRIPT, "stop", "--dir", DIR));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the test database", e);
        }
    }
}
