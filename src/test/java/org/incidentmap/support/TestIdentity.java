package org.incidentmap.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives every test run a signing key (target/test-keys, made by src/ops/tokens.sh as an operator would) and the
 * service its public half, and sends an administrator's token with every REST Assured request, so that tests
 * write as a user of the service does. Tests of access itself mint other tokens ({@link #token}) or send none
 * ({@link #ANONYMOUS}). Declared here for every test class (a test resource applies to all by default).
 */
@QuarkusTestResource(TestIdentity.class)
public class TestIdentity implements QuarkusTestResourceLifecycleManager {

    static final String KEYS = "target/test-keys";
    /** The value of a test's Authorization header that stands for no token: no Authorization header is sent. */
    public static final String ANONYMOUS = "anonymous";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        Shell.run(List.of("bash", "src/ops/tokens.sh", "keys", "--dir", KEYS));
        String admin = adminAuthorization();
        // A filter, not a default request specification: that would also fix the port before Quarkus sets it.
        RestAssured.filters((request, response, context) -> {
            String given = request.getHeaders().getValue("Authorization");
            if (given == null) {
                request.header("Authorization", admin);
            } else if (given.equals(ANONYMOUS)) {
                request.removeHeader("Authorization");
            }
            return context.next(request, response);
        });
        return Map.of("mp.jwt.verify.publickey.location", new File(KEYS, "public.pem").getAbsolutePath());
    }

    @Override
    public void stop() {
    }

    /** The Authorization header every test request carries unless it says otherwise: an administrator's. */
    public static String adminAuthorization() {
        return "Bearer " + token("admin", "test-admin");
    }

    /** A token for {@code user} with {@code role}, signed with this run's key (minted once per pair). */
    public static String token(String role, String user) {
        return TOKENS.computeIfAbsent(role + " " + user, k -> Shell.output(List.of("bash", "src/ops/tokens.sh", "mint",
                "--dir", KEYS, "--user", user, "--role", role)));
    }
}
