package org.incidentmap.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

/**
 * A cluster of its own for fault tests, durable as a real one (fsync and synchronous commit on, unlike the other
 * tests' throwaway cluster), which a test may crash ({@link #crash}) and start again ({@link #restart}) with its
 * data, through the same script the run command uses.
 */
public class FaultCluster implements QuarkusTestResourceLifecycleManager {

    static final String SCRIPT = "src/ops/pg-cluster.sh";
    static final String DIR = "target/pg-fault";
    static final String DB = "incidentmap_fault";
    private static int port;

    @Override
    public Map<String, String> start() {
        port = freePort();
        restart();
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/" + DB,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        Shell.run(List.of("bash", SCRIPT, "stop", "--dir", DIR));
    }

    /** Stops the cluster as a power cut would: no checkpoint, no goodbye to the service's connections. */
    public static void crash() {
        Shell.run(List.of("bash", SCRIPT, "crash", "--dir", DIR));
    }

    /** Starts the cluster again on its port, with the data it had (crash recovery replays its log). */
    public static void restart() {
        Shell.run(List.of("bash", SCRIPT, "start", "--dir", DIR, "--port", String.valueOf(port), "--db", DB));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the fault test database", e);
        }
    }
}
