package org.incidentmap.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A test profile of its own, so that Quarkus restarts the app on a fresh test database holding the seed only
 * (five incidents around Latakia, four regions): for tests that count what a page shows.
 */
public class SeedOnly implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("incidentmap.seed.enabled", "true");
    }
}
